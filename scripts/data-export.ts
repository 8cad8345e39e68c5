/**
 * npm run data:export -- <file>
 *
 * Writes the whole dataset as a policy-timeline/v1 JSON document (2-space
 * indented, final newline), in the stable order of exportDataset, to <file> or,
 * with -, to standard output.
 */
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { exportDataset, serializeDataset } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { databaseUrl, DEFAULT_DATABASE_URL, sqliteFilePath } from '@/lib/env';
import { EXIT, fileArgument, runCommand, systemReason } from './dataset-cli';

const USAGE = `Usage: npm run data:export -- <file>

Writes every event, actor, source, policy and topic (not those in the trash) as a
policy-timeline/v1 JSON document to <file>, replacing it, or to standard output with -
(then run npm with --silent, so that its own header stays out of the output).
The database is the one named by DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

async function main(): Promise<number> {
  const target = fileArgument(process.argv.slice(2));
  if (target === null) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const database = sqliteFilePath(databaseUrl());
  // Opening a missing database would create an empty one.
  if (!existsSync(database)) {
    console.error(`There is no database at ${database}. Set DATABASE_URL, or run npm run db:prepare to create it.`);
    return EXIT.failed;
  }
  const dataset = await exportDataset(db);
  const body = serializeDataset(dataset);
  if (target === '-') {
    process.stdout.write(body);
    return EXIT.ok;
  }
  try {
    await writeFile(target, body);
  } catch (error) {
    console.error(`Cannot write ${target}: ${systemReason(error)}`);
    return EXIT.failed;
  }
  const { events, actors, sources, policies, topics } = dataset;
  console.log(
    `Exported ${events.length} events, ${actors.length} actors, ${sources.length} sources, ${policies.length} policies ` +
      `and ${topics.length} topics to ${target}.`,
  );
  return EXIT.ok;
}

runCommand(main, USAGE, () => db.$disconnect());
