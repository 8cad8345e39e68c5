/**
 * Benchmark of the public pages on a large synthetic dataset. It only measures
 * and prints — there are no thresholds.
 *
 *   npm run build            # once: the benchmark serves the production build in .next
 *   npx tsx scripts/bench.ts [--events 5000] [--requests 200] [--concurrency 4] [--warmup 5] [--lib-runs 50] [--seed N]
 *
 * Steps: a fresh SQLite database in a temporary folder, migrated with
 * `prisma migrate deploy`; a deterministic synthetic dataset (scripts/bench-data.ts)
 * validated and written with applyDataset; `next start` on 127.0.0.1:3300 against
 * it; for each scenario a warm-up, then a fixed number of requests from a small
 * pool of concurrent workers; then lib/events.ts timed in-process. The server
 * and the temporary folder are removed at the end, also on error or Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { BENCH_AGENCY, generateBenchDataset } from './bench-data';
import { migrateDatabase } from './migrate-database';
import { describeProblem, validateDataset } from '@/lib/dataset/validate';
import type { TimelineQuery } from '@/lib/filters';

const HOST = '127.0.0.1';
const PORT = 3300;
const BASE_URL = `http://${HOST}:${PORT}`;
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SERVER_START_TIMEOUT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 60_000;

// ---------------------------------------------------------------------------
// Options

interface Options {
  events: number;
  requests: number;
  concurrency: number;
  warmup: number;
  libRuns: number;
  seed: number;
}

const USAGE = 'Usage: npx tsx scripts/bench.ts [--events 5000] [--requests 200] [--concurrency 4] [--warmup 5] [--lib-runs 50] [--seed N]';

function parseCommandLine() {
  try {
    return parseArgs({
      options: {
        events: { type: 'string', default: '5000' },
        requests: { type: 'string', default: '200' },
        concurrency: { type: 'string', default: '4' },
        warmup: { type: 'string', default: '5' },
        'lib-runs': { type: 'string', default: '50' },
        seed: { type: 'string', default: '20261127' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
}

function readOptions(): Options {
  const { values } = parseCommandLine();
  const integer = (name: string, raw: string, min: number, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
    }
    return value;
  };
  return {
    events: integer('events', values.events, 100, 200_000),
    requests: integer('requests', values.requests, 1, 100_000),
    concurrency: integer('concurrency', values.concurrency, 1, 64),
    warmup: integer('warmup', values.warmup, 0, 1_000),
    libRuns: integer('lib-runs', values['lib-runs'], 1, 10_000),
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
  };
}

class UsageError extends Error {}

// ---------------------------------------------------------------------------
// Statistics and formatting

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

const ascending = (values: readonly number[]) => [...values].sort((a, b) => a - b);
const ms = (value: number) => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function table(headers: string[], rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ');
  return [line(headers), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

const loadAverage = () => os.loadavg().map((value) => value.toFixed(2)).join(' / ');

function log(message: string): void {
  process.stdout.write(`${message}\n`);
}

// ---------------------------------------------------------------------------
// Temporary database


// ---------------------------------------------------------------------------
// A private copy of the production build

const BUILD_WAIT_MS = 5 * 60_000;

const readBuildId = (nextFolder: string): string | null => {
  try {
    return readFileSync(path.join(nextFolder, 'BUILD_ID'), 'utf8').trim();
  } catch {
    return null;
  }
};

/**
 * Copies the production build into `folder` and returns the project root to
 * serve it from. Other work (the browser tests) rebuilds .next in place; a
 * server reading it mid-build fails, so the benchmark serves a snapshot taken
 * while no build was running (.next/lock absent, BUILD_ID unchanged across the copy).
 */
async function snapshotBuild(folder: string): Promise<{ root: string; buildId: string }> {
  const nextFolder = path.join(PROJECT_ROOT, '.next');
  const building = () => existsSync(path.join(nextFolder, 'lock'));
  const deadline = Date.now() + BUILD_WAIT_MS;
  let announced = false;
  for (;;) {
    const buildId = readBuildId(nextFolder);
    if (!building()) {
      if (!buildId) {
        throw new UsageError('No production build in .next (.next/BUILD_ID is missing). Run `npm run build` first, then run the benchmark again.');
      }
      const root = path.join(folder, 'server');
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      cpSync(nextFolder, path.join(root, '.next'), {
        recursive: true,
        verbatimSymlinks: true,
        filter: (source) => !['cache', 'lock', 'trace', 'trace-build'].includes(path.relative(nextFolder, source)),
      });
      if (!building() && readBuildId(nextFolder) === buildId) {
        for (const file of ['package.json', 'next.config.mjs']) cpSync(path.join(PROJECT_ROOT, file), path.join(root, file));
        if (existsSync(path.join(PROJECT_ROOT, 'public'))) cpSync(path.join(PROJECT_ROOT, 'public'), path.join(root, 'public'), { recursive: true });
        symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
        return { root, buildId };
      }
    }
    if (Date.now() > deadline) throw new Error(`.next was still being rebuilt after ${BUILD_WAIT_MS / 60_000} minutes; try again later.`);
    if (!announced) log('A build is running in .next; waiting for it to finish…');
    announced = true;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
}

// ---------------------------------------------------------------------------
// The Next.js server

interface Server {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

let server: Server | null = null;

async function isAnswering(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

async function startServer(root: string, databaseUrl: string): Promise<Server> {
  if (await isAnswering(`${BASE_URL}/`, 2_000)) {
    throw new Error(`Something already answers on ${BASE_URL}; stop it first (the benchmark never reuses a server).`);
  }
  const nextBin = path.join(PROJECT_ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
  // Its own process group, so that stopping it also stops any worker it forks.
  const child = spawn(process.execPath, [nextBin, 'start', '-p', String(PORT), '-H', HOST], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((line) => line.trim() !== ''));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started: Server = { child, output, exited };
  server = started;

  let stoppedEarly = false;
  void exited.then(() => {
    stoppedEarly = true;
  });
  const deadline = Date.now() + SERVER_START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (stoppedEarly) throw new Error(`next start exited before answering:\n  ${output.slice(-20).join('\n  ')}`);
    if (await isAnswering(`${BASE_URL}/icon.svg`, 2_000)) return started;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not answer within ${SERVER_START_TIMEOUT_MS / 1000} s:\n  ${output.slice(-20).join('\n  ')}`);
}

async function stopServer(): Promise<void> {
  const running = server;
  server = null;
  if (!running || running.child.exitCode !== null || running.child.signalCode !== null) return;
  const group = running.child.pid;
  const signal = (name: NodeJS.Signals) => {
    try {
      if (group !== undefined) process.kill(-group, name);
    } catch {
      // Already gone.
    }
  };
  signal('SIGTERM');
  const stopped = await Promise.race([running.exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000))]);
  if (!stopped) {
    signal('SIGKILL');
    await running.exited;
  }
}

// ---------------------------------------------------------------------------
// HTTP load

interface Sample {
  ms: number;
  /** The HTTP status, or 0 when no response came (refused, reset, timed out). */
  status: number;
  bytes: number;
  error?: string;
}

interface HttpResult {
  scenario: string;
  path: string;
  requests: number;
  concurrency: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  requestsPerSecond: number;
  meanBytes: number;
  non200: number;
  /** What the non-200 answers were, e.g. "500 ×2, failed ×1 (fetch failed: other side closed)". */
  failures: string;
  wallMs: number;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
}

function describeFailures(samples: readonly Sample[]): string {
  const counts = new Map<string, number>();
  for (const sample of samples) {
    if (sample.status === 200) continue;
    const key = sample.status === 0 ? `failed (${sample.error ?? 'no response'})` : String(sample.status);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, count]) => `${key} ×${count}`).join(', ');
}

async function timedRequest(url: string): Promise<Sample> {
  const start = performance.now();
  try {
    const response = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      headers: { 'user-agent': 'timeline-bench' },
    });
    const body = await response.arrayBuffer();
    return { ms: performance.now() - start, status: response.status, bytes: body.byteLength };
  } catch (error) {
    return { ms: performance.now() - start, status: 0, bytes: 0, error: describeError(error) };
  }
}

/** `total` requests to `url` from `concurrency` workers, each sending its next request when the last one finished. */
async function load(url: string, total: number, concurrency: number): Promise<{ samples: Sample[]; wallMs: number }> {
  const samples: Sample[] = [];
  let issued = 0;
  const worker = async () => {
    while (issued < total) {
      issued++;
      samples.push(await timedRequest(url));
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, worker));
  return { samples, wallMs: performance.now() - start };
}

interface Scenario {
  name: string;
  path: string;
}

async function measure(scenario: Scenario, options: Options): Promise<HttpResult> {
  const url = `${BASE_URL}${scenario.path}`;
  if (options.warmup > 0) await load(url, Math.max(options.warmup, options.concurrency), options.concurrency);
  const { samples, wallMs } = await load(url, options.requests, options.concurrency);
  const latencies = ascending(samples.map((sample) => sample.ms));
  const ok = samples.filter((sample) => sample.status === 200);
  return {
    scenario: scenario.name,
    path: scenario.path,
    requests: samples.length,
    concurrency: options.concurrency,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    requestsPerSecond: samples.length / (wallMs / 1000),
    meanBytes: ok.length > 0 ? ok.reduce((sum, sample) => sum + sample.bytes, 0) / ok.length : 0,
    non200: samples.filter((sample) => sample.status !== 200).length,
    failures: describeFailures(samples),
    wallMs,
  };
}

// ---------------------------------------------------------------------------
// In-process timings

interface LibResult {
  name: string;
  runs: number;
  p50: number;
  p99: number;
  max: number;
  detail: string;
}

async function timeCall<T>(name: string, runs: number, call: () => Promise<T>, describe: (result: T) => string): Promise<LibResult> {
  for (let index = 0; index < Math.min(5, runs); index++) await call();
  const durations: number[] = [];
  let last: T | undefined;
  for (let index = 0; index < runs; index++) {
    const start = performance.now();
    last = await call();
    durations.push(performance.now() - start);
  }
  const sorted = ascending(durations);
  return {
    name,
    runs,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1],
    detail: last === undefined ? '' : describe(last),
  };
}

// ---------------------------------------------------------------------------
// Main

let tempFolder: string | null = null;
let cleanedUp = false;

async function cleanUp(): Promise<void> {
  if (cleanedUp) return;
  cleanedUp = true;
  await stopServer();
  if (tempFolder) rmSync(tempFolder, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const runStart = performance.now();
  const options = readOptions();

  if (!existsSync(path.join(PROJECT_ROOT, '.next', 'BUILD_ID')) && !existsSync(path.join(PROJECT_ROOT, '.next', 'lock'))) {
    throw new UsageError('No production build in .next (.next/BUILD_ID is missing). Run `npm run build` first, then run the benchmark again.');
  }
  tempFolder = mkdtempSync(path.join(os.tmpdir(), 'timeline-bench-'));
  const { root: serverRoot, buildId } = await snapshotBuild(tempFolder);
  const databaseFile = path.join(tempFolder, 'bench.db');
  const databaseUrl = `file:${databaseFile}`;
  log(`Benchmark: ${options.events} events, ${options.requests} requests a scenario, concurrency ${options.concurrency}, seed ${options.seed}`);
  log(`Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), build ${buildId} (served from a copy in the temporary folder)`);
  log(`Database: ${databaseFile}`);
  log(`Load average at start: ${loadAverage()} (other work on this machine skews the figures)`);

  let stepStart = performance.now();
  migrateDatabase(databaseUrl);
  log(`Migrated in ${seconds(performance.now() - stepStart)}`);

  // lib/db.ts reads DATABASE_URL when it is first imported: import it (and everything that uses it) only now.
  process.env.DATABASE_URL = databaseUrl;
  const { createPrismaClient, db } = await import('@/lib/db');
  const { applyDataset } = await import('@/lib/dataset/apply');
  const { COMMAND_LINE_AUTHOR } = await import('@/lib/revisions');
  const { chronologicalOrder, listEvents, monthlyActivity, resolveEventFilter, getEventBySlug } = await import('@/lib/events');
  const { withDescendantIds } = await import('@/lib/actors');
  const { EMPTY_FILTER, PAGE_SIZE } = await import('@/lib/filters');

  stepStart = performance.now();
  const generated = generateBenchDataset({ events: options.events, seed: options.seed });
  const generateMs = performance.now() - stepStart;
  stepStart = performance.now();
  const validation = validateDataset(JSON.parse(JSON.stringify(generated)));
  if (!validation.ok) {
    throw new Error(`The synthetic dataset is invalid:\n  ${validation.problems.slice(0, 20).map(describeProblem).join('\n  ')}`);
  }
  const validateMs = performance.now() - stepStart;
  const dataset = validation.dataset;

  const loader = createPrismaClient(databaseUrl);
  stepStart = performance.now();
  const report = await applyDataset(loader, dataset, { author: COMMAND_LINE_AUTHOR });
  const applyMs = performance.now() - stepStart;
  const counts = {
    events: report.events.created,
    actors: report.actors.created,
    sources: report.sources.created,
    policies: report.policies.created,
    actorLinks: await loader.eventActor.count(),
    citations: await loader.citation.count(),
    relations: await loader.eventRelation.count(),
  };
  log(
    `Dataset: generated in ${seconds(generateMs)}, validated in ${seconds(validateMs)}, written by applyDataset in ${seconds(applyMs)} ` +
      `(${(counts.events / (applyMs / 1000)).toFixed(0)} events/s); database ${kib(statSync(databaseFile).size)}`,
  );
  log(
    `  ${counts.events} events, ${counts.actors} actors, ${counts.sources} sources, ${counts.policies} policies, ` +
      `${counts.actorLinks} actor links, ${counts.citations} citations, ${counts.relations} relations`,
  );

  // Targets, read from the database in the app's own order.
  const ordered = (
    await loader.event.findMany({ where: { deletedAt: null }, select: { slug: true }, orderBy: chronologicalOrder('asc') })
  ).map((event) => event.slug);
  const pages = Math.ceil(ordered.length / PAGE_SIZE);
  const deepPage = Math.max(1, Math.floor(pages * 0.9)); // pages before the one shown
  const deepCursor = ordered[deepPage * PAGE_SIZE - 1];
  const deepDescCursor = ordered[ordered.length - deepPage * PAGE_SIZE];

  const topActor = (
    await loader.eventActor.groupBy({ by: ['actorId'], _count: { eventId: true }, orderBy: { _count: { eventId: 'desc' } }, take: 1 })
  )[0];
  const actor = await loader.actor.findUniqueOrThrow({ where: { id: topActor.actorId }, select: { slug: true } });
  const topPolicy = (
    await loader.event.groupBy({ by: ['policyId'], where: { policyId: { not: null } }, _count: { id: true }, orderBy: { _count: { id: 'desc' } }, take: 1 })
  )[0];
  const policy = await loader.policy.findUniqueOrThrow({ where: { id: topPolicy.policyId ?? '' }, select: { slug: true } });
  // The best-connected event: most relations (both ways), then most citations and actors.
  const incoming = new Map<string, number>();
  for (const event of dataset.events) {
    for (const relation of event.relations) incoming.set(relation.event, (incoming.get(relation.event) ?? 0) + 1);
  }
  const connectedness = (event: (typeof dataset.events)[number]) =>
    (event.relations.length + (incoming.get(event.slug) ?? 0)) * 100 + event.citations.length * 10 + event.actors.length;
  const eventTarget = dataset.events.reduce((best, event) => (connectedness(event) > connectedness(best) ? event : best)).slug;

  const agencyIds = await withDescendantIds([(await loader.actor.findUniqueOrThrow({ where: { slug: BENCH_AGENCY }, select: { id: true } })).id]);
  const matches = {
    actor: await loader.event.count({ where: { deletedAt: null, actors: { some: { actor: { slug: actor.slug } } } } }),
    agency: await loader.event.count({ where: { deletedAt: null, actors: { some: { actorId: { in: agencyIds } } } } }),
    policy: topPolicy._count.id,
  };
  await loader.$disconnect();

  const scenarios: Scenario[] = [
    { name: 'first page', path: '/' },
    { name: `deep page (page ${deepPage + 1}/${pages})`, path: `/?after=${deepCursor}` },
    { name: 'newest first', path: '/?order=desc' },
    { name: `deep page, newest first (page ${deepPage + 1}/${pages})`, path: `/?order=desc&after=${deepDescCursor}` },
    { name: `actor filter (${matches.actor} events)`, path: `/?actor=${actor.slug}` },
    { name: `agency + ${agencyIds.length - 1} sub-agencies (${matches.agency} events)`, path: `/?agency=${BENCH_AGENCY}` },
    { name: 'event page', path: `/events/${eventTarget}` },
    { name: `actor page (${matches.actor} events)`, path: `/actors/${actor.slug}` },
    { name: `policy page (${matches.policy} events)`, path: `/policies/${policy.slug}` },
  ];

  stepStart = performance.now();
  await startServer(serverRoot, databaseUrl);
  log(`next start answered on ${BASE_URL} after ${seconds(performance.now() - stepStart)}`);

  // The deep page must really be the page after the cursor, or the figures measure the wrong thing.
  const deepHtml = await (await fetch(`${BASE_URL}/?after=${deepCursor}`)).text();
  const expectedFirst = ordered[deepPage * PAGE_SIZE];
  const deepOk = deepHtml.includes(`/events/${expectedFirst}"`) && !deepHtml.includes(`/events/${ordered[0]}"`);
  log(`Deep page check: ${deepOk ? 'starts' : 'does NOT start'} at event #${deepPage * PAGE_SIZE + 1} (${expectedFirst})`);

  const httpResults: HttpResult[] = [];
  for (const scenario of scenarios) {
    const result = await measure(scenario, options);
    httpResults.push(result);
    log(
      `  ${result.scenario.padEnd(44)} p50 ${ms(result.p50).padStart(7)} ms  p99 ${ms(result.p99).padStart(7)} ms  ` +
        `${result.requestsPerSecond.toFixed(1).padStart(6)} req/s  ${kib(result.meanBytes).padStart(10)}  non-200: ${result.non200}  (${seconds(result.wallMs)})`,
    );
  }
  const serverErrors = server?.output.filter((line) => /error/i.test(line)) ?? [];
  await stopServer();

  // In-process, no HTTP: the same pageSize the pages use.
  const { where } = await resolveEventFilter(EMPTY_FILTER);
  const query = (patch: Partial<TimelineQuery>): TimelineQuery => ({
    filter: EMPTY_FILTER,
    order: 'asc',
    after: null,
    before: null,
    page: 1,
    ...patch,
  });
  const pageDetail = (page: Awaited<ReturnType<typeof listEvents>>) => `${page.events.length} rows of ${page.total}, first ${page.events[0]?.slug ?? '—'}`;
  const libResults: LibResult[] = [
    await timeCall('listEvents, first page', options.libRuns, () => listEvents(query({}), where, PAGE_SIZE), pageDetail),
    await timeCall(`listEvents, deep page ${deepPage + 1}`, options.libRuns, () => listEvents(query({ after: deepCursor }), where, PAGE_SIZE), pageDetail),
    await timeCall('listEvents, newest first', options.libRuns, () => listEvents(query({ order: 'desc' }), where, PAGE_SIZE), pageDetail),
    await timeCall(`listEvents, deep, newest first`, options.libRuns, () => listEvents(query({ order: 'desc', after: deepDescCursor }), where, PAGE_SIZE), pageDetail),
    await timeCall('monthlyActivity (chart, all)', options.libRuns, () => monthlyActivity(where), (activity) => `${activity.months.length} months, ${activity.yearOnly} year-only`),
    await timeCall('getEventBySlug', options.libRuns, () => getEventBySlug(eventTarget), (event) => `${event?.citations.length ?? 0} citations, ${event?.relations.length ?? 0} relations`),
  ];
  await db.$disconnect();

  log('');
  log(`== HTTP (next start, ${options.events} events; ${options.requests} requests a scenario after ${Math.max(options.warmup, options.concurrency)} warm-up; bytes = decoded HTML) ==`);
  log(
    table(
      ['scenario', 'reqs', 'conc', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'req/s', 'mean bytes', 'non-200'],
      httpResults.map((result) => [
        result.scenario,
        String(result.requests),
        String(result.concurrency),
        ms(result.p50),
        ms(result.p90),
        ms(result.p99),
        ms(result.max),
        result.requestsPerSecond.toFixed(1),
        kib(result.meanBytes),
        String(result.non200),
      ]),
      (column) => column > 0,
    ),
  );
  log('');
  log('Paths:');
  for (const result of httpResults) log(`  ${result.scenario.padEnd(44)} ${result.path}`);
  const failed = httpResults.filter((result) => result.non200 > 0);
  if (failed.length > 0) {
    log('');
    log('Non-200 answers:');
    for (const result of failed) log(`  ${result.scenario.padEnd(44)} ${result.failures}`);
  }
  log('');
  log(`== In-process lib/events.ts (${options.libRuns} runs each after 5 warm-up, page size ${PAGE_SIZE}) ==`);
  log(
    table(
      ['call', 'runs', 'p50 ms', 'p99 ms', 'max ms', 'result'],
      libResults.map((result) => [result.name, String(result.runs), ms(result.p50), ms(result.p99), ms(result.max), result.detail]),
      (column) => column > 0 && column < 5,
    ),
  );
  if (serverErrors.length > 0) {
    log('');
    log(`Server log lines mentioning errors (${serverErrors.length}):`);
    for (const line of serverErrors.slice(0, 10)) log(`  ${line}`);
  }
  log('');
  log(`Load average at end: ${loadAverage()}`);
  log(`Total run time ${seconds(performance.now() - runStart)}`);
}

const onSignal = (signal: NodeJS.Signals) => {
  log(`\n${signal}: stopping the server and removing the temporary database…`);
  void cleanUp().finally(() => process.exit(130));
};
process.once('SIGINT', onSignal);
process.once('SIGTERM', onSignal);

main()
  .catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => cleanUp());
