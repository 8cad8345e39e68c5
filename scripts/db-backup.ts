/**
 * npm run db:backup -- <file> [--force]
 *
 * A consistent copy of the live database through SQLite's online backup API
 * (the server may keep reading and writing meanwhile; copying the file is not
 * safe), checked with `PRAGMA integrity_check`, plus the generated auth secret
 * beside it. Refuses to replace an existing file unless --force is given.
 */
import { chmodSync, copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { authSecretFile, databaseUrl, DEFAULT_DATABASE_URL, describeDatabase, providerOf, readEnv, sqliteFilePath } from '@/lib/env';
import { EXIT, runCommand, UsageError } from './dataset-cli';

const USAGE = `Usage: npm run db:backup -- <file> [--force]

Writes a consistent copy of the database named by DATABASE_URL (default ${DEFAULT_DATABASE_URL})
to <file> while the server keeps running, and copies the auth secret beside the database
to <file>.auth-secret. An existing file is replaced only with --force.`;

/** A backup reads in one read transaction per step; the server's readers and writers carry on (WAL). */
const BUSY_TIMEOUT_MS = 10_000;

function readArguments(args: string[]): { file: string; force: boolean } | null {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      options: { force: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return null;
  const [file, ...extra] = parsed.positionals;
  if (!file) throw new UsageError('Name the backup file.');
  if (extra.length > 0) throw new UsageError(`One backup file at a time; also got: ${extra.join(' ')}`);
  return { file: path.resolve(file), force: parsed.values.force };
}

function refuseToOverwrite(file: string, force: boolean): void {
  if (existsSync(file) && !force) throw new Error(`${file} already exists: choose another name, or add --force to replace it.`);
}

/** Copies every page in one step (one read snapshot), then checks the copy and makes it a single self-contained file. */
async function backUp(source: string, target: string): Promise<{ pages: number }> {
  const partial = `${target}.partial-${process.pid}`;
  const live = new Database(source, { fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  let pages = 0;
  try {
    await live.backup(partial, {
      progress: ({ totalPages }) => {
        pages = totalPages;
        return totalPages;
      },
    });
  } finally {
    live.close();
  }
  const copy = new Database(partial);
  try {
    const result = copy.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`The copy failed its integrity check (${String(result)}); nothing was written to ${target}.`);
    copy.pragma('journal_mode = DELETE'); // one file, no -wal beside it
  } catch (error) {
    copy.close();
    rmSync(partial, { force: true });
    throw error;
  }
  copy.close();
  for (const stale of [`${target}-wal`, `${target}-shm`, `${target}-journal`]) rmSync(stale, { force: true });
  renameSync(partial, target);
  return { pages };
}

async function main(): Promise<number> {
  const args = readArguments(process.argv.slice(2));
  if (args === null) {
    console.log(USAGE);
    return EXIT.ok;
  }
  const url = databaseUrl();
  if (providerOf(url) === 'postgresql') {
    console.error(
      `npm run db:backup copies a SQLite database; ${describeDatabase(url)} is PostgreSQL. Back it up with PostgreSQL's own tools, ` +
        'e.g. pg_dump --format=custom --file=timeline.dump "$DATABASE_URL" (restore with pg_restore), or your provider\'s snapshots; ' +
        'npm run data:export writes the records in the interchange format.',
    );
    return EXIT.usage;
  }
  const source = sqliteFilePath(url);
  if (!existsSync(source)) throw new Error(`There is no database at ${source} to back up (DATABASE_URL=${url}).`);
  if (args.file === source) throw new Error('The backup file must not be the database itself.');
  const secretCopy = `${args.file}.auth-secret`;
  const secretFile = authSecretFile(url);
  const copySecret = !readEnv().BETTER_AUTH_SECRET && existsSync(secretFile);
  refuseToOverwrite(args.file, args.force);
  if (copySecret) refuseToOverwrite(secretCopy, args.force);

  const { pages } = await backUp(source, args.file);
  const kib = Math.ceil(statSync(args.file).size / 1024);
  console.log(`Backed up ${source} to ${args.file} (${pages} pages, ${kib} KiB, integrity check ok).`);
  if (readEnv().BETTER_AUTH_SECRET) {
    console.log('The auth secret comes from BETTER_AUTH_SECRET and was not copied: keep it with this backup, or everyone is signed out after a restore.');
  } else if (copySecret) {
    copyFileSync(secretFile, secretCopy);
    chmodSync(secretCopy, 0o600);
    console.log(`Copied the auth secret to ${secretCopy} (keep it private: it signs sessions).`);
  } else {
    console.log(`No auth secret file at ${secretFile} yet (one is made at the first sign-in); nothing else to keep.`);
  }
  return EXIT.ok;
}

runCommand(main, USAGE, async () => undefined);
