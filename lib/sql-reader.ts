import Database from 'better-sqlite3';
import type { Prisma } from '@/lib/generated/prisma/client';
import { databaseUrl, sqliteFilePath } from '@/lib/env';

/**
 * Reads for the reader-facing paths (the timeline, its counts, event pages),
 * sent straight to the database driver. Through Prisma's query engine a query
 * costs 0.5–40 ms of the server's one thread whatever it returns (measured at
 * 10,000 events: 18 ms for 50 plain rows by id, 0.1 ms here); these paths run
 * several per request, so they bypass it. The statements are the same
 * `Prisma.sql` fragments the rest of the code builds — plain SQL with quoted
 * identifiers — so a PostgreSQL reader (a later issue) runs them as they are.
 *
 * SQLite: one read-only connection per process, in WAL mode, so it reads the
 * last committed state and never waits for a writer. Writes, and reads that
 * must see a transaction's own changes, stay with Prisma (lib/db.ts).
 */

interface ReaderState {
  url: string;
  connection: Database.Database;
  statements: Map<string, Database.Statement>;
}

const KEY = Symbol.for('ai-policy-timeline.sql-reader');
const holder = globalThis as unknown as { [KEY]?: ReaderState };

/** Statements kept prepared; the timeline builds a few dozen shapes. */
const MAX_STATEMENTS = 500;

function reader(): ReaderState {
  const url = databaseUrl();
  const current = holder[KEY];
  if (current && current.url === url && current.connection.open) return current;
  current?.connection.close();
  // The file exists: the app migrates it before it serves (scripts/db-prepare.ts), and Prisma opens it first.
  const connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout: 200 });
  const state: ReaderState = { url, connection, statements: new Map() };
  holder[KEY] = state;
  return state;
}

function prepared(sql: string, raw = false): Database.Statement {
  const state = reader();
  // A statement returns rows as objects or as arrays for good: each form is prepared apart.
  const key = raw ? `raw:${sql}` : sql;
  let statement = state.statements.get(key);
  if (!statement) {
    statement = state.connection.prepare(sql);
    if (raw) statement.raw(true);
    if (state.statements.size >= MAX_STATEMENTS) state.statements.clear();
    state.statements.set(key, statement);
  }
  return statement;
}

type Value = string | number | bigint | null | Buffer;

function parameters(query: Prisma.Sql): Value[] {
  return query.values.map((value) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Date) return value.toISOString();
    return value as Value;
  });
}

/** The rows of a read-only query. */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  return prepared(query.sql).all(...parameters(query)) as Row[];
}

/**
 * The rows of a read-only query one at a time, each an array of column values
 * in the order the query selects them: for reads of every event, where holding
 * every row at once, as objects, costs more than the read itself (most of it in
 * the garbage collector). Consume it at once, without awaiting in between.
 */
export function eachTuple<Row extends unknown[]>(query: Prisma.Sql): IterableIterator<Row> {
  return prepared(query.sql, true).iterate(...parameters(query)) as IterableIterator<Row>;
}

/** The first row of a read-only query, or undefined. */
export async function readRow<Row>(query: Prisma.Sql): Promise<Row | undefined> {
  return prepared(query.sql).get(...parameters(query)) as Row | undefined;
}
