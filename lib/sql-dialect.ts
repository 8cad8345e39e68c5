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
  return Prisma.sql`"Event"."id" IN (${matchingEventIds(terms)})`;
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

/**
 * The ids of the events whose search text holds every term at the start of a
 * word (see eventMatchesTerms).
 */
export function matchingEventIds(terms: string[]): Prisma.Sql {
  return Prisma.sql`SELECT "EventSearchRow"."eventId" FROM "EventSearch" JOIN "EventSearchRow" ON "EventSearchRow"."id" = "EventSearch"."rowid" WHERE "EventSearch" MATCH ${matchExpression(terms, 'prefix')}`;
}

function matchExpression(terms: string[], match: 'prefix' | 'word'): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"${match === 'prefix' ? '*' : ''}`).join(' AND ');
}

/**
 * The full-text index's own row numbers of the events holding a term at the
 * start of a word (`prefix`) or as a whole word (`word`: the same test as
 * `searchText LIKE '% term %'`), for readers that map them to events through
 * searchRowEvents. Cheaper than their event ids when a term matches most events.
 */
export function matchingSearchRows(term: string, match: 'prefix' | 'word'): Prisma.Sql {
  return Prisma.sql`SELECT "EventSearch"."rowid" FROM "EventSearch" WHERE "EventSearch" MATCH ${matchExpression([term], match)}`;
}

/** Each full-text index row number with its event's id. */
export const searchRowEvents = Prisma.sql`SELECT "id", "eventId" FROM "EventSearchRow"`;

/**
 * After a bulk write (an import): gathers the query planner's statistics anew
 * from every row, so that every connection, in every process, plans by the new
 * data. `PRAGMA optimize` is not enough here: it re-analyzes only tables its own
 * connection has planned queries on, and an import of 100,000 events into a
 * database analyzed at the default dataset's 12 left the planner sure that
 * reading all of "Event" beat its primary key (190 ms instead of 1.6 ms for a
 * page of events). A full ANALYZE takes about 0.4 s at 100,000 events.
 */
export async function refreshPlannerStatistics(client: { $executeRawUnsafe: (sql: string) => Promise<unknown> }): Promise<void> {
  // The connection's own sampling limit (lib/db.ts) would make the counts estimates; lift it for this one analysis.
  await client.$executeRawUnsafe('PRAGMA analysis_limit = 0');
  try {
    await client.$executeRawUnsafe('ANALYZE');
  } finally {
    await client.$executeRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
  }
}

/** Rows sampled per index when a connection refreshes stale statistics on opening (lib/db.ts). */
export const ANALYSIS_LIMIT = 1000;
