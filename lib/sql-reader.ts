import Database from 'better-sqlite3';
import pg from 'pg';
import Cursor from 'pg-cursor';
import type { Prisma } from '@/lib/db';
import { databaseUrl, providerOf, sqliteFilePath } from '@/lib/env';
import { createPool } from '@/lib/postgres';

/**
 * Reads for the reader-facing paths (the timeline, its counts, event pages),
 * sent straight to the database driver. Through Prisma's query engine a query
 * costs 0.5–40 ms of the server's one thread whatever it returns (measured at
 * 10,000 events: 18 ms for 50 plain rows by id, 0.1 ms here); these paths run
 * several per request, so they bypass it. The statements are the same
 * `Prisma.sql` fragments the rest of the code builds — plain SQL with quoted
 * identifiers (what differs between the databases is in lib/sql-dialect.ts).
 *
 * Both databases give the same values: text as strings, whole numbers (counts
 * included) as numbers, timestamps as ISO 8601 strings in UTC.
 *
 * - SQLite: one read-only connection per process, in WAL mode, so it reads the
 *   last committed state and never waits for a writer.
 * - PostgreSQL: a small pool of its own, so that reads never queue behind the
 *   app's transactions.
 *
 * Writes, and reads that must see a transaction's own changes, stay with Prisma
 * (lib/db.ts).
 */

interface Reader {
  url: string;
  close(): void;
  rows(query: Prisma.Sql): Promise<unknown[]>;
  row(query: Prisma.Sql): Promise<unknown>;
  tuples(query: Prisma.Sql, visit: (row: unknown[]) => void): Promise<void>;
  column(query: Prisma.Sql): Promise<unknown[]>;
}

const KEY = Symbol.for('ai-policy-timeline.sql-reader');
const holder = globalThis as unknown as { [KEY]?: Reader };

function reader(): Reader {
  const url = databaseUrl();
  const current = holder[KEY];
  if (current && current.url === url) return current;
  current?.close();
  const state = providerOf(url) === 'postgresql' ? postgresReader(url) : sqliteReader(url);
  holder[KEY] = state;
  return state;
}

/* SQLite */

/** Statements kept prepared; the timeline builds a few dozen shapes. */
const MAX_STATEMENTS = 500;

type SqliteValue = string | number | bigint | null | Buffer;

function sqliteParameters(query: Prisma.Sql): SqliteValue[] {
  return query.values.map((value) => {
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value ? 1 : 0;
    if (value instanceof Date) return value.toISOString();
    return value as SqliteValue;
  });
}

function sqliteReader(url: string): Reader {
  // The file exists: the app migrates it before it serves (scripts/db-prepare.ts), and Prisma opens it first.
  let connection: Database.Database | undefined;
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string, form: 'objects' | 'raw' | 'pluck'): Database.Statement => {
    if (!connection?.open) {
      connection = new Database(sqliteFilePath(url), { readonly: true, fileMustExist: true, timeout: 200 });
      statements.clear();
    }
    // A statement returns rows as objects, as arrays or as their first value for good: each form is prepared apart.
    const key = `${form}:${sql}`;
    let statement = statements.get(key);
    if (!statement) {
      statement = connection.prepare(sql);
      if (form === 'raw') statement.raw(true);
      if (form === 'pluck') statement.pluck(true);
      if (statements.size >= MAX_STATEMENTS) statements.clear();
      statements.set(key, statement);
    }
    return statement;
  };
  return {
    url,
    close: () => connection?.close(),
    rows: async (query) => prepared(query.sql, 'objects').all(...sqliteParameters(query)),
    row: async (query) => prepared(query.sql, 'objects').get(...sqliteParameters(query)),
    tuples: async (query, visit) => {
      for (const row of prepared(query.sql, 'raw').iterate(...sqliteParameters(query))) visit(row as unknown[]);
    },
    column: async (query) => prepared(query.sql, 'pluck').all(...sqliteParameters(query)),
  };
}

/* PostgreSQL */

/** Connections of the reader's pool: the server has one thread, so a few in flight keep it busy. */
const READER_POOL_SIZE = 4;
/** Rows fetched at a time by forEachTuple. */
const CURSOR_BATCH = 5_000;

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** node-postgres's parsers but for the values SQLite's driver gives otherwise (see the module's comment). */
function postgresTypes(base: typeof pg.types): pg.CustomTypesConfig {
  return {
    getTypeParser: ((oid: number, format?: string) => {
      if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
      // Prisma keeps DateTime as timestamp(3) in UTC.
      if (oid === TIMESTAMP) return (value: string) => new Date(`${value.replace(' ', 'T')}Z`).toISOString();
      if (oid === TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
      return base.getTypeParser(oid, format as 'text');
    }) as pg.CustomTypesConfig['getTypeParser'],
  };
}

function postgresParameters(query: Prisma.Sql): unknown[] {
  return query.values.map((value) => {
    if (value === undefined) return null;
    // In UTC, as Prisma's adapter writes them (node-postgres would use the process's time zone).
    if (value instanceof Date) return value.toISOString().replace('T', ' ').replace('Z', '');
    return value;
  });
}

function postgresReader(url: string): Reader {
  let pool: pg.Pool | undefined;
  let types: pg.CustomTypesConfig | undefined;
  const open = () => {
    if (!pool) {
      pool = createPool(url, { max: READER_POOL_SIZE, applicationName: 'ai-policy-timeline-reader' });
      types = postgresTypes(pg.types);
      // An idle connection the server ends (a restart) is dropped by the pool; the next read opens another.
      pool.on('error', () => {});
    }
    return { pool, types: types! };
  };
  return {
    url,
    close: () => void pool?.end(),
    rows: async (query) => {
      const { pool, types } = open();
      return (await pool.query({ text: query.text, values: postgresParameters(query), types })).rows;
    },
    row: async (query) => {
      const { pool, types } = open();
      return (await pool.query({ text: query.text, values: postgresParameters(query), types })).rows[0];
    },
    column: async (query) => {
      const { pool, types } = open();
      const result = await pool.query({ text: query.text, values: postgresParameters(query), types, rowMode: 'array' });
      return result.rows.map((row: unknown[]) => row[0]);
    },
    tuples: async (query, visit) => {
      const { pool, types } = open();
      const client = await pool.connect();
      try {
        const cursor = client.query(new Cursor(query.text, postgresParameters(query), { rowMode: 'array', types }));
        try {
          for (let batch = await cursor.read(CURSOR_BATCH); batch.length > 0; batch = await cursor.read(CURSOR_BATCH)) {
            for (const row of batch) visit(row as unknown[]);
          }
        } finally {
          await cursor.close();
        }
      } finally {
        client.release();
      }
    },
  };
}

/* The readers' API */

/** The rows of a read-only query. */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  return (await reader().rows(query)) as Row[];
}

/**
 * Visits the rows of a read-only query one at a time, each an array of column
 * values in the order the query selects them: for reads of every event, where
 * holding every row at once, as objects, costs more than the read itself (most
 * of it in the garbage collector).
 */
export async function forEachTuple<Row extends unknown[]>(query: Prisma.Sql, visit: (row: Row) => void): Promise<void> {
  await reader().tuples(query, visit as (row: unknown[]) => void);
}

/**
 * The first column of every row of a read-only query, as one array: for a
 * query of one small value a row (the events a search term matches), three to
 * four times as fast on SQLite as visiting the rows.
 */
export async function readColumn<Value>(query: Prisma.Sql): Promise<Value[]> {
  return (await reader().column(query)) as Value[];
}

/** The first row of a read-only query, or undefined. */
export async function readRow<Row>(query: Prisma.Sql): Promise<Row | undefined> {
  return (await reader().row(query)) as Row | undefined;
}
