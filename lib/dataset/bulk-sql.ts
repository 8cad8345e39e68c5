import { randomBytes } from 'node:crypto';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * Many rows a statement, for the import. Each Prisma model query costs about a
 * tenth of a millisecond to plan, and a createMany about as much a row, so
 * writing 100,000 events with their links and revisions through the models
 * took minutes; one raw INSERT of a few hundred rows costs about as much as one
 * model query. The SQL is plain (double-quoted identifiers, parameters placed
 * by Prisma.sql), so SQLite and PostgreSQL both run it; values go through the
 * driver adapter, which stores dates as Prisma's own writes do.
 */

type Tx = Prisma.TransactionClient;
export type SqlValue = string | number | Date | null;
export type SqlRow = Record<string, SqlValue>;

/** Statements stay short enough that a run can yield between them (see apply.ts). */
const MAX_ROWS_PER_STATEMENT = 400;
/** Below SQLite's 32,766 parameters a statement, and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;

const quoted = (name: string) => `"${name}"`;

/**
 * SQLite keeps 2 MB of pages in memory by default: a transaction writing
 * hundreds of megabytes then spills its dirty index pages to the WAL again and
 * again (a 150 MB database left a 550 MB WAL, and each batch got slower). The
 * import runs on a connection of its own (closed afterwards), so a larger cache
 * there costs nothing elsewhere. PostgreSQL needs nothing of the kind.
 */
export async function prepareForBulkWrites(tx: Tx): Promise<void> {
  await tx.$executeRawUnsafe(`PRAGMA cache_size = -${BULK_CACHE_KIB}`);
}
const BULK_CACHE_KIB = 128 * 1024;

/** Inserts the rows (all with the same columns, those of the first) into `table`, calling `between` after each statement. */
export async function insertRows(tx: Tx, table: string, rows: SqlRow[], between: () => Promise<void>): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const head = Prisma.raw(`INSERT INTO ${quoted(table)} (${columns.map(quoted).join(', ')}) VALUES `);
  const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const values = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`);
    await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(values)}`);
    await between();
  }
}

/** Deletes the rows of `table` whose `column` is one of `values`. */
export async function deleteWhereIn(tx: Tx, table: string, column: string, values: string[], between: () => Promise<void>): Promise<void> {
  const head = Prisma.raw(`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} IN `);
  for (let start = 0; start < values.length; start += MAX_ROWS_PER_STATEMENT) {
    await tx.$executeRaw(Prisma.sql`${head}(${Prisma.join(values.slice(start, start + MAX_ROWS_PER_STATEMENT))})`);
    await between();
  }
}

/** Sets these columns of the row of `table` with this id. */
export async function updateRow(tx: Tx, table: string, id: string, columns: SqlRow): Promise<void> {
  const assignments = Object.entries(columns).map(([column, value]) => Prisma.sql`${Prisma.raw(quoted(column))} = ${value}`);
  await tx.$executeRaw(Prisma.sql`UPDATE ${Prisma.raw(quoted(table))} SET ${Prisma.join(assignments)} WHERE "id" = ${id}`);
}

/**
 * A new record id, in the shape of the cuid Prisma makes for `@default(cuid())`
 * ("c", time, counter, process fingerprint, randomness: 25 characters), for rows
 * inserted without the model.
 */
export function newRecordId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  const random = randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0').slice(-8);
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${FINGERPRINT}${random}`;
}

const COUNTER_SPACE = 36 ** 4;
let counter = randomBytes(4).readUInt32BE(0) % COUNTER_SPACE;
const FINGERPRINT = (process.pid % 36 ** 2).toString(36).padStart(2, '0') + randomBytes(2).readUInt16BE(0).toString(36).padStart(2, '0').slice(-2);
