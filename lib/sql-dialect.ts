import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The SQL that is not the same on every database, in one place; everything
 * else the timeline sends is plain SQL with quoted identifiers. SQLite for now:
 * PostgreSQL (a later issue) gets its own implementation of these functions.
 */

/**
 * Events whose search text holds every term at the start of a word — the same
 * test as `searchText LIKE '% term%'` for each term, answered by the full-text
 * index (migration event_search_index) instead of a scan of every event.
 * Terms are normalized words (lib/search.ts searchTerms): letters and digits only.
 */
export function eventMatchesTerms(terms: string[]): Prisma.Sql {
  const match = terms.map((term) => `"${term.replace(/"/g, '""')}"*`).join(' AND ');
  return Prisma.sql`"Event"."id" IN (SELECT "EventSearchRow"."eventId" FROM "EventSearch" JOIN "EventSearchRow" ON "EventSearchRow"."id" = "EventSearch"."rowid" WHERE "EventSearch" MATCH ${match})`;
}

/**
 * The column's value holds `text` anywhere, ignoring the case of ASCII letters
 * (SQLite's LIKE; PostgreSQL would use ILIKE). `%`, `_` and a backslash in the text
 * match only themselves.
 */
export function containsText(column: Prisma.Sql, text: string): Prisma.Sql {
  const pattern = `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
  return Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/** 1 when `text` occurs anywhere in the column's value, else 0. */
export function containsFlag(column: Prisma.Sql, text: string): Prisma.Sql {
  return Prisma.sql`(CASE WHEN instr(${column}, ${text}) > 0 THEN 1 ELSE 0 END)`;
}

/**
 * After a bulk write (an import): refreshes the query planner's statistics, so
 * that every connection, in every process, plans by the new data (SQLite's
 * `PRAGMA optimize`, bounded by the analysis_limit each connection sets).
 */
export async function refreshPlannerStatistics(client: { $executeRawUnsafe: (sql: string) => Promise<unknown> }): Promise<void> {
  await client.$executeRawUnsafe('PRAGMA optimize');
}
