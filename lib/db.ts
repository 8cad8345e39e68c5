import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseUrl } from '@/lib/env';
import { ANALYSIS_LIMIT } from '@/lib/sql-dialect';

/**
 * The one Prisma client of the app, and how it uses SQLite so that several
 * readers, several writers and several processes can share one file:
 *
 * - WAL journal: readers read the last committed state while a write (an
 *   import) runs, and never block it. `synchronous=NORMAL` is durable against a
 *   crash of the process (a power loss can undo the last commits, never corrupt).
 * - Two connections per client: plain queries on one, transactions on the
 *   other. The driver adapter serialises only transactions, so on one shared
 *   connection a page read in the middle of someone's save would see (and a
 *   plain write would join) that unfinished transaction.
 * - Writers wait for the lock without blocking the event loop. SQLite's own
 *   busy wait is a synchronous sleep, so it is off; a busy statement is retried
 *   after an asynchronous backoff until LOCK_WAIT_MS, then fails as
 *   SQLITE_BUSY, which lib/db-errors.ts turns into the BUSY message.
 * - Every transaction takes the write lock first (BEGIN IMMEDIATE): its reads
 *   then see the latest commit of any process, so a version check cannot pass
 *   on a stale snapshot, and no statement in it can fail half-way as busy.
 */

/** How long a write waits for another writer (an import, another process) before it gives up as busy. */
export const LOCK_WAIT_MS = 30_000;
/** The longest pause between two attempts to take the lock. */
const MAX_BACKOFF_MS = 50;
// optimize=0x10002 (SQLite's advice for long-lived connections): gathers the planner's statistics where they are
// missing or stale, sampling at most analysis_limit rows an index, so a filter on a rare actor uses its index.
const CONNECTION_PRAGMAS = `PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA analysis_limit = ${ANALYSIS_LIMIT}; PRAGMA optimize = 0x10002;`;

type SqlDriverAdapter = Awaited<ReturnType<PrismaBetterSQLite3['connect']>>;
type SqlDriverAdapterFactory = Pick<PrismaBetterSQLite3, 'provider' | 'adapterName' | 'connect'>;
type IsolationLevel = Parameters<SqlDriverAdapter['startTransaction']>[0];

const statement = (sql: string) => ({ sql, args: [], argTypes: [] });

/**
 * The SQLite result code of a failed statement: the adapter wraps the driver's
 * error (keeping the code as `cause.originalCode`) or passes it through.
 */
function sqliteCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { originalCode?: unknown } };
  const found = cause?.originalCode ?? code;
  return typeof found === 'string' ? found : undefined;
}

/**
 * Busy codes after which the same statement may simply be sent again: it
 * changed nothing, and it runs outside an explicit transaction (or is the
 * BEGIN of one). SQLITE_BUSY_SNAPSHOT is not among them; immediate
 * transactions never meet it.
 */
const RETRYABLE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_RECOVERY', 'SQLITE_BUSY_TIMEOUT']);

async function waitingForLock<T>(attempt: () => Promise<T>, lockWaitMs: number): Promise<T> {
  const deadline = Date.now() + lockWaitMs;
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const remaining = deadline - Date.now();
      if (!RETRYABLE_BUSY.has(sqliteCode(error) ?? '') || remaining <= 0) throw error;
      // Exponential backoff with jitter, so that waiting writers do not retry in step.
      await sleep(Math.min(remaining, Math.min(MAX_BACKOFF_MS, 2 ** tries) * (0.5 + Math.random())));
    }
  }
}

/** A transaction that holds the write lock from its start. */
async function startImmediateTransaction(connection: SqlDriverAdapter, isolationLevel: IsolationLevel, lockWaitMs: number) {
  // The adapter's start waits for the process's other transactions, then sends a deferred BEGIN,
  // which takes no lock; it is swapped for BEGIN IMMEDIATE, whose busy answer can be waited out.
  const transaction = await connection.startTransaction(isolationLevel);
  try {
    await transaction.executeRaw(statement('COMMIT'));
    await waitingForLock(() => transaction.executeRaw(statement('BEGIN IMMEDIATE')), lockWaitMs);
  } catch (error) {
    await transaction.rollback(); // lets the process's next transaction start
    throw error;
  }
  return transaction;
}

/** Where a client's adapter leaves its transactions' connection once connected (see directStatementsOf). */
interface DriverHandle {
  transactions?: SqlDriverAdapter;
}

function sqliteAdapter({ url, lockWaitMs }: ConnectionOptions, handle: DriverHandle): SqlDriverAdapterFactory {
  // timeout 0: no synchronous busy wait (see waitingForLock).
  const driver = new PrismaBetterSQLite3({ url, timeout: 0 });
  const open = async () => {
    const connection = await driver.connect();
    await waitingForLock(() => connection.executeScript(CONNECTION_PRAGMAS), lockWaitMs);
    return connection;
  };
  return {
    provider: driver.provider,
    adapterName: driver.adapterName,
    async connect(): Promise<SqlDriverAdapter> {
      const [queries, transactions] = await Promise.all([open(), open()]);
      handle.transactions = transactions;
      return {
        provider: queries.provider,
        adapterName: queries.adapterName,
        queryRaw: (query) => waitingForLock(() => queries.queryRaw(query), lockWaitMs),
        executeRaw: (query) => waitingForLock(() => queries.executeRaw(query), lockWaitMs),
        executeScript: (script) => queries.executeScript(script),
        startTransaction: (isolationLevel) => startImmediateTransaction(transactions, isolationLevel, lockWaitMs),
        dispose: async () => {
          if (handle.transactions === transactions) handle.transactions = undefined;
          await Promise.all([queries.dispose(), transactions.dispose()]);
        },
      };
    },
  };
}

interface ConnectionOptions {
  url: string;
  /** LOCK_WAIT_MS unless a test needs to see the wait run out. */
  lockWaitMs: number;
}

/** How each client made here connects, so that work can open a connection of its own to the same file. */
const optionsOfClient = new WeakMap<PrismaClient, ConnectionOptions>();

export function createPrismaClient(url: string = databaseUrl(), { lockWaitMs = LOCK_WAIT_MS }: { lockWaitMs?: number } = {}): PrismaClient {
  const options = { url, lockWaitMs };
  const handle: DriverHandle = {};
  const client = new PrismaClient({
    adapter: sqliteAdapter(options, handle),
    // A transaction may wait for the write lock as long as a plain write may; Prisma's 2 s default would cut it short.
    transactionOptions: { maxWait: lockWaitMs + 5_000, timeout: 20_000 },
  });
  optionsOfClient.set(client, options);
  handleOfClient.set(client, handle);
  return client;
}

const handleOfClient = new WeakMap<PrismaClient, DriverHandle>();

/** A value a statement sent straight to the driver can bind: the driver stores a Date as Prisma's own writes do. */
export type DriverValue = string | number | Date | null;

/**
 * Statements sent straight to the driver, on the connection a client's
 * transactions run on. Only for the inside of `client.$transaction` (where they
 * are part of that transaction) and only for bulk writes: every value crossing
 * Prisma's query engine is copied through it several times, which made an import
 * of 100,000 events spend a third of its time there. Takes the `sql` and
 * `values` of a Prisma.sql statement. Null for a client not made here, or not
 * yet connected.
 */
export interface DirectStatements {
  execute(sql: string, args: DriverValue[]): Promise<number>;
}

export function directStatementsOf(client: PrismaClient): DirectStatements | null {
  const connection = handleOfClient.get(client)?.transactions;
  if (!connection) return null;
  return {
    execute: (sql, args) => connection.executeRaw({ sql, args, argTypes: args.map(() => UNKNOWN_ARG) }),
  };
}

const UNKNOWN_ARG = { scalarType: 'unknown', arity: 'scalar' } as const;

/**
 * Runs long work (an import) on a connection of its own to `client`'s
 * database, closed afterwards: the app's connections keep serving reads (WAL)
 * and queue no transaction behind it in this process.
 */
export async function withOwnConnection<T>(client: PrismaClient, work: (own: PrismaClient) => Promise<T>): Promise<T> {
  const options = optionsOfClient.get(client);
  if (options === undefined) return work(client); // not made here: nothing to open a second connection from
  const own = createPrismaClient(options.url, options);
  try {
    return await work(own);
  } finally {
    await own.$disconnect();
  }
}

/** The one Prisma client of the app; kept on globalThis so dev-server reloads reuse it. */
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = db;
