/**
 * The performance benchmark: what readers and admins get at 1,000, 10,000 and
 * (with --full) 100,000 events. It measures and prints; it asserts nothing.
 *
 *   npm run build
 *   npm run bench -- [--sizes 1000,10000] [--full] [--seconds 10] [--connections 16] [--json file] [--no-browser] [--database sqlite|postgresql]
 *
 * For each size: a deterministic synthetic dataset (scripts/bench-data.ts) is
 * written to a file and imported with the real `npm run data:import` path into
 * a fresh database (import time and peak memory) — SQLite, or with
 * `--database postgresql` a fresh PostgreSQL database on TEST_POSTGRES_URL's
 * server or the private cluster of scripts/postgres-server.sh; the production build
 * is served from a private copy; wrk drives each scenario hot (one URL
 * repeated) and cold (every request a different URL) at the same connection
 * count, next to a static file server of the byte-identical home page; each
 * export is fetched whole (time to first byte, total, size); Chromium at
 * 1280×800 reports when the first event is visible and the JavaScript sent.
 * A table goes to standard output and everything to a JSON file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateBenchDataset } from './bench-data';
import { chromiumPath, measureInBrowser, type BrowserFigures } from './bench/browser';
import { hasWrk, runLoad, type LoadResult } from './bench/load';
import { BenchUsageError, PROJECT_ROOT, snapshotBuild, startAppServer, startStaticServer } from './bench/server';
import { migrateDatabase } from './migrate-database';
import type { Dataset } from '@/lib/dataset/format';

const APP_PORT = 3300;
const STATIC_PORT = 3301;

interface Options {
  sizes: number[];
  seconds: number;
  connections: number;
  json: string;
  browser: boolean;
  seed: number;
  database: 'sqlite' | 'postgresql';
}

const USAGE =
  'Usage: npm run bench -- [--sizes 1000,10000] [--full] [--seconds 10] [--connections 16] [--json file] [--no-browser] [--seed N] [--database sqlite|postgresql]';

function readOptions(): Options {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string', default: '1000,10000' },
        full: { type: 'boolean', default: false },
        seconds: { type: 'string', default: '10' },
        connections: { type: 'string', default: '16' },
        json: { type: 'string', default: path.join('.data', 'bench', 'latest.json') },
        'no-browser': { type: 'boolean', default: false },
        seed: { type: 'string', default: '20261127' },
        database: { type: 'string', default: 'sqlite' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new BenchUsageError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const integer = (name: string, raw: string, min: number, max: number): number => {
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) throw new BenchUsageError(`--${name} must be a whole number from ${min} to ${max} (got "${raw}")\n${USAGE}`);
    return value;
  };
  const sizes = values.sizes.split(',').map((size) => integer('sizes', size.trim(), 10, 500_000));
  if (values.full && !sizes.includes(100_000)) sizes.push(100_000);
  return {
    sizes,
    seconds: integer('seconds', values.seconds, 1, 600),
    connections: integer('connections', values.connections, 1, 512),
    json: values.json,
    browser: !values['no-browser'],
    seed: integer('seed', values.seed, 0, 2 ** 32 - 1),
    database: databaseOption(values.database),
  };
}

function databaseOption(value: string): Options['database'] {
  if (value === 'sqlite' || value === 'postgresql') return value;
  throw new BenchUsageError(`--database must be sqlite or postgresql (got "${value}")\n${USAGE}`);
}

/** The server fresh PostgreSQL databases are made on: TEST_POSTGRES_URL, or the private cluster (started when needed). */
function postgresServer(): string {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  const started = spawnSync('bash', [path.join('scripts', 'postgres-server.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (started.status !== 0) throw new Error('Could not start a PostgreSQL server (scripts/postgres-server.sh start)');
  return started.stdout.trim();
}

/** A new, empty database for one size, migrated; on PostgreSQL named timeline_bench_<size>_<time>, dropped afterwards. */
async function freshBenchDatabase(options: Options, events: number, folder: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (options.database === 'sqlite') {
    const url = `file:${path.join(folder, `bench-${events}.db`)}`;
    migrateDatabase(url);
    return { url, drop: async () => {} };
  }
  const server = postgresServer();
  const name = `timeline_bench_${events}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(server);
  target.pathname = `/${name}`;
  const url = target.toString();
  migrateDatabase(url);
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

const log = (message: string) => process.stdout.write(`${message}\n`);
const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const kib = (bytes: number) => `${fixed(bytes / 1024)} KiB`;
const mib = (bytes: number) => `${fixed(bytes / (1024 * 1024))} MiB`;

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join(' | ')} |`;
  return [line(headers), `|${widths.map((width, column) => (column === 0 ? '-'.repeat(width + 2) : `${'-'.repeat(width + 1)}:`)).join('|')}|`, ...rows.map(line)].join('\n');
}

// ---------------------------------------------------------------------------
// The import, through the real command line

interface ImportFigures {
  seconds: number;
  peakRssBytes: number;
  exitCode: number | null;
}

function importThroughCli(file: string, databaseUrl: string, folder: string): ImportFigures {
  const rssFile = path.join(folder, 'import-rss.txt');
  const preload = path.join(folder, 'peak-rss.cjs');
  // Every Node process of the command (tsx starts one of its own) writes its peak memory on exit.
  writeFileSync(preload, `process.on('exit', () => { try { require('node:fs').appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + '\\n'); } catch {} });\n`);
  const start = performance.now();
  const run = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(PROJECT_ROOT, 'scripts', 'data-import.ts'), file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: `--require ${preload}` },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (run.status !== 0) throw new Error(`data:import failed (exit ${run.status}):\n${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
  let peakKb = 0;
  try {
    peakKb = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number));
  } catch {
    // No figure when the preload could not write.
  }
  return { seconds, peakRssBytes: peakKb * 1024, exitCode: run.status };
}

// ---------------------------------------------------------------------------
// Scenarios: the URLs a crowd of readers asks for

interface Scenario {
  name: string;
  paths: string[];
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z]+/).filter((word) => word.length >= 5);
}

/** Deterministic lists of distinct URLs, drawn from the dataset itself. */
function scenariosFor(dataset: Dataset): Scenario[] {
  const byCount = <T>(counts: Map<T, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([key]) => key);
  const actorCounts = new Map<string, number>();
  const topicCounts = new Map<string, number>();
  for (const event of dataset.events) {
    for (const link of event.actors) actorCounts.set(link.actor, (actorCounts.get(link.actor) ?? 0) + 1);
    for (const topic of event.topics) topicCounts.set(topic, (topicCounts.get(topic) ?? 0) + 1);
  }
  const actors = byCount(actorCounts);
  const topics = byCount(topicCounts);
  const agencies = dataset.actors.filter((actor) => ['agency', 'government', 'legislature', 'court'].includes(actor.kind)).map((actor) => actor.slug);
  const types = [...new Set(dataset.events.map((event) => event.type))];
  const searchWords = [...new Set(dataset.events.slice(0, 200).flatMap((event) => words(event.title)))];
  const years = Array.from({ length: 12 }, (_, index) => 2015 + index);

  const filtered: string[] = [];
  for (let index = 0; filtered.length < 600; index++) {
    const actor = actors[index % actors.length];
    const agency = agencies[index % agencies.length];
    const type = types[index % types.length];
    const topic = topics[index % Math.max(1, topics.length)];
    const word = searchWords[index % searchWords.length];
    const year = years[index % years.length];
    const month = String((index % 12) + 1).padStart(2, '0');
    filtered.push(
      [
        `/?actor=${actor}`,
        `/?agency=${agency}&type=${type}`,
        topic ? `/?topic=${topic}&from=${year}-${month}&to=${year + 1}-${month}` : `/?from=${year}&to=${year}`,
        `/?q=${word}`,
        `/?type=${type}&actor=${actor}`,
        topic ? `/?q=${word}&topic=${topic}` : `/?q=${word}&type=${type}`,
      ][index % 6],
    );
  }
  const unique = (paths: string[]) => [...new Set(paths)];
  const events = dataset.events.filter((_, index) => index % Math.max(1, Math.floor(dataset.events.length / 2000)) === 0).map((event) => `/events/${event.slug}`);
  return [
    { name: '/', paths: ['/', '/?order=desc', '/?order=asc', ...years.map((year) => `/?from=${year}&to=${year}`)] },
    { name: 'filtered views', paths: unique(filtered) },
    { name: 'text search', paths: unique(searchWords.map((word) => `/?q=${word}`)) },
    { name: 'event pages', paths: unique(events) },
    { name: 'actor pages', paths: actors.slice(0, 500).map((slug) => `/actors/${slug}`) },
    { name: 'policy pages', paths: dataset.policies.slice(0, 500).map((policy) => `/policies/${policy.slug}`) },
    { name: '/actors', paths: ['/actors'] },
  ];
}

const EXPORTS = ['/events.csv', '/events.ics', '/api/timelinejs', '/api/export', '/feed.xml', '/api/events'];

interface ExportFigures {
  path: string;
  status: number;
  firstByteMs: number;
  totalMs: number;
  bytes: number;
}

async function fetchWhole(url: string): Promise<ExportFigures> {
  const start = performance.now();
  try {
    return await readWhole(url, start);
  } catch (error) {
    log(`  ${url}: ${error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error)}`);
    return { path: new URL(url).pathname, status: 0, firstByteMs: Number.NaN, totalMs: performance.now() - start, bytes: 0 };
  }
}

async function readWhole(url: string, start: number): Promise<ExportFigures> {
  const response = await fetch(url, { signal: AbortSignal.timeout(600_000) });
  const reader = response.body!.getReader();
  let firstByteMs = Number.NaN;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - start;
    bytes += value.byteLength;
  }
  return { path: new URL(url).pathname, status: response.status, firstByteMs, totalMs: performance.now() - start, bytes };
}

// ---------------------------------------------------------------------------

interface ScenarioFigures {
  name: string;
  distinctUrls: number;
  hot: LoadResult;
  cold: LoadResult;
}

interface SizeFigures {
  events: number;
  actors: number;
  policies: number;
  sources: number;
  import: ImportFigures;
  homeBytes: number;
  staticBaseline: LoadResult;
  scenarios: ScenarioFigures[];
  exports: ExportFigures[];
  browser: BrowserFigures | null;
  serverPeakRssBytes: number;
  serverErrors: string[];
}

async function benchSize(events: number, options: Options, root: string, folder: string): Promise<SizeFigures> {
  const dataset = generateBenchDataset({ events, seed: options.seed });
  const file = path.join(folder, `dataset-${events}.json`);
  writeFileSync(file, JSON.stringify(dataset));
  const database = await freshBenchDatabase(options, events, folder);
  const databaseUrl = database.url;
  log(`\n${events} events, ${dataset.actors.length} actors, ${dataset.sources.length} sources, ${dataset.policies.length} policies`);
  const imported = importThroughCli(file, databaseUrl, folder);
  log(`  data:import ${fixed(imported.seconds)} s, peak ${mib(imported.peakRssBytes)}`);

  const server = await startAppServer(root, databaseUrl, APP_PORT);
  try {
    const home = await fetch(`${server.url}/`);
    const homeHtml = Buffer.from(await home.arrayBuffer());
    const htmlFile = path.join(folder, `home-${events}.html`);
    writeFileSync(htmlFile, homeHtml);
    const staticServer = await startStaticServer(htmlFile, home.headers.get('content-type') ?? 'text/html', STATIC_PORT);
    const load = (name: string, baseUrl: string, paths: string[]) =>
      runLoad({ baseUrl, paths, connections: options.connections, seconds: options.seconds, folder, name });
    let staticBaseline: LoadResult;
    try {
      staticBaseline = load('static', staticServer.url, ['/']);
    } finally {
      await staticServer.stop();
    }
    log(`  static server of the same ${kib(homeHtml.length)}: ${fixed(staticBaseline.requestsPerSecond)} req/s, p50 ${fixed(staticBaseline.p50)} ms`);

    const scenarios: ScenarioFigures[] = [];
    for (const scenario of scenariosFor(dataset)) {
      const hot = load(`${scenario.name}-hot`, server.url, [scenario.paths[0]]);
      const cold = scenario.paths.length > 1 ? load(`${scenario.name}-cold`, server.url, scenario.paths) : hot;
      scenarios.push({ name: scenario.name, distinctUrls: scenario.paths.length, hot, cold });
      log(
        `  ${scenario.name.padEnd(16)} hot p50 ${fixed(hot.p50).padStart(8)} ms p99 ${fixed(hot.p99).padStart(8)} ms ${fixed(hot.requestsPerSecond).padStart(8)} req/s` +
          ` | cold p50 ${fixed(cold.p50).padStart(8)} ms p99 ${fixed(cold.p99).padStart(8)} ms ${fixed(cold.requestsPerSecond).padStart(8)} req/s` +
          `${hot.errors + cold.errors > 0 ? `  errors: ${hot.errorDetail} ${cold.errorDetail}` : ''}`,
      );
    }

    const exports: ExportFigures[] = [];
    for (const exportPath of EXPORTS) {
      const figures = await fetchWhole(`${server.url}${exportPath}`);
      exports.push(figures);
      log(`  ${exportPath.padEnd(16)} first byte ${fixed(figures.firstByteMs)} ms, whole ${fixed(figures.totalMs)} ms, ${kib(figures.bytes)} (status ${figures.status})`);
    }

    const browser = options.browser && chromiumPath() ? await measureInBrowser(`${server.url}/`) : null;
    if (browser) {
      log(
        `  Chromium 1280×800: first event ${browser.firstEventVisibleMs === null ? 'not on the first screen' : `visible after ${fixed(browser.firstEventVisibleMs, 0)} ms`}` +
          ` (top at ${fixed(browser.firstEventTop ?? Number.NaN, 0)} px), JavaScript ${kib(browser.javascriptBytes)} in ${browser.javascriptFiles} files, ${kib(browser.initialJavascriptBytes)} of it asked for by the HTML`,
      );
    }
    return {
      events,
      actors: dataset.actors.length,
      policies: dataset.policies.length,
      sources: dataset.sources.length,
      import: imported,
      homeBytes: homeHtml.length,
      staticBaseline,
      scenarios,
      exports,
      browser,
      serverPeakRssBytes: server.peakRss(),
      serverErrors: server.output.filter((line) => /error/i.test(line)).slice(0, 20),
    };
  } finally {
    await server.stop();
    await database.drop();
  }
}

function report(results: SizeFigures[], options: Options): string {
  const lines: string[] = [];
  const sizes = results.map((result) => result.events.toLocaleString('en-US'));
  const row = (label: string, value: (result: SizeFigures) => string) => [label, ...results.map(value)];
  const scenario = (result: SizeFigures, name: string) => result.scenarios.find((candidate) => candidate.name === name);
  const latency = (load: LoadResult | undefined) => (load ? `${fixed(load.p50, 0)} / ${fixed(load.p99, 0)} ms, ${fixed(load.requestsPerSecond, 0)}/s${load.errors ? `, ${load.errors} errors` : ''}` : '—');
  const home = (result: SizeFigures) => scenario(result, '/')?.hot;
  const rows = [
    row('`/` hot: p50 / p99, req/s', (result) => latency(home(result))),
    row('static server, same bytes', (result) => latency(result.staticBaseline)),
    row('`/` ÷ static (req/s)', (result) => `${fixed(((home(result)?.requestsPerSecond ?? 0) / result.staticBaseline.requestsPerSecond) * 100, 1)} %`),
    row('`/` HTML', (result) => kib(result.homeBytes)),
    ...['/', 'filtered views', 'text search', 'event pages', 'actor pages', 'policy pages', '/actors'].map((name) =>
      row(`${name} cold (distinct URLs)`, (result) => latency(scenario(result, name)?.cold)),
    ),
    ...EXPORTS.map((exportPath) =>
      row(`${exportPath}: first byte / whole`, (result) => {
        const figures = result.exports.find((candidate) => candidate.path === exportPath);
        return figures ? `${fixed(figures.firstByteMs, 0)} / ${fixed(figures.totalMs, 0)} ms, ${kib(figures.bytes)}` : '—';
      }),
    ),
    row('`npm run data:import`', (result) => `${fixed(result.import.seconds)} s, peak ${mib(result.import.peakRssBytes)}`),
    row('server peak RSS', (result) => mib(result.serverPeakRssBytes)),
    row('first event visible (1280×800)', (result) =>
      result.browser ? (result.browser.firstEventVisibleMs === null ? `below the fold (${fixed(result.browser.firstEventTop ?? Number.NaN, 0)} px)` : `${fixed(result.browser.firstEventVisibleMs, 0)} ms`) : '—',
    ),
    row('JavaScript of `/` before the list is usable (asked for by the HTML)', (result) => (result.browser ? kib(result.browser.initialJavascriptBytes) : '—')),
    row('JavaScript of `/` in all (with the chart, loaded after)', (result) => (result.browser ? kib(result.browser.javascriptBytes) : '—')),
  ];
  lines.push(`Database: ${options.database === 'postgresql' ? 'PostgreSQL' : 'SQLite'}.`);
  lines.push(`wrk, ${options.connections} connections, ${options.seconds} s a run; latencies p50 / p99; ${os.cpus().length} cores, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
  lines.push('');
  lines.push(table(['', ...sizes.map((size) => `${size} events`)], rows));
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!hasWrk()) throw new BenchUsageError('The benchmark drives load with wrk: install it first (Debian: apt-get install wrk).');
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-bench-'));
  const cleanUp = () => rmSync(folder, { recursive: true, force: true });
  process.once('SIGINT', () => {
    cleanUp();
    process.exit(130);
  });
  try {
    const { root, buildId } = await snapshotBuild(folder);
    log(`Benchmark of build ${buildId}: sizes ${options.sizes.join(', ')}; Node ${process.version}; ${os.cpus().length} cores; load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}`);
    const results: SizeFigures[] = [];
    for (const size of options.sizes) results.push(await benchSize(size, options, root, folder));
    const text = report(results, options);
    log(`\n${text}`);
    const errors = results.flatMap((result) => result.serverErrors.map((line) => `${result.events}: ${line}`));
    if (errors.length > 0) log(`\nServer log lines mentioning errors:\n  ${errors.join('\n  ')}`);
    const jsonFile = path.resolve(options.json);
    rmSync(jsonFile, { force: true });
    mkdirSync(path.dirname(jsonFile), { recursive: true });
    writeFileSync(jsonFile, `${JSON.stringify({ when: new Date().toISOString(), buildId, options, results }, null, 2)}\n`);
    log(`\nFigures written to ${jsonFile}`);
  } finally {
    cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BenchUsageError ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
