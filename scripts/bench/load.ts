import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * HTTP load with wrk (Debian package `wrk`): a C load generator that leaves
 * the CPU to the server under test. A Lua script rotates through a list of
 * paths, so a "cold" scenario never asks for the same URL twice in a row, and
 * prints wrk's own summary as one JSON line.
 */

export interface LoadResult {
  requests: number;
  durationMs: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  max: number;
  bytesPerRequest: number;
  /** Non-2xx/3xx answers, plus connect, read, write and timeout errors. */
  errors: number;
  errorDetail: string;
}

const LUA = `
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local counter = 0
local threads = {}
function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end
function init(args)
  counter = offset or 0
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], { ["Accept-Encoding"] = "gzip" })
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON{"requests":%d,"duration":%d,"bytes":%d,"p50":%d,"p99":%d,"max":%d,"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}\\n',
    summary.requests, summary.duration, summary.bytes, latency:percentile(50), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
`;

export function hasWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}

/** Drives `baseUrl` with `connections` connections for `seconds`, cycling through `paths`. */
export function runLoad(options: { baseUrl: string; paths: string[]; connections: number; seconds: number; folder: string; name: string }): LoadResult {
  const pathsFile = path.join(options.folder, `${options.name.replace(/[^a-z0-9]+/gi, '-')}.paths`);
  const scriptFile = path.join(options.folder, 'rotate.lua');
  writeFileSync(pathsFile, `${options.paths.join('\n')}\n`);
  writeFileSync(scriptFile, LUA);
  const run = spawnSync(
    'wrk',
    ['-t2', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', scriptFile, options.baseUrl],
    { encoding: 'utf8', env: { ...process.env, BENCH_PATHS: pathsFile }, maxBuffer: 16 * 1024 * 1024 },
  );
  const line = run.stdout.split('\n').find((candidate) => candidate.startsWith('BENCH_JSON'));
  if (!line) throw new Error(`wrk gave no summary:\n${run.stdout}\n${run.stderr}`);
  const summary = JSON.parse(line.slice('BENCH_JSON'.length)) as Record<string, number>;
  const errors = summary.connect + summary.read + summary.write + summary.status + summary.timeout;
  const parts = ['connect', 'read', 'write', 'status', 'timeout'].filter((key) => summary[key] > 0).map((key) => `${key} ${summary[key]}`);
  // With no completed request wrk reports 0 ms latencies; no figure is more honest.
  const latency = (microseconds: number) => (summary.requests > 0 ? microseconds / 1000 : Number.NaN);
  return {
    requests: summary.requests,
    durationMs: summary.duration / 1000,
    requestsPerSecond: summary.requests / (summary.duration / 1e6),
    p50: latency(summary.p50),
    p99: latency(summary.p99),
    max: latency(summary.max),
    bytesPerRequest: summary.requests > 0 ? summary.bytes / summary.requests : 0,
    errors,
    errorDetail: parts.join(', '),
  };
}
