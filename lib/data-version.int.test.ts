import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { catchUpWith, currentStamp, dataVersion } from '@/lib/data-version';
import { db } from '@/lib/db';

/**
 * Another process's write shows through the data version (every cache's key)
 * even when transactions commit out of the order of their revision ids, as
 * they do on PostgreSQL: the revision of the transaction that started first
 * has the lower id but commits last.
 */

async function insertRevision(client: pg.Client, key: string): Promise<number> {
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO "Revision" ("entityType", "entityId", "entityKey", "action", "version", "authorLabel") VALUES ('policy', $1, $1, 'update', 2, 'another process') RETURNING "id"`,
    [key],
  );
  return rows[0].id;
}

describe.skipIf(process.env.TEST_DATABASE !== 'postgresql')('the data version on PostgreSQL', () => {
  it('changes when a revision with a lower id commits after a higher one was seen', async () => {
    const url = process.env.DATABASE_URL!;
    const [first, second] = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      await first.query('BEGIN');
      const lower = await insertRevision(first, 'version-first'); // takes the lower id, commits last
      const higher = await insertRevision(second, 'version-second'); // a higher id, committed at once
      expect(higher).toBeGreaterThan(lower);

      const seen = await dataVersion();
      await first.query('COMMIT');
      expect(await db.revision.count({ where: { entityKey: 'version-first' } })).toBe(1);
      expect(await dataVersion()).not.toBe(seen);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

describe('catching up with the stamp of the process a render is for', () => {
  it('reads the database anew when the stamps differ, and not when they are the same', async () => {
    await dataVersion();
    const before = currentStamp();
    // Written as another process would: nothing here signals it.
    await db.revision.create({
      data: { entityType: 'policy', entityId: 'catch-up', entityKey: 'catch-up', action: 'update', version: 2, authorLabel: 'another process' },
    });
    await catchUpWith(before!);
    expect(currentStamp()).toBe(before);
    await catchUpWith('the stamp another process read after the write');
    expect(currentStamp()).not.toBe(before);
    expect(await dataVersion()).toContain(currentStamp()!);
  });
});
