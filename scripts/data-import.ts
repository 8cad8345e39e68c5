/**
 * npm run data:import -- <file>
 *
 * Validates the whole document first and prints its problems as
 * `path: message`, stopping at the first 100 (exit 1, nothing written); otherwise migrates the database if
 * it is behind, applies the document in one transaction with revisions by
 * "import", and prints what was created, updated and left unchanged.
 */
import { setFlagsFromString } from 'node:v8';
import type { ApplyReport } from '@/lib/dataset/apply';
import { applyDataset } from '@/lib/dataset/apply';
import { parseDatasetJson } from '@/lib/dataset/import';
import { COLLECTION_LABELS, STOPPED_EARLY_NOTE } from '@/lib/dataset/import-state';
import { throttleProgress } from '@/lib/dataset/progress';
import { describeProblem, validateDataset } from '@/lib/dataset/validate';
import { db } from '@/lib/db';
import { refreshPlannerStatistics } from '@/lib/sql-dialect';
import { databaseUrl, DEFAULT_DATABASE_URL, describeDatabase } from '@/lib/env';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { EXIT, fileArgument, readInput, runCommand } from './dataset-cli';
import { ensureMigrated } from './migrate-database';

const USAGE = `Usage: npm run data:import -- <file>

Imports a policy-timeline/v1 JSON document (use - to read standard input) into the
database named by DATABASE_URL (default ${DEFAULT_DATABASE_URL}). Records are matched by
slug (sources by id): new ones are created, changed ones updated, the rest left alone.
If any part of the document is invalid, its problems are listed (at most 100) and nothing is written.`;

/** Imports this large print progress every 10% or every 500 records, whichever comes first. */
const LONG_IMPORT_RECORDS = 500;

const printProgress = throttleProgress(
  (done, total) => {
    if (total < LONG_IMPORT_RECORDS || done === 0 || done === total) return;
    console.log(`  ${done} of ${total} records (${Math.floor((done / total) * 100)}%)`);
  },
  (total) => Math.min(500, Math.ceil(total / 10)),
);

/** One row a collection: created, updated and unchanged, with a total. */
function reportTable(report: ApplyReport): string {
  const collections = Object.keys(COLLECTION_LABELS) as Array<keyof ApplyReport>;
  const rows = collections.map((collection) => [collection, report[collection].created, report[collection].updated, report[collection].unchanged]);
  const sum = (column: number) => rows.reduce((total, row) => total + Number(row[column]), 0);
  const lines = [['', 'created', 'updated', 'unchanged'], ...rows, ['total', sum(1), sum(2), sum(3)]];
  return lines.map(([label, ...counts]) => String(label).padEnd(10) + counts.map((count) => String(count).padStart(11)).join('')).join('\n');
}

/**
 * The import holds the whole document (some 300 MB at 100,000 events) while it
 * makes short-lived garbage quickly, and V8 by default lets the heap grow to
 * several times what is live before a full collection: 1.5 GB at 100,000 events.
 * Growing it a quarter at a time keeps the peak near what is live. It is read
 * at each collection, so setting it here, before the document is read, is enough.
 */
setFlagsFromString('--heap-growing-percent=25');

async function main(): Promise<number> {
  const file = fileArgument(process.argv.slice(2));
  if (file === null) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const parsed = parseDatasetJson(await readInput(file));
  // Only the parsed document is kept from here: the file's bytes can go before the (copying) validation.
  const validation = parsed.ok ? validateDataset(parsed.document, { consumeDocument: true }) : parsed;
  if (!validation.ok) {
    for (const problem of validation.problems) console.error(describeProblem(problem));
    const count = validation.problems.length;
    if (validation.stoppedEarly) console.error(STOPPED_EARLY_NOTE);
    console.error(
      validation.stoppedEarly
        ? `\nChecking stopped at ${count} problems in ${file}, the rest not checked: nothing was imported.`
        : `\n${count} problem${count === 1 ? '' : 's'} in ${file}: nothing was imported.`,
    );
    return EXIT.failed;
  }

  const url = databaseUrl();
  const { applied } = await ensureMigrated(url, db);
  console.log(`Importing ${file} into ${describeDatabase(url)}${applied ? ' (migrations applied first)' : ''}…`);
  const report = await applyDataset(db, validation.dataset, { author: COMMAND_LINE_AUTHOR, onProgress: printProgress });
  await refreshPlannerStatistics(db);
  console.log(`${reportTable(report)}\nImported ${file}.`);
  return EXIT.ok;
}

runCommand(main, USAGE, () => db.$disconnect());
