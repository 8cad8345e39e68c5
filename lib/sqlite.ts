import { setTimeout as sleep } from 'node:timers/promises';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

/**
 * How the app uses SQLite so that several readers, several writers and several
 * processes can share one file (PostgreSQL's counterpart is lib/postgres.ts):
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

/** Rows sampled per index when a connection refreshes stale statistics on opening. */
export const ANALYSIS_LIMIT = 1000;

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

/** Where a client's adapter leaves its transactions' connection once connected (lib/db.ts directStatementsOf). */
export interface DriverHandle {
  transactions?: Pick<SqlDriverAdapter, 'executeRaw'>;
}

export function sqliteAdapter(url: string, lockWaitMs: number, handle: DriverHandle): SqlDriverAdapterFactory {
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

