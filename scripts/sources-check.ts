/**
 * npm run sources:check [-- --include-removed] [-- --source <id> …]
 *
 * Checks the address of every live or unknown source (removed ones too with
 * --include-removed), keeps each check, and applies what it found: a source
 * gone often enough for long enough is marked removed, one that came back is
 * marked live, through revisions by "source check". Progress goes to standard
 * error; one line per source that needs attention, and a summary, to standard
 * output. Settings: SOURCE_CHECK_* and ARCHIVE_* (README "Source watch").
 */
import { parseArgs } from 'node:util';
import { db } from '@/lib/db';
import { databaseExists, databaseUrl, DEFAULT_DATABASE_URL, describeDatabase } from '@/lib/env';
import { runSourceCheck, type CheckResult, type RunProgress } from '@/lib/sources-watch/run';
import { watchSettings } from '@/lib/sources-watch/settings';
import { EXIT, runCommand, UsageError } from './dataset-cli';

const USAGE = `Usage: npm run sources:check [-- --include-removed] [-- --source <id> ...]

Checks every live or unknown source that has a URL (--include-removed: removed ones too;
--source: only the named ones), keeps each check, and marks sources removed or live again
by the rule SOURCE_CHECK_GONE_AFTER checks over SOURCE_CHECK_GONE_HOURS hours.
The database is the one named by DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

const TRANSITION_WORDS: Record<string, string> = {
  missing: 'first seen missing',
  remove: 'marked removed',
  back: 'back: marked live',
  'known-live': 'marked live',
};

function describe(result: CheckResult): string {
  const change = result.transition ? ` — ${TRANSITION_WORDS[result.transition]}` : '';
  return `${result.outcome.padEnd(9)} ${result.sourceId}  ${result.url}  ${result.detail} (${result.durationMs} ms)${change}`;
}

function progressReporter(interactive: boolean) {
  let lastShown = 0;
  return (progress: RunProgress) => {
    const now = Date.now();
    if (progress.done < progress.total && now - lastShown < 1_000) return;
    lastShown = now;
    const { reachable, gone, failing, changed } = progress.counts;
    const line = `checked ${progress.done}/${progress.total}: ${reachable} reachable, ${changed} changed, ${gone} gone, ${failing} failing`;
    process.stderr.write(interactive ? `\r${line}${progress.done === progress.total ? '\n' : ''}` : `${line}\n`);
  };
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      options: {
        help: { type: 'boolean', short: 'h' },
        'include-removed': { type: 'boolean' },
        source: { type: 'string', multiple: true },
        quiet: { type: 'boolean', short: 'q' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const url = databaseUrl();
  if (!databaseExists(url)) {
    console.error(`There is no database at ${describeDatabase(url)}. Set DATABASE_URL, or run npm run db:prepare to create it.`);
    return EXIT.failed;
  }
  const settings = watchSettings();
  console.log(
    `Checking sources with ${settings.concurrency} requests at once (${settings.perHost} per host), ` +
      `${settings.fetch.timeoutMs} ms each; removed after ${settings.goneAfter} gone checks over ${settings.goneHours} h.` +
      `${settings.fetch.allowPrivate ? ' Private addresses allowed.' : ''}${settings.archiveAvailabilityUrl ? ' Archive lookups on.' : ''}`,
  );
  const summary = await runSourceCheck({
    settings,
    includeRemoved: parsed.values['include-removed'],
    sourceIds: parsed.values.source,
    onProgress: parsed.values.quiet ? undefined : progressReporter(process.stderr.isTTY === true),
  });
  const noteworthy = summary.results.filter((result) => result.outcome !== 'reachable' || result.transition).sort((a, b) => a.sourceId.localeCompare(b.sourceId));
  for (const result of noteworthy) console.log(describe(result));
  const { reachable, changed, gone, failing } = summary.counts;
  console.log(
    `Run ${summary.runId}: checked ${summary.results.length} of ${summary.total} sources in ${(summary.durationMs / 1000).toFixed(1)} s — ` +
      `${reachable} reachable, ${changed} changed, ${gone} gone, ${failing} failing; ` +
      `${summary.results.filter((result) => result.transition === 'remove').length} marked removed, ` +
      `${summary.results.filter((result) => result.transition === 'back').length} back.`,
  );
  return EXIT.ok;
}

runCommand(main, USAGE, () => db.$disconnect());
