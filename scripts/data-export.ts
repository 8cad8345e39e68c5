/**
 * npm run data:export -- <file>
 *
 * Writes the whole dataset as a policy-timeline/v1 JSON document (2-space
 * indented, final newline), in the stable order of exportDataset, to <file> or,
 * with -, to standard output. The document is written batch by batch as it is
 * read, so memory stays flat however large the dataset; a file is written
 * beside its target and moved into place only once complete, so a failure
 * part-way leaves the previous file as it was.
 */
import { createWriteStream } from 'node:fs';
import { lstat, rename, rm } from 'node:fs/promises';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { datasetBatches, serializedDatasetPieces, type DatasetCounts } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { databaseExists, databaseUrl, DEFAULT_DATABASE_URL, describeDatabase } from '@/lib/env';
import { EXIT, fileArgument, runCommand, systemReason } from './dataset-cli';

const USAGE = `Usage: npm run data:export -- <file>

Writes every event, actor, source, policy and topic (not those in the trash) as a
policy-timeline/v1 JSON document to <file>, replacing it, or to standard output with -
(then run npm with --silent, so that its own header stays out of the output).
The database is the one named by DATABASE_URL (default ${DEFAULT_DATABASE_URL}).`;

/** A failure of the output rather than of the database, reported as "Cannot write". */
class WriteError extends Error {}

/** Writes the pieces to `output` as fast as it takes them; an error of the output becomes a WriteError. */
async function writePieces(pieces: AsyncIterable<string>, output: Writable): Promise<void> {
  let outputFailed = false;
  output.once('error', () => (outputFailed = true));
  try {
    await pipeline(Readable.from(pieces), output);
  } catch (error) {
    throw outputFailed ? new WriteError(systemReason(error)) : error;
  }
}

/**
 * Whether the target can be replaced by renaming a finished file onto it: it
 * is missing or a regular file. A device or pipe (/dev/stdout, a FIFO) is
 * written to directly.
 */
async function replaceable(target: string): Promise<boolean> {
  try {
    return (await lstat(target)).isFile();
  } catch {
    return true;
  }
}

async function writeFileStreamed(target: string, pieces: AsyncIterable<string>): Promise<void> {
  if (!(await replaceable(target))) return writePieces(pieces, createWriteStream(target));
  const partial = `${target}.partial-${process.pid}`;
  try {
    await writePieces(pieces, createWriteStream(partial));
    await rename(partial, target).catch((error: unknown) => {
      throw new WriteError(systemReason(error));
    });
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

async function main(): Promise<number> {
  const target = fileArgument(process.argv.slice(2));
  if (target === null) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const url = databaseUrl();
  if (!databaseExists(url)) {
    console.error(`There is no database at ${describeDatabase(url)}. Set DATABASE_URL, or run npm run db:prepare to create it.`);
    return EXIT.failed;
  }
  const counts: DatasetCounts = { topics: 0, actors: 0, sources: 0, policies: 0, events: 0 };
  const pieces = serializedDatasetPieces(datasetBatches(db), counts);
  if (target === '-') {
    // Standard output stays open for npm's and the shell's sake: only the pieces are piped, not its end.
    for await (const piece of pieces) {
      if (!process.stdout.write(piece)) await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    return EXIT.ok;
  }
  try {
    await writeFileStreamed(target, pieces);
  } catch (error) {
    if (!(error instanceof WriteError)) throw error;
    console.error(`Cannot write ${target}: ${error.message}`);
    return EXIT.failed;
  }
  const { events, actors, sources, policies, topics } = counts;
  console.log(
    `Exported ${events} events, ${actors} actors, ${sources} sources, ${policies} policies ` +
      `and ${topics} topics to ${target}.`,
  );
  return EXIT.ok;
}

runCommand(main, USAGE, () => db.$disconnect());
