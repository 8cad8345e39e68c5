import { Prisma } from '@/lib/db';
import { readRow } from '@/lib/sql-reader';

/**
 * The version of the published data, which every cache of reader-facing data
 * (lib/timeline-cache.ts, the page cache of scripts/serve.ts) is keyed by, so
 * nothing cached outlives the data it was made from:
 *
 * - a write in this process calls `dataChanged()` once it has committed, and
 *   the next read gets a new version at once;
 * - a write by another process (an import from the command line, a second
 *   server on the same database) is seen through the newest revision ids: every
 *   change to events, actors, sources and policies records a revision, so they
 *   change exactly when published data may have (with the newest finished
 *   source-check run: see newestRevision). It is read at most
 *   once every STAMP_CHECK_MS, so such a change shows within that time.
 *
 * The state lives on globalThis: the production server (scripts/serve.ts) and
 * the Next.js bundle each load their own copy of this module in one process,
 * and both must see the same version.
 */

/**
 * How often the stamp is read. Tests (NODE_ENV=test) read it on every call:
 * they write through the library and read back at once, with no request in
 * between to call dataChanged().
 */
export const STAMP_CHECK_MS = process.env.NODE_ENV === 'test' ? 0 : 1_000;

interface VersionState {
  /** Bumped by every committed write of this process. */
  local: number;
  /** The newest revision id when last read, as text ("none" for an empty table). */
  stamp: string | null;
  checkedAt: number;
  pending: Promise<void> | null;
  /** Reads of the stamp started, and the latest of them whose answer was kept: an earlier read never overwrites a later one. */
  reads: number;
  kept: number;
  /** How the stamp is read; the first copy of this module to load provides it. */
  readStamp: () => Promise<string>;
}

const KEY = Symbol.for('ai-policy-timeline.data-version');
const holder = globalThis as unknown as { [KEY]?: VersionState };

/**
 * How many of the newest revision ids the stamp also counts. On PostgreSQL
 * transactions commit side by side, so a revision can commit after one with a
 * higher id was already seen (its id was taken first): the highest id would
 * not change, but the count of ids just below it does. SQLite commits one
 * writer at a time, in id order. The window bounds the read (an index range of
 * at most this many rows) and is wide enough for any transaction to commit
 * within it.
 */
const RECENT_REVISIONS = 1_000;

/**
 * The newest revisions, and the newest finished source-check run (lib/sources-watch): a run that changed no
 * availability still changes what event pages say about when their sources were last checked. All are
 * reads of the end of an integer key.
 */
async function newestRevision(): Promise<string> {
  const row = await readRow<{ newest: number | null; recent: number | null; checked: number | null }>(
    Prisma.sql`SELECT (SELECT MAX("id") FROM "Revision") AS "newest",
      (SELECT COUNT(*) FROM "Revision" WHERE "id" > (SELECT MAX("id") FROM "Revision") - ${RECENT_REVISIONS}) AS "recent",
      (SELECT "id" FROM "SourceCheckRun" WHERE "finishedAt" IS NOT NULL ORDER BY "id" DESC LIMIT 1) AS "checked"`,
  );
  const newest = row?.newest;
  const revision = newest === null || newest === undefined ? 'none' : `${newest}/${row?.recent ?? 0}`;
  return row?.checked === null || row?.checked === undefined ? revision : `${revision}+${row.checked}`;
}

const state: VersionState = (holder[KEY] ??= { local: 0, stamp: null, checkedAt: 0, pending: null, reads: 0, kept: 0, readStamp: newestRevision });

/** Reads the stamp anew, keeping the answer unless a read started later was kept already. */
async function readFreshStamp(): Promise<void> {
  const read = ++state.reads;
  const stamp = await state.readStamp();
  if (read > state.kept) {
    state.kept = read;
    state.stamp = stamp;
    state.checkedAt = Date.now();
  }
}

/** Call after a write that changes published data has committed. */
export function dataChanged(): void {
  state.local++;
  state.checkedAt = 0;
}

/** How many changes this process has signalled (for tests of the write paths). */
export function signalledChanges(): number {
  return state.local;
}

function current(): string {
  return `${state.local}.${state.stamp}`;
}

/** The version a reader should key cached data by; reads the database at most once a second. */
export async function dataVersion(now: number = Date.now()): Promise<string> {
  if (state.stamp !== null && now - state.checkedAt < STAMP_CHECK_MS) return current();
  if (STAMP_CHECK_MS === 0) {
    await readFreshStamp();
    return current();
  }
  // One read at a time: concurrent requests wait for the same answer.
  state.pending ??= readFreshStamp().finally(() => {
    state.pending = null;
  });
  await state.pending;
  return current();
}

/** The part of the version read from the database (null before the first read): what every process on it shares. */
export function currentStamp(): string | null {
  return state.stamp;
}

/**
 * Brings this process up to another's stamp before it renders on that
 * process's behalf (the render processes of scripts/serve.ts): when its own
 * stamp differs, it reads the database's anew, by a read of its own started
 * now, so the answer cannot come from before the other process saw its stamp.
 */
export async function catchUpWith(stamp: string): Promise<void> {
  if (state.stamp === stamp) return;
  await readFreshStamp();
}

/** The version without waiting, when it was read within the last second; otherwise null. */
export function freshDataVersion(now: number = Date.now()): string | null {
  return state.stamp !== null && now - state.checkedAt < STAMP_CHECK_MS ? current() : null;
}
