import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The servers the benchmark measures: the production build (served from a
 * private copy, so a rebuild elsewhere cannot break a run), and a static file
 * server of the same bytes as the baseline. Both run in their own process
 * group and are stopped with it.
 */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BUILD_WAIT_MS = 5 * 60_000;
const START_TIMEOUT_MS = 60_000;

export class BenchUsageError extends Error {}

const readBuildId = (nextFolder: string): string | null => {
  try {
    return readFileSync(path.join(nextFolder, 'BUILD_ID'), 'utf8').trim();
  } catch {
    return null;
  }
};

/** Copies the production build into `folder` while no build is running; returns the root to serve it from. */
export async function snapshotBuild(folder: string): Promise<{ root: string; buildId: string }> {
  const nextFolder = path.join(PROJECT_ROOT, '.next');
  const building = () => existsSync(path.join(nextFolder, 'lock'));
  const deadline = Date.now() + BUILD_WAIT_MS;
  for (;;) {
    const buildId = readBuildId(nextFolder);
    if (!building()) {
      if (!buildId) throw new BenchUsageError('No production build in .next (.next/BUILD_ID is missing). Run `npm run build` first.');
      const root = path.join(folder, 'server');
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      cpSync(nextFolder, path.join(root, '.next'), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !['cache', 'lock', 'trace', 'trace-build'].includes(path.relative(nextFolder, source)),
      });
      if (!building() && readBuildId(nextFolder) === buildId) {
        for (const file of ['package.json', 'next.config.mjs', 'tsconfig.json']) cpSync(path.join(PROJECT_ROOT, file), path.join(root, file));
        for (const folderName of ['public', 'scripts', 'lib', 'prisma']) {
          const source = path.join(PROJECT_ROOT, folderName);
          if (existsSync(source)) symlinkSync(source, path.join(root, folderName), 'dir');
        }
        symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
        return { root, buildId };
      }
    }
    if (Date.now() > deadline) throw new Error(`.next was still being rebuilt after ${BUILD_WAIT_MS / 60_000} minutes; try again later.`);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  output: string[];
  exited: Promise<number | null>;
  /** Highest resident memory of the process and its children so far, in bytes. */
  peakRss: () => number;
  stop: () => Promise<void>;
}

/** Resident memory of a process and every descendant (Linux /proc), in bytes. */
function treeRss(pid: number): number {
  let total = 0;
  const visit = (current: number) => {
    try {
      const status = readFileSync(`/proc/${current}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) total += Number(match[1]) * 1024;
      for (const task of readdirSync(`/proc/${current}/task`)) {
        const children = readFileSync(`/proc/${current}/task/${task}/children`, 'utf8').trim();
        for (const child of children ? children.split(/\s+/) : []) visit(Number(child));
      }
    } catch {
      // The process ended between two reads.
    }
  };
  visit(pid);
  return total;
}

async function answers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000), redirect: 'manual' });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

function launch(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv; url: string; readyPath: string }): Promise<RunningServer> {
  const child = spawn(command[0], command.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    if (output.length > 300) output.splice(0, output.length - 300);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let peak = 0;
  const sampler = setInterval(() => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  }, 200);
  const stop = async () => {
    clearInterval(sampler);
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // Already gone.
      }
    };
    signal('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
    if (!stopped) {
      signal('SIGKILL');
      await exited;
    }
  };
  const server: RunningServer = { child, url: options.url, output, exited, peakRss: () => peak, stop };
  return (async () => {
    let ended = false;
    void exited.then(() => {
      ended = true;
    });
    const deadline = Date.now() + START_TIMEOUT_MS;
    while (Date.now() < deadline) {
      if (ended) throw new Error(`${command.join(' ')} exited before answering:\n  ${output.slice(-20).join('\n  ')}`);
      if (await answers(`${options.url}${options.readyPath}`)) return server;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await stop();
    throw new Error(`${command.join(' ')} did not answer within ${START_TIMEOUT_MS / 1000} s:\n  ${output.slice(-20).join('\n  ')}`);
  })();
}

/** The production server as `npm start` runs it, in one process (without the migrate step: the benchmark migrated already). */
export async function startAppServer(root: string, databaseUrl: string, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  if (await answers(`${url}/`)) throw new BenchUsageError(`Something already answers on ${url}; stop it first.`);
  const customServer = path.join(PROJECT_ROOT, 'scripts', 'serve.ts');
  const command = existsSync(customServer)
    ? [process.execPath, '--import', 'tsx', customServer]
    : [process.execPath, path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'];
  return launch(command, {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      PORT: String(port),
      HOSTNAME: '127.0.0.1',
      BETTER_AUTH_URL: url,
    },
    url,
    readyPath: '/icon.svg',
  });
}

const STATIC_SERVER = `
const http = require('node:http');
const fs = require('node:fs');
const zlib = require('node:zlib');
const body = fs.readFileSync(process.env.BENCH_FILE);
const gzipped = zlib.gzipSync(body);
const type = process.env.BENCH_TYPE;
http.createServer((request, response) => {
  const gzip = /\\bgzip\\b/.test(request.headers['accept-encoding'] || '');
  response.writeHead(200, { 'Content-Type': type, 'Content-Length': gzip ? gzipped.length : body.length, ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
  response.end(gzip ? gzipped : body);
}).listen(Number(process.env.BENCH_PORT), '127.0.0.1');
`;

/**
 * A static file server of one file, as a CDN or nginx with precompressed files
 * would serve it: the bytes from memory, gzipped once when the client accepts it.
 */
export function startStaticServer(file: string, contentType: string, port: number): Promise<RunningServer> {
  const url = `http://127.0.0.1:${port}`;
  return launch([process.execPath, '-e', STATIC_SERVER], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, BENCH_FILE: file, BENCH_TYPE: contentType, BENCH_PORT: String(port) },
    url,
    readyPath: '/',
  });
}
