/**
 * Load and fault run: two production server processes on one fresh SQLite
 * file, readers and writers on both, while (a) an import runs in-process
 * through POST /api/import, (b) a command-line import runs beside them, and
 * (c) the second process keeps writing throughout. It prints the answers by
 * status, latency percentiles and whether every acknowledged write is in the
 * database, and exits 1 on any 5xx, lost write or failed import.
 *
 *   npm run build                # once: it serves the production build in .next
 *   npm run load:fault -- [--events 2000] [--readers 4] [--writers 2] [--port 3241]
 *
 * Everything listens on 127.0.0.1; the database and the servers are removed at
 * the end, also on error or Ctrl-C. Editors save through the same no-JavaScript
 * form posts a browser without JavaScript sends.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { generateBenchDataset } from './bench-data';
import { migrateDatabase } from './migrate-database';

const HOST = '127.0.0.1';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PASSWORD = 'lantern-quietly-orbit-47';
const REQUEST_TIMEOUT_MS = 120_000;
const PHASE_TIMEOUT_MS = 20 * 60_000;
/** After the imports, writers go on for this many more saves, so the second process is seen alone too. */
const TAIL_WRITES = 20;
const MAX_WRITES = 5_000;

interface Options {
  events: number;
  readers: number;
  writers: number;
  port: number;
}

function readOptions(): Options {
  const { values } = parseArgs({
    options: {
      events: { type: 'string', default: '2000' },
      readers: { type: 'string', default: '4' },
      writers: { type: 'string', default: '2' },
      port: { type: 'string', default: '3241' },
    },
    strict: true,
  });
  const integer = (name: string, raw: string, min: number, max: number) => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    return value;
  };
  return {
    events: integer('events', values.events, 10, 20_000),
    readers: integer('readers', values.readers, 1, 32),
    writers: integer('writers', values.writers, 1, 16),
    port: integer('port', values.port, 1024, 65_000),
  };
}

const log = (message: string) => process.stdout.write(`${message}\n`);

// ---------------------------------------------------------------------------
// Samples

type Kind = 'read' | 'save' | 'race' | 'import (POST /api/import)' | 'import (command line)';

interface Sample {
  kind: Kind;
  ms: number;
  /** HTTP status, 0 when no answer came; for the command line its exit code. */
  status: number;
  /** What the answer said: saved, conflict, busy, ok, error… */
  outcome: string;
  /** A 5xx, no answer at all, or a command that failed. */
  failed: boolean;
}

const samples: Sample[] = [];

type Answer = Omit<Sample, 'kind' | 'ms' | 'failed'> & { failed?: boolean };

async function timed(kind: Kind, work: () => Promise<Answer>): Promise<Sample> {
  const start = performance.now();
  let answer: Answer;
  try {
    answer = await work();
  } catch (error) {
    answer = { status: 0, outcome: `failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  const sample = { kind, ms: performance.now() - start, failed: answer.status === 0 || answer.status >= 500, ...answer };
  samples.push(sample);
  return sample;
}

// ---------------------------------------------------------------------------
// Servers

interface Server {
  base: string;
  child: ChildProcess;
  output: string[];
}

const servers: Server[] = [];

async function startServer(port: number, env: NodeJS.ProcessEnv): Promise<Server> {
  const base = `http://${HOST}:${port}`;
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(port), '-H', HOST], {
    cwd: ROOT,
    env: { ...env, BETTER_AUTH_URL: base },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // its own process group, stopped as a whole
  });
  const server = { base, child, output: [] as string[] };
  servers.push(server);
  const keep = (chunk: Buffer) => {
    server.output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    if (server.output.length > 200) server.output.splice(0, server.output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start on ${base} exited:\n  ${server.output.slice(-20).join('\n  ')}`);
    try {
      const response = await fetch(`${base}/icon.svg`, { signal: AbortSignal.timeout(5_000) });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`next start on ${base} did not answer within 2 minutes`);
}

function stopServers(): void {
  for (const server of servers.splice(0)) {
    if (server.child.exitCode !== null || server.child.pid === undefined) continue;
    try {
      process.kill(-server.child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

// ---------------------------------------------------------------------------
// Forms, as a browser without JavaScript posts them

const ENTITIES: Record<string, string> = { '&quot;': '"', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&#x27;': "'", '&#39;': "'" };
const decode = (value: string) => value.replace(/&(quot|amp|lt|gt|#x27|#39);/g, (entity) => ENTITIES[entity]);

/** The hidden fields of the first form on the page that has a field named `marker`. */
function hiddenFieldsOf(html: string, marker: string): Map<string, string> {
  const form = html.split('<form').find((part) => part.includes(`name="${marker}"`));
  if (!form) throw new Error(`no form with a "${marker}" field on the page`);
  const fields = new Map<string, string>();
  for (const input of form.split('</form>')[0].matchAll(/<input([^>]*)>/g)) {
    const attributes = input[1];
    if (!/type="hidden"/.test(attributes)) continue;
    const name = /name="([^"]*)"/.exec(attributes)?.[1];
    if (name) fields.set(decode(name), decode(/value="([^"]*)"/.exec(attributes)?.[1] ?? ''));
  }
  return fields;
}

async function getPage(server: Server, pagePath: string, cookie: string): Promise<string> {
  const response = await fetch(`${server.base}${pagePath}`, { headers: { cookie }, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`GET ${pagePath} answered ${response.status}`);
  return html;
}

/** Posts a form; a 303 is the action's redirect after success, a 200 the form shown again with its message. */
async function postForm(server: Server, pagePath: string, cookie: string, fields: Map<string, string>) {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const response = await fetch(`${server.base}${pagePath}`, {
    method: 'POST',
    body,
    redirect: 'manual',
    headers: { cookie, origin: server.base },
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { response, html: await response.text() };
}

function outcomeOf(status: number, html: string): string {
  if (status === 303) return 'saved';
  if (status >= 500) return 'server error';
  if (html.includes('after you opened this form')) return 'conflict message';
  if (html.includes('The database is busy')) return 'busy message';
  return `answer ${status}`;
}

async function signIn(server: Server, email: string): Promise<string> {
  const fields = hiddenFieldsOf(await getPage(server, '/login', ''), 'email');
  fields.set('email', email);
  fields.set('password', PASSWORD);
  const { response } = await postForm(server, '/login', '', fields);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  if (!cookie.includes('session_token')) throw new Error(`sign-in failed (answer ${response.status})`);
  return cookie;
}

// ---------------------------------------------------------------------------
// The workload

interface Run {
  servers: Server[];
  cookie: string;
  running: boolean;
  acknowledged: string[];
  writes: number;
  races: { won: number; conflicts: number };
}

const READ_PATHS = ['/', '/policies', '/actors', '/api/events?limit=20', '/feed.xml', '/?order=desc'];

async function reader(run: Run, index: number): Promise<void> {
  for (let turn = index; run.running; turn++) {
    const server = run.servers[turn % run.servers.length];
    const readPath = READ_PATHS[turn % READ_PATHS.length];
    await timed('read', async () => {
      const response = await fetch(`${server.base}${readPath}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      await response.arrayBuffer();
      return { status: response.status, outcome: response.status === 200 ? 'ok' : `answer ${response.status}` };
    });
  }
}

/** Creates policies with unique slugs, alternating between the two processes; a 303 is an acknowledged write. */
async function writer(run: Run, index: number, tag: string): Promise<void> {
  for (let turn = 0; run.running && run.writes < MAX_WRITES; turn++) {
    run.writes++;
    const server = run.servers[(turn + index) % run.servers.length];
    const slug = `load-${tag}-${index}-${turn}`;
    await timed('save', async () => {
      const fields = hiddenFieldsOf(await getPage(server, '/admin/policies/new', run.cookie), 'title');
      fields.set('title', `Load test policy ${slug}`);
      fields.set('slug', slug);
      fields.set('summary', 'Written by the load-and-fault run.');
      const { response, html } = await postForm(server, '/admin/policies/new', run.cookie, fields);
      const outcome = outcomeOf(response.status, html);
      if (outcome === 'saved') run.acknowledged.push(slug);
      return { status: response.status, outcome };
    });
  }
}

/** Both processes open the same policy's form at the same version and save at once: one saves, the other must get the conflict message. */
async function racer(run: Run, policyPath: string): Promise<void> {
  for (let turn = 0; run.running; turn++) {
    const forms = await Promise.all(run.servers.map((server) => getPage(server, policyPath, run.cookie)));
    const attempts = forms.map((html, which) => {
      const fields = hiddenFieldsOf(html, 'title');
      fields.set('title', `Raced policy, round ${turn} by process ${which + 1}`);
      fields.set('slug', 'raced-policy');
      fields.set('summary', 'Saved by two processes at once.');
      return fields;
    });
    const results = await Promise.all(
      run.servers.map((server, which) =>
        timed('race', async () => {
          const { response, html } = await postForm(server, policyPath, run.cookie, attempts[which]);
          return { status: response.status, outcome: outcomeOf(response.status, html) };
        }),
      ),
    );
    run.races.won += results.filter((result) => result.outcome === 'saved').length;
    run.races.conflicts += results.filter((result) => result.outcome === 'conflict message').length;
  }
}

async function importThroughApi(server: Server, cookie: string, file: string, text: string): Promise<Sample> {
  return timed('import (POST /api/import)', async () => {
    const body = new FormData();
    body.append('file', new Blob([text], { type: 'application/json' }), path.basename(file));
    const response = await fetch(`${server.base}/api/import`, {
      method: 'POST',
      body,
      headers: { cookie, origin: server.base },
      signal: AbortSignal.timeout(PHASE_TIMEOUT_MS),
    });
    const lines = (await response.text()).trim().split('\n');
    const last = JSON.parse(lines[lines.length - 1] ?? '{}') as { type?: string; state?: { status?: string; message?: string } };
    return { status: response.status, outcome: last.type === 'result' && last.state?.status === 'success' ? 'ok' : `error: ${last.state?.message ?? lines.at(-1)}` };
  });
}

function importOnCommandLine(file: string, env: NodeJS.ProcessEnv): Promise<Sample> {
  return timed('import (command line)', () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/data-import.ts', file], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    return new Promise((resolve) =>
      child.on('close', (code) =>
        resolve({ status: code ?? 1, failed: code !== 0, outcome: code === 0 ? 'ok' : `error: ${output.trim().split('\n').slice(-3).join(' / ')}` }),
      ),
    );
  });
}

// ---------------------------------------------------------------------------
// Report

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length))) - 1];
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

function figures(): string {
  const kinds = [...new Set(samples.map((sample) => sample.kind))];
  const rows = kinds.map((kind) => {
    const ofKind = samples.filter((sample) => sample.kind === kind);
    const sorted = ofKind.map((sample) => sample.ms).sort((a, b) => a - b);
    const outcomes = new Map<string, number>();
    for (const sample of ofKind) {
      const key = `${sample.status} ${sample.outcome}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    }
    const ms = (value: number) => (Number.isNaN(value) ? '—' : value.toFixed(0));
    return [
      kind,
      String(ofKind.length),
      String(ofKind.filter((sample) => sample.failed).length),
      ms(percentile(sorted, 50)),
      ms(percentile(sorted, 90)),
      ms(percentile(sorted, 99)),
      ms(sorted[sorted.length - 1] ?? Number.NaN),
      [...outcomes].map(([key, count]) => `${key} ×${count}`).join(', '),
    ];
  });
  return table(['requests', 'count', 'failed', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'answers (status outcome ×count)'], rows);
}

// ---------------------------------------------------------------------------
// Main

let folder: string | null = null;

function cleanUp(): void {
  stopServers();
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
}

async function main(): Promise<number> {
  const options = readOptions();
  if (!existsSync(path.join(ROOT, '.next', 'BUILD_ID'))) throw new Error('No production build in .next: run `npm run build` first.');
  folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-load-fault-'));
  const databaseUrl = `file:${path.join(folder, 'timeline.db')}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    CHECKPOINT_DISABLE: '1',
    // Both processes sign the same sessions.
    BETTER_AUTH_SECRET: randomBytes(32).toString('base64url'),
  };
  migrateDatabase(databaseUrl);
  const email = `load-${randomBytes(4).toString('hex')}@example.test`;
  const created = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/user-create.ts', '--email', email, '--password', PASSWORD, '--role', 'admin'], {
    cwd: ROOT,
    env,
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`Could not create the account: ${created.stderr}`);

  const apiFile = path.join(folder, 'import-api.json');
  const cliFile = path.join(folder, 'import-cli.json');
  const dataset = generateBenchDataset({ events: options.events });
  const apiText = JSON.stringify(dataset);
  // The same events retitled: the command-line import updates every event the first one made.
  const changed = { ...dataset, events: dataset.events.map((event) => ({ ...event, title: `${event.title} (revised)` })) };
  writeFileSync(cliFile, JSON.stringify(changed));
  writeFileSync(apiFile, apiText);

  log(`Starting two servers on ${HOST}:${options.port} and :${options.port + 1} over ${databaseUrl} …`);
  const [first, second] = await Promise.all([startServer(options.port, env), startServer(options.port + 1, env)]);
  const cookie = await signIn(first, email);
  log('Signed in as an admin; preparing the policy both processes race on…');
  const tag = randomBytes(3).toString('hex');

  // The policy both processes race on.
  const setup = hiddenFieldsOf(await getPage(first, '/admin/policies/new', cookie), 'title');
  setup.set('title', 'Raced policy');
  setup.set('slug', 'raced-policy');
  setup.set('summary', 'Saved by two processes at once.');
  await postForm(first, '/admin/policies/new', cookie, setup);
  const check = new Database(path.join(folder, 'timeline.db'), { readonly: true, timeout: 10_000 });
  const raced = check.prepare("SELECT id FROM Policy WHERE slug = 'raced-policy'").get() as { id: string } | undefined;
  check.close();
  if (!raced) throw new Error('Could not create the policy to race on.');

  const run: Run = { servers: [first, second], cookie, running: true, acknowledged: [], writes: 0, races: { won: 0, conflicts: 0 } };
  const load = [
    ...Array.from({ length: options.readers }, (_, index) => reader(run, index)),
    ...Array.from({ length: options.writers }, (_, index) => writer(run, index, tag)),
    racer(run, `/admin/policies/${raced.id}/edit`),
  ];

  log(`(a) importing ${options.events} events through POST /api/import while both processes read and write…`);
  const apiImport = await importThroughApi(first, cookie, apiFile, apiText);
  log(`    ${apiImport.outcome} in ${(apiImport.ms / 1000).toFixed(1)} s`);
  log(`(b) importing ${options.events} changed events with npm run data:import while both processes read and write…`);
  const cliImport = await importOnCommandLine(cliFile, env);
  log(`    ${cliImport.outcome} in ${(cliImport.ms / 1000).toFixed(1)} s`);
  log(`(c) both processes alone for ${TAIL_WRITES} more saves…`);
  const tailUntil = run.writes + TAIL_WRITES;
  while (run.writes < tailUntil && run.writes < MAX_WRITES) await new Promise((resolve) => setTimeout(resolve, 100));
  run.running = false;
  await Promise.all(load);

  const database = new Database(path.join(folder, 'timeline.db'), { readonly: true, timeout: 10_000 });
  const present = new Set(database.prepare("SELECT slug FROM Policy WHERE slug LIKE 'load-%'").pluck().all() as string[]);
  const events = database.prepare('SELECT count(*) FROM Event').pluck().get() as number;
  const importRevisions = database.prepare("SELECT count(*) FROM Revision WHERE action = 'import' AND entityType = 'event'").pluck().get() as number;
  const integrity = database.pragma('integrity_check', { simple: true });
  database.close();
  stopServers();

  const lost = run.acknowledged.filter((slug) => !present.has(slug));
  const serverErrors = samples.filter((sample) => sample.failed).length;
  const raceRounds = samples.filter((sample) => sample.kind === 'race').length / 2;
  log('');
  log(figures());
  log('');
  log(`Saves acknowledged: ${run.acknowledged.length}; found afterwards: ${run.acknowledged.length - lost.length}; lost: ${lost.length}${lost.length ? ` (${lost.slice(0, 5).join(', ')}…)` : ''}`);
  log(`Same-record races: ${raceRounds} rounds, ${run.races.won} saved, ${run.races.conflicts} conflict messages`);
  log(`Events in the database: ${events} (expected ${options.events}); import revisions of events: ${importRevisions} (expected ${2 * options.events}); integrity check: ${String(integrity)}`);
  const summary = {
    serverErrors,
    acknowledged: run.acknowledged.length,
    lost: lost.length,
    imports: [apiImport.outcome, cliImport.outcome],
    events,
    importRevisions,
    integrity,
    races: { rounds: raceRounds, ...run.races },
  };
  log(`RESULT ${JSON.stringify(summary)}`);
  const failed = serverErrors > 0 || lost.length > 0 || apiImport.outcome !== 'ok' || cliImport.outcome !== 'ok' || integrity !== 'ok';
  if (failed) {
    for (const server of [first, second]) log(`\nLast output of ${server.base}:\n  ${server.output.slice(-15).join('\n  ')}`);
  }
  return failed ? 1 : 0;
}

process.on('SIGINT', () => {
  cleanUp();
  process.exit(130);
});

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(cleanUp);
