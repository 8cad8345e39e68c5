import { Prisma, providerOfClient, type PrismaClient } from '@/lib/db';
import { databaseProvider } from '@/lib/env';
import { ANALYSIS_LIMIT } from '@/lib/sqlite';

/**
 * The SQL that is not the same on SQLite and PostgreSQL, in one place;
 * everything else the app sends is plain SQL with quoted identifiers that both
 * run. Each function answers for the database DATABASE_URL names (lib/db.ts
 * chooses the client by the same URL), or for the client it is given.
 *
 * Text compares byte by byte on both (SQLite's BINARY collation; every text
 * column of the PostgreSQL schema is COLLATE "C"), so ordering and the
 * case-insensitivity of ASCII letters only are the same on both.
 */

const postgres = () => databaseProvider() === 'postgresql';

/**
 * Events whose search text holds every term at the start of a word — the same
 * test as `searchText LIKE '% term%'` for each term, answered by the full-text
 * index (SQLite: the FTS5 table "EventSearch"; PostgreSQL: the tsvector
 * "EventSearchRow"."words" under a GIN index) instead of a scan of every event.
 * Terms are normalized words (lib/search.ts searchTerms): letters and digits only.
 */
export function eventMatchesTerms(terms: string[]): Prisma.Sql {
  return Prisma.sql`"Event"."id" IN (${matchingEventIds(terms)})`;
}

/**
 * The column's value holds `text` anywhere, ignoring the case of ASCII letters
 * (SQLite's LIKE; PostgreSQL's ILIKE on a "C" column). `%`, `_` and a backslash
 * in the text match only themselves.
 */
export function containsText(column: Prisma.Sql, text: string): Prisma.Sql {
  return likePattern(column, `%${likeLiteral(text)}%`);
}

/** The column's value starts with `text`, or holds it after a space (a word start), ignoring ASCII case. */
export function startsWordWith(column: Prisma.Sql, text: string): Prisma.Sql {
  const escaped = likeLiteral(text);
  return Prisma.sql`(${likePattern(column, `${escaped}%`)} OR ${likePattern(column, `% ${escaped}%`)})`;
}

/** `text` as a LIKE pattern that matches it literally (its %, _ and \ escaped with \). */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function likePattern(column: Prisma.Sql, pattern: string): Prisma.Sql {
  return postgres() ? Prisma.sql`${column} ILIKE ${pattern} ESCAPE '\\'` : Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;
}

/**
 * A Prisma `where` condition: the field's value holds `text` anywhere, ignoring
 * the case of ASCII letters, as containsText does in SQL (Prisma's `contains`
 * ignores case on SQLite, and on PostgreSQL with mode "insensitive").
 */
export function containsInsensitive(text: string): { contains: string } {
  // SQLite's client knows no `mode` (it always ignores ASCII case); the cast lets the shared type carry it.
  return (postgres() ? { contains: text, mode: 'insensitive' } : { contains: text }) as { contains: string };
}

/**
 * The ids of the events whose search text holds every term at the start of a
 * word (see eventMatchesTerms).
 */
export function matchingEventIds(terms: string[]): Prisma.Sql {
  if (postgres()) return Prisma.sql`SELECT "eventId" FROM "EventSearchRow" WHERE "words" @@ to_tsquery('simple', ${tsQuery(terms, 'prefix')})`;
  return Prisma.sql`SELECT "EventSearchRow"."eventId" FROM "EventSearch" JOIN "EventSearchRow" ON "EventSearchRow"."id" = "EventSearch"."rowid" WHERE "EventSearch" MATCH ${matchExpression(terms, 'prefix')}`;
}

/** An FTS5 query: every term, as a phrase, at the start of a word (`prefix`) or as a whole word. */
function matchExpression(terms: string[], match: 'prefix' | 'word'): string {
  return terms.map((term) => `"${term.replace(/"/g, '""')}"${match === 'prefix' ? '*' : ''}`).join(' AND ');
}

/** The same query for PostgreSQL's to_tsquery: each term quoted as a lexeme, `:*` for a prefix. */
function tsQuery(terms: string[], match: 'prefix' | 'word'): string {
  return terms.map((term) => `'${term.replace(/['\\]/g, (character) => `\\${character}`)}'${match === 'prefix' ? ':*' : ''}`).join(' & ');
}

/**
 * The full-text index's own row numbers of the events holding a term at the
 * start of a word (`prefix`) or as a whole word (`word`: the same test as
 * `searchText LIKE '% term %'`), for readers that map them to events through
 * searchRowEvents. Cheaper than their event ids when a term matches most events.
 */
export function matchingSearchRows(term: string, match: 'prefix' | 'word'): Prisma.Sql {
  if (postgres()) return Prisma.sql`SELECT "id" FROM "EventSearchRow" WHERE "words" @@ to_tsquery('simple', ${tsQuery([term], match)})`;
  return Prisma.sql`SELECT "EventSearch"."rowid" FROM "EventSearch" WHERE "EventSearch" MATCH ${matchExpression([term], match)}`;
}

/** Each full-text index row number with its event's id. */
export const searchRowEvents = Prisma.sql`SELECT "id", "eventId" FROM "EventSearchRow"`;

/** The distinct values of a column in a group, joined by commas (in no particular order). */
export function distinctValues(column: Prisma.Sql): Prisma.Sql {
  return postgres() ? Prisma.sql`string_agg(DISTINCT ${column}, ',')` : Prisma.sql`group_concat(DISTINCT ${column})`;
}

/** The unit separator (U+001F), for joining text fields into one value that no field contains. */
export function unitSeparator(): Prisma.Sql {
  return postgres() ? Prisma.sql`chr(31)` : Prisma.sql`char(31)`;
}

/**
 * After a bulk write (an import): gathers the query planner's statistics anew
 * from every row, so that every connection, in every process, plans by the new
 * data. On SQLite `PRAGMA optimize` is not enough here: it re-analyzes only
 * tables its own connection has planned queries on, and an import of 100,000
 * events into a database analyzed at the default dataset's 12 left the planner
 * sure that reading all of "Event" beat its primary key (190 ms instead of
 * 1.6 ms for a page of events). A full ANALYZE takes about 0.4 s at 100,000
 * events. PostgreSQL's ANALYZE samples each table by itself.
 */
export async function refreshPlannerStatistics(client: PrismaClient): Promise<void> {
  if (providerOfClient(client) === 'postgresql') {
    await client.$executeRawUnsafe('ANALYZE');
    return;
  }
  // The connection's own sampling limit (lib/sqlite.ts) would make the counts estimates; lift it for this one analysis.
  await client.$executeRawUnsafe('PRAGMA analysis_limit = 0');
  try {
    await client.$executeRawUnsafe('ANALYZE');
  } finally {
    await client.$executeRawUnsafe(`PRAGMA analysis_limit = ${ANALYSIS_LIMIT}`);
  }
}

/**
 * Statements that make a bulk write on `client`'s own connection faster, sent
 * before it starts. SQLite keeps 2 MB of pages in memory by default: a
 * transaction writing hundreds of megabytes then spills its dirty index pages
 * to the WAL again and again (a 150 MB database left a 550 MB WAL, and each
 * batch got slower). The import runs on a connection of its own (closed
 * afterwards), so a larger cache there costs nothing elsewhere. PostgreSQL
 * needs nothing of the kind.
 */
export function bulkWriteSettings(client: PrismaClient): Prisma.Sql[] {
  return providerOfClient(client) === 'postgresql' ? [] : [Prisma.sql`PRAGMA cache_size = ${Prisma.raw(String(-BULK_CACHE_KIB))}`];
}

const BULK_CACHE_KIB = 128 * 1024;

/**
 * Makes the rest of transaction `tx` wait for any other transaction that
 * serialises on one of the same names, until that one ends: for read-then-write
 * logic (counters, "the last admin") that must not interleave. SQLite needs
 * nothing: each transaction holds the database's write lock from its start
 * (lib/sqlite.ts). PostgreSQL runs transactions side by side, so this takes a
 * transaction-scoped advisory lock per name, in a fixed order so that two
 * transactions cannot wait on each other.
 */
export async function serializeOn(tx: Prisma.TransactionClient, names: string[]): Promise<void> {
  if (!postgres() || names.length === 0) return;
  for (const name of [...new Set(names)].sort()) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${name}, 0))`;
  }
}
