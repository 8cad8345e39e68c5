import { randomBytes } from 'node:crypto';
import type { DirectStatements, DriverValue } from '@/lib/db';
import { Prisma } from '@/lib/db';

/**
 * Many rows a statement, for the import. Each Prisma model query costs about a
 * tenth of a millisecond to plan, and a createMany about as much a row, so
 * writing 100,000 events with their links and revisions through the models
 * took minutes. Here one INSERT carries a few hundred rows, and is sent straight
 * to the driver on the transaction's own connection when lib/db.ts offers that
 * (Prisma's raw queries copy every value through its engine), else as a Prisma
 * raw query. Statements are Prisma.sql fragments of plain SQL with double-quoted
 * identifiers, as lib/sql-reader.ts's are, so PostgreSQL runs them as they are
 * (what differs is in lib/sql-dialect.ts).
 */

type Tx = Prisma.TransactionClient;
export type SqlRow = Record<string, DriverValue>;

/** Statements stay short enough that a run can yield between them (see apply.ts). */
const MAX_ROWS_PER_STATEMENT = 400;
/** Below SQLite's 32,766 parameters a statement, and PostgreSQL's 65,535. */
const MAX_PARAMETERS = 30_000;
const quoted = (name: string) => Prisma.raw(`"${name}"`);

export class BulkWriter {
  constructor(
    private readonly tx: Tx,
    private readonly direct: DirectStatements | null,
    /** Called after each statement: lets the run yield to other requests. */
    private readonly between: () => Promise<void>,
  ) {}

  private async run(statement: Prisma.Sql): Promise<void> {
    if (this.direct) await this.direct.execute(statement);
    else await this.tx.$executeRaw(statement);
    await this.between();
  }

  /** Sends the database's settings for a bulk write (lib/sql-dialect.ts bulkWriteSettings). */
  async prepare(settings: Prisma.Sql[]): Promise<void> {
    for (const setting of settings) await this.run(setting);
  }

  /** Inserts the rows (all with the same columns, those of the first) into `table`. */
  async insert(table: string, rows: SqlRow[]): Promise<void> {
    if (rows.length === 0) return;
    const columns = Object.keys(rows[0]);
    const perStatement = Math.max(1, Math.min(MAX_ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = Prisma.sql`INSERT INTO ${quoted(table)} (${Prisma.join(columns.map(quoted))}) VALUES `;
    for (let start = 0; start < rows.length; start += perStatement) {
      const tuples = rows.slice(start, start + perStatement).map((row) => Prisma.sql`(${Prisma.join(columns.map((column) => row[column]))})`);
      await this.run(Prisma.sql`${head}${Prisma.join(tuples)}`);
    }
  }

  /** Deletes the rows of `table` whose `column` is one of `values`. */
  async deleteWhereIn(table: string, column: string, values: string[]): Promise<void> {
    for (let start = 0; start < values.length; start += MAX_ROWS_PER_STATEMENT) {
      await this.run(Prisma.sql`DELETE FROM ${quoted(table)} WHERE ${quoted(column)} IN (${Prisma.join(values.slice(start, start + MAX_ROWS_PER_STATEMENT))})`);
    }
  }

  /** Sets these columns of the row of `table` with this id. */
  async update(table: string, id: string, columns: SqlRow): Promise<void> {
    const assignments = Object.entries(columns).map(([column, value]) => Prisma.sql`${quoted(column)} = ${value}`);
    await this.run(Prisma.sql`UPDATE ${quoted(table)} SET ${Prisma.join(assignments)} WHERE "id" = ${id}`);
  }
}

/**
 * A new record id, in the shape of the cuid Prisma makes for `@default(cuid())`
 * ("c", time, counter, process fingerprint, randomness: 25 characters), for rows
 * inserted without the model.
 */
export function newRecordId(): string {
  counter = (counter + 1) % COUNTER_SPACE;
  if (poolOffset + RANDOM_BYTES > pool.length) {
    pool = randomBytes(RANDOM_BYTES * 4096); // one call for thousands of ids: a call each was 1% of an import
    poolOffset = 0;
  }
  const random = pool.readUIntBE(poolOffset, RANDOM_BYTES).toString(36).padStart(8, '0').slice(-8);
  poolOffset += RANDOM_BYTES;
  return `c${Date.now().toString(36).padStart(8, '0')}${counter.toString(36).padStart(4, '0')}${FINGERPRINT}${random}`;
}

const COUNTER_SPACE = 36 ** 4;
const RANDOM_BYTES = 6;
let pool = Buffer.alloc(0);
let poolOffset = 0;
let counter = randomBytes(4).readUInt32BE(0) % COUNTER_SPACE;
const FINGERPRINT = (process.pid % 36 ** 2).toString(36).padStart(2, '0') + randomBytes(2).readUInt16BE(0).toString(36).padStart(2, '0').slice(-2);
