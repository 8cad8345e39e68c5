import { setImmediate, setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { assertVersion } from '@/lib/admin/versioning';
import { applyDataset } from '@/lib/dataset/apply';
import { createPrismaClient } from '@/lib/db';
import { databaseErrorToAppError } from '@/lib/db-errors';
import { sqliteFilePath } from '@/lib/env';
import { AppError } from '@/lib/errors';
import type { PrismaClient } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { generateBenchDataset } from '@/scripts/bench-data';
import { freshDatabaseUrl, removeFreshDatabases } from '@/tests/integration/fresh-database';

/**
 * SQLite shared by several writers: another connection (standing in for a
 * second server process or a command-line import) holds the write lock, and
 * this process's writes wait for it without blocking other work.
 */

const clients: PrismaClient[] = [];
function client(url: string, options?: { lockWaitMs?: number }): PrismaClient {
  const created = createPrismaClient(url, options);
  clients.push(created);
  return created;
}

/** A raw connection holding the write lock, as another process's import would. */
function holdWriteLock(url: string): { release: () => void } {
  const other = new Database(sqliteFilePath(url));
  other.exec('BEGIN IMMEDIATE');
  other.prepare("INSERT INTO Topic (id, slug, name) VALUES ('held', 'held-by-other', 'Held')").run();
  return {
    release: () => {
      other.exec('COMMIT');
      other.close();
    },
  };
}

afterAll(async () => {
  await Promise.all(clients.map((each) => each.$disconnect()));
  await removeFreshDatabases();
});

const onPostgres = process.env.TEST_DATABASE === 'postgresql';

describe.skipIf(onPostgres)('SQLite shared by several writers', () => {
  it('runs in WAL mode with synchronous=NORMAL and foreign keys on', async () => {
    const db = client(await freshDatabaseUrl());
    const [journal] = await db.$queryRawUnsafe<Array<{ journal_mode: string }>>('PRAGMA journal_mode');
    const [synchronous] = await db.$queryRawUnsafe<Array<{ synchronous: bigint }>>('PRAGMA synchronous');
    const [foreignKeys] = await db.$queryRawUnsafe<Array<{ foreign_keys: bigint }>>('PRAGMA foreign_keys');
    expect(journal.journal_mode).toBe('wal');
    expect(Number(synchronous.synchronous)).toBe(1);
    expect(Number(foreignKeys.foreign_keys)).toBe(1);
  });

  it('makes a write wait for another connection’s lock while the event loop keeps running, then succeed', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url);
    await db.topic.count(); // connected before the lock is taken
    const lock = holdWriteLock(url);
    // The lock is released by a timer: it fires only if the waiting write leaves the event loop free.
    const released = sleep(300).then(() => lock.release());
    const saved = await db.$transaction((tx) => tx.topic.create({ data: { slug: 'saved-after-wait', name: 'Saved' } }));
    await released;
    expect(saved.slug).toBe('saved-after-wait');
    expect((await db.topic.findMany({ orderBy: { slug: 'asc' } })).map((topic) => topic.slug)).toEqual(['held-by-other', 'saved-after-wait']);
  });

  it('reads the last committed state while another connection is writing', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url);
    await db.topic.create({ data: { slug: 'committed', name: 'Committed' } });
    const lock = holdWriteLock(url);
    try {
      expect((await db.topic.findMany()).map((topic) => topic.slug)).toEqual(['committed']);
    } finally {
      lock.release();
    }
  });

  it('gives up with the BUSY message when the lock stays taken longer than a write waits', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url, { lockWaitMs: 200 });
    await db.topic.count();
    const lock = holdWriteLock(url);
    try {
      const failure = await db.$transaction((tx) => tx.topic.create({ data: { slug: 'never', name: 'Never' } })).catch((error: unknown) => error);
      const mapped = databaseErrorToAppError(failure);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe('BUSY');
    } finally {
      lock.release();
    }
  });

  it('gives the loser of a same-record race between two connections the conflict, not an error', async () => {
    const url = await freshDatabaseUrl();
    const setup = client(url);
    const policy = await setup.policy.create({ data: { slug: 'raced', title: 'Raced', summary: '' } });
    // Two clients are two connections, as two server processes would have.
    const save = (db: PrismaClient, title: string) =>
      db.$transaction(async (tx) => {
        const current = await tx.policy.findUniqueOrThrow({ where: { id: policy.id } });
        await assertVersion(tx, { type: 'policy', id: policy.id, label: 'This policy' }, policy.version, {
          version: current.version,
          snapshot: { title: current.title },
        });
        await sleep(50); // both have read before either writes, unless the first holds the lock
        return tx.policy.update({ where: { id: policy.id }, data: { title, version: { increment: 1 } } });
      });
    const outcomes = await Promise.allSettled([save(client(url), 'First'), save(client(url), 'Second')]);
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(AppError);
    expect((refused[0] as AppError).code).toBe('CONFLICT');
    expect((await setup.policy.findUniqueOrThrow({ where: { id: policy.id } })).version).toBe(policy.version + 1);
  });

  it('keeps serving reads of the committed state while an import runs, and lets a save wait for it', async () => {
    const db = client(await freshDatabaseUrl());
    await db.topic.create({ data: { slug: 'before-import', name: 'Before' } });
    let importDone = false;
    const importing = applyDataset(db, generateBenchDataset({ events: 60, sources: 20, policies: 3 }), { author: COMMAND_LINE_AUTHOR }).then(
      (report) => {
        importDone = true;
        return report;
      },
    );
    // Runs only when the import gives the event loop back.
    await setImmediate();
    const readDuringImport = { events: await db.event.count(), importDone };
    const saved = await db.$transaction((tx) => tx.topic.create({ data: { slug: 'saved-during-import', name: 'Saved' } }));
    const report = await importing;

    expect(readDuringImport).toEqual({ events: 0, importDone: false });
    expect(saved.slug).toBe('saved-during-import');
    expect(report.events.created).toBe(60);
    expect(await db.event.count()).toBe(60);
    expect(await db.topic.count({ where: { slug: { in: ['before-import', 'saved-during-import'] } } })).toBe(2);
  }, 180_000);
});

/** Another connection in an open transaction that has written a topic and locked a row, as another process's save would. */
async function holdRowLock(url: string, topicId: string): Promise<{ release: () => Promise<void> }> {
  const other = new pg.Client({ connectionString: url });
  await other.connect();
  await other.query('BEGIN');
  await other.query(`INSERT INTO "Topic" ("id", "slug", "name") VALUES ('held', 'held-by-other', 'Held')`);
  await other.query(`UPDATE "Topic" SET "name" = 'Locked' WHERE "id" = $1`, [topicId]);
  return {
    release: async () => {
      await other.query('COMMIT');
      await other.end();
    },
  };
}

describe.skipIf(!onPostgres)('PostgreSQL shared by several processes', () => {
  it('makes a write wait for another connection’s row lock while the event loop keeps running, then succeed', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url);
    const topic = await db.topic.create({ data: { slug: 'contended', name: 'Contended' } });
    const lock = await holdRowLock(url, topic.id);
    // The lock is released by a timer: it fires only if the waiting write leaves the event loop free.
    const released = sleep(300).then(() => lock.release());
    const saved = await db.topic.update({ where: { id: topic.id }, data: { name: 'Saved after the wait' } });
    await released;
    expect(saved.name).toBe('Saved after the wait');
    expect((await db.topic.findMany({ orderBy: { slug: 'asc' } })).map((each) => each.slug)).toEqual(['contended', 'held-by-other']);
  });

  it('reads the last committed state while another connection is writing', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url);
    const topic = await db.topic.create({ data: { slug: 'committed', name: 'Committed' } });
    const lock = await holdRowLock(url, topic.id);
    try {
      expect((await db.topic.findMany()).map((each) => [each.slug, each.name])).toEqual([['committed', 'Committed']]);
    } finally {
      await lock.release();
    }
  });

  it('gives up with the BUSY message when the lock stays taken longer than a write waits', async () => {
    const url = await freshDatabaseUrl();
    const db = client(url, { lockWaitMs: 200 });
    const topic = await db.topic.create({ data: { slug: 'stuck', name: 'Stuck' } });
    const lock = await holdRowLock(url, topic.id);
    try {
      const failure = await db.$transaction((tx) => tx.topic.update({ where: { id: topic.id }, data: { name: 'Never' } })).catch((error: unknown) => error);
      const mapped = databaseErrorToAppError(failure);
      expect(mapped).toBeInstanceOf(AppError);
      expect((mapped as AppError).code).toBe('BUSY');
    } finally {
      await lock.release();
    }
    expect((await db.topic.findUniqueOrThrow({ where: { id: topic.id } })).name).toBe('Locked');
  });

  it('keeps serving reads of the committed state while an import runs', async () => {
    const db = client(await freshDatabaseUrl());
    let importDone = false;
    const importing = applyDataset(db, generateBenchDataset({ events: 60, sources: 20, policies: 3 }), { author: COMMAND_LINE_AUTHOR }).then((report) => {
      importDone = true;
      return report;
    });
    await setImmediate();
    const readDuringImport = { events: await db.event.count(), importDone };
    const report = await importing;
    expect(readDuringImport).toEqual({ events: 0, importDone: false });
    expect(report.events.created).toBe(60);
    expect(await db.event.count()).toBe(60);
  });
});
