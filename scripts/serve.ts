import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import next from 'next';
import { dropClientForwardingHeaders } from '@/lib/client-address';
import { catchUpWith, currentStamp, dataVersion, freshDataVersion } from '@/lib/data-version';
import { readEnv } from '@/lib/env';
import { isCacheable, PageCache, type RenderedPage } from '@/lib/page-cache';
import { renderRequestHeaders, takeRenderRequest } from '@/lib/render-request';

/**
 * The production server (`npm start`): Next.js behind a plain Node HTTP server
 * that
 * - unless TRUST_PROXY=true, removes the forwarding headers a client sent.
 *   Next.js fills in X-Forwarded-For only when it is missing, so without this a
 *   client could name its own address and escape the per-client sign-in limits;
 * - answers reader pages of visitors without a session from lib/page-cache.ts,
 *   rendering each through Next.js once per data version. PAGE_CACHE=off
 *   turns it off;
 * - renders those pages in RENDER_PROCESSES processes (unset: one per core,
 *   at most two): itself and render processes it starts, each Next.js on the
 *   same build and database, answering only this process's internal requests
 *   on a loopback port. A render runs where the fewest are running. Rendering
 *   is most of what a page the cache does not hold costs, and one process uses
 *   one core; each render process holds a Next.js server and a filter index of
 *   its own (memory for speed).
 *
 * A render process serves data as new as this process's: every render request
 * carries this process's stamp of the data (lib/data-version.ts), and a render
 * process whose own differs reads the database's before it renders.
 */

const RENDER_TIMEOUT_MS = 30_000;
/** A render process that ends is started again after this long. */
const RESTART_DELAY_MS = 2_000;
/** After this many render processes in a row ended before they were ready, none is started again. */
const MAX_FAILED_STARTS = 5;

interface RenderTarget {
  port: number;
  running: number;
}

function renderThroughNext(target: RenderTarget, token: string, url: string, host: string | undefined): Promise<RenderedPage | null> {
  target.running++;
  return new Promise<RenderedPage | null>((resolve) => {
    const headers: IncomingHttpHeaders = { ...renderRequestHeaders(token, currentStamp()), accept: 'text/html' };
    if (host) headers.host = host;
    const internal = httpRequest({ host: '127.0.0.1', port: target.port, path: url, headers, timeout: RENDER_TIMEOUT_MS }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const pairs: Array<[string, string]> = [];
        for (let index = 0; index < response.rawHeaders.length; index += 2) {
          pairs.push([response.rawHeaders[index].toLowerCase(), response.rawHeaders[index + 1]]);
        }
        resolve({ status: response.statusCode ?? 500, headers: pairs, body: Buffer.concat(chunks) });
      });
      response.on('error', () => resolve(null));
    });
    internal.on('timeout', () => internal.destroy());
    internal.on('error', () => resolve(null));
    internal.end();
  }).finally(() => target.running--);
}

/**
 * The processes pages are rendered in: this one, and the render processes as
 * they become ready. The render processes come first, so that with as many
 * renders running everywhere, this process (which also answers everything
 * else) is the last to get another.
 */
class RenderProcesses {
  private readonly workers = new Map<ChildProcess, RenderTarget>();
  private stopping = false;
  private failedStarts = 0;

  constructor(
    private readonly self: RenderTarget,
    private readonly token: string,
  ) {}

  start(count: number): void {
    if (count === 0) return;
    for (let started = 0; started < count; started++) this.startOne();
    const stopAll = () => {
      this.stopping = true;
      for (const child of this.workers.keys()) child.kill();
    };
    process.once('exit', stopAll);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stopAll();
        process.exit(signal === 'SIGINT' ? 130 : 143);
      });
    }
  }

  private startOne(): void {
    // The same Node options (the TypeScript loader among them) and script, as a render process.
    const child = fork(fileURLToPath(import.meta.url), ['--render-process'], {
      execArgv: process.execArgv,
      env: { ...process.env, TIMELINE_RENDER_TOKEN: this.token },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (message: { ready?: number }) => {
      if (typeof message?.ready !== 'number') return;
      this.workers.set(child, { port: message.ready, running: 0 });
      this.failedStarts = 0;
    });
    child.once('exit', (code, signal) => {
      const wasReady = this.workers.delete(child);
      if (this.stopping) return;
      if (!wasReady && ++this.failedStarts >= MAX_FAILED_STARTS) {
        console.error(`${MAX_FAILED_STARTS} render processes in a row ended before they were ready; pages render in this process only.`);
        return;
      }
      console.error(`A render process ended (${signal ?? `exit code ${code}`}); starting another in ${RESTART_DELAY_MS / 1000} s.`);
      setTimeout(() => this.startOne(), RESTART_DELAY_MS).unref();
    });
  }

  /**
   * The process with the fewest renders running, this one counted with one
   * more than it has: it also answers every other request, and sends on what
   * the others render.
   */
  pick(): RenderTarget {
    let best = this.self;
    let load = this.self.running + 1;
    for (const target of this.workers.values()) {
      if (target.running <= load) {
        best = target;
        load = target.running;
      }
    }
    return best;
  }
}

/** A render process: Next.js on a loopback port of its own, answering only the parent server's render requests. */
async function renderProcess(): Promise<void> {
  const token = process.env.TIMELINE_RENDER_TOKEN;
  if (!token || !process.send) throw new Error('A render process is started by scripts/serve.ts, not by hand.');
  delete process.env.TIMELINE_RENDER_TOKEN;
  // It ends with the server that started it.
  process.on('disconnect', () => process.exit(0));
  const app = next({ dev: false, hostname: '127.0.0.1' });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const { internal, stamp } = takeRenderRequest(request, token);
    if (!internal) {
      response.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('This port answers the server\'s own render requests only.\n');
      return;
    }
    // Kept with the stored page: where it was rendered shows on its responses (the browser tests check it).
    response.setHeader('x-rendered-by', 'render-process');
    (stamp === null ? Promise.resolve() : catchUpWith(stamp))
      .then(() => handle(request, response))
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  server.listen(0, '127.0.0.1', () => process.send!({ ready: (server.address() as AddressInfo).port }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { port: { type: 'string' }, hostname: { type: 'string' } } });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const hostname = values.hostname;
  const env = readEnv();
  const trustProxy = env.TRUST_PROXY === 'true';
  const token = randomBytes(24).toString('hex');
  const renderers = new RenderProcesses({ port, running: 0 }, token);
  const pageCache =
    process.env.PAGE_CACHE === 'off'
      ? null
      : new PageCache({
          render: (url, host) => renderThroughNext(renderers.pick(), token, url, host),
          version: () => freshDataVersion() ?? dataVersion(),
          knownVersion: () => freshDataVersion(),
        });
  const renderProcesses = pageCache ? (env.RENDER_PROCESSES ?? Math.min(2, os.availableParallelism())) - 1 : 0;

  const app = next({ dev: false, hostname: hostname ?? 'localhost', port });
  const handle = app.getRequestHandler();
  await app.prepare();
  createServer((request, response) => {
    const { internal } = takeRenderRequest(request, token);
    if (!trustProxy && !internal) dropClientForwardingHeaders(request.headers);
    if (pageCache && !internal && isCacheable(request)) {
      if (pageCache.serveStored(request, response)) return;
      pageCache
        .serve(request, response)
        .then((served) => {
          if (!served) void handle(request, response);
        })
        .catch((error: unknown) => {
          console.error(error);
          if (!response.headersSent) void handle(request, response);
        });
      return;
    }
    void handle(request, response);
  }).listen(port, hostname, () => {
    renderers.start(renderProcesses);
    console.log(
      `Serving on http://${hostname ?? 'localhost'}:${port} (${trustProxy ? 'client address from the trusted proxy' : 'client address from the socket'}; ` +
        `page cache ${pageCache ? `on, rendering in ${renderProcesses + 1} ${renderProcesses === 0 ? 'process' : 'processes'}` : 'off'})`,
    );
  });
}

(process.argv.includes('--render-process') ? renderProcess() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
