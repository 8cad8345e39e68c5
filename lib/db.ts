import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/postgresql/client';
import { Prisma, PrismaClient as SqlitePrismaClient } from '@/lib/generated/sqlite/client';
import { databaseUrl, providerOf, type DatabaseProvider } from '@/lib/env';
import { postgresAdapter } from '@/lib/postgres';
import { LOCK_WAIT_MS, sqliteAdapter, type DriverHandle } from '@/lib/sqlite';

/**
 * The database of the app: SQLite (a `file:` DATABASE_URL, the default) or
 * PostgreSQL (`postgresql://…`), chosen here by the URL's scheme and nowhere
 * else. Each has its own Prisma schema, migrations and generated client
 * (prisma/sqlite, prisma/postgresql); their models are the same, so the rest of
 * the code sees one client type, SQLite's, and gets it, its `Prisma` namespace
 * and its model types from this module. What the two databases do differently
 * in SQL is in lib/sql-dialect.ts; how each connects, in lib/sqlite.ts and
 * lib/postgres.ts.
 */

export { Prisma };
export type PrismaClient = SqlitePrismaClient;
export type { Source } from '@/lib/generated/sqlite/client';
export { LOCK_WAIT_MS };

interface ConnectionOptions {
  url: string;
  /** LOCK_WAIT_MS unless a test needs to see the wait run out. */
  lockWaitMs: number;
}

/** How each client made here connects, so that work can open a connection of its own to the same database. */
const optionsOfClient = new WeakMap<PrismaClient, ConnectionOptions>();
const handleOfClient = new WeakMap<PrismaClient, DriverHandle>();

/** The database a client runs on (one made here, or elsewhere: the client's generated provider tells). */
export function providerOfClient(client: PrismaClient): DatabaseProvider {
  const options = optionsOfClient.get(client);
  if (options) return providerOf(options.url);
  // Every Prisma 6 client keeps its schema's provider here; not a typed API, hence the fallback above first.
  return (client as unknown as { _activeProvider?: string })._activeProvider === 'postgresql' ? 'postgresql' : 'sqlite';
}

/**
 * The PostgreSQL adapter, noting the transactions it has open, so that
 * directStatementsOf can reach the one open transaction of a client made for
 * an import, and sending each transaction's statements one after another.
 */
type PostgresAdapterFactory = ReturnType<typeof postgresAdapter>;
type PostgresTransaction = Awaited<ReturnType<Awaited<ReturnType<PostgresAdapterFactory['connect']>>['startTransaction']>>;

function trackingTransactions(factory: PostgresAdapterFactory, handle: DriverHandle): Pick<PostgresAdapterFactory, 'provider' | 'adapterName' | 'connect'> {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const open = new Set<PostgresTransaction>();
      const startTransaction = adapter.startTransaction.bind(adapter);
      return Object.assign(adapter, {
        async startTransaction(isolationLevel?: Parameters<typeof startTransaction>[0]) {
          const transaction = await startTransaction(isolationLevel);
          open.add(transaction);
          handle.transactions = open.size === 1 ? transaction : undefined;
          const end = (finish: () => Promise<void>) => async () => {
            open.delete(transaction);
            handle.transactions = open.size === 1 ? [...open][0] : undefined;
            await finish();
          };
          // One statement at a time on the transaction's connection: Prisma may send a transaction's queries side by
          // side (Promise.all in a transaction), which node-postgres only queues, deprecated (gone in pg 9).
          let queue: Promise<unknown> = Promise.resolve();
          const inTurn =
            <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
            (...args: A): Promise<R> => {
              const next = queue.then(() => run(...args));
              queue = next.catch(() => undefined);
              return next;
            };
          return Object.assign(transaction, {
            queryRaw: inTurn(transaction.queryRaw.bind(transaction)),
            executeRaw: inTurn(transaction.executeRaw.bind(transaction)),
            commit: end(transaction.commit.bind(transaction)),
            rollback: end(transaction.rollback.bind(transaction)),
          });
        },
      });
    },
  };
}

export function createPrismaClient(url: string = databaseUrl(), { lockWaitMs = LOCK_WAIT_MS }: { lockWaitMs?: number } = {}): PrismaClient {
  const options = { url, lockWaitMs };
  const handle: DriverHandle = {};
  // A transaction may wait for a lock as long as a plain write may; Prisma's 2 s default would cut it short.
  const transactionOptions = { maxWait: lockWaitMs + 5_000, timeout: 20_000 };
  const client =
    providerOf(url) === 'postgresql'
      ? // The same models as SQLite's client (check-migrations.ts compares the schemas), so the same API.
        (new PostgresPrismaClient({ adapter: trackingTransactions(postgresAdapter(url, { lockWaitMs }), handle), transactionOptions }) as unknown as PrismaClient)
      : new SqlitePrismaClient({ adapter: sqliteAdapter(url, lockWaitMs, handle), transactionOptions });
  optionsOfClient.set(client, options);
  handleOfClient.set(client, handle);
  return client;
}

/** A value a statement sent straight to the driver can bind: the driver stores a Date as Prisma's own writes do. */
export type DriverValue = string | number | Date | null;

/**
 * Statements sent straight to the driver, on the connection a client's
 * transactions run on. Only for the inside of `client.$transaction` (where they
 * are part of that transaction) and only for bulk writes: every value crossing
 * Prisma's query engine is copied through it several times, which made an import
 * of 100,000 events spend a third of its time there. Takes a Prisma.sql
 * statement. Null for a client not made here, not yet connected, or (on
 * PostgreSQL, where transactions run side by side) with other than exactly one
 * transaction open.
 */
export interface DirectStatements {
  execute(statement: Prisma.Sql): Promise<number>;
}

export function directStatementsOf(client: PrismaClient): DirectStatements | null {
  const connection = handleOfClient.get(client)?.transactions;
  if (!connection) return null;
  const postgres = providerOfClient(client) === 'postgresql';
  return {
    execute: (statement) => {
      const args = statement.values as DriverValue[];
      // SQLite's driver takes ? placeholders, PostgreSQL's $1, $2…
      const sql = postgres ? statement.text : statement.sql;
      return connection.executeRaw({ sql, args, argTypes: args.map((arg) => (arg instanceof Date ? DATETIME_ARG : UNKNOWN_ARG)) });
    },
  };
}

const UNKNOWN_ARG = { scalarType: 'unknown', arity: 'scalar' } as const;
const DATETIME_ARG = { scalarType: 'datetime', arity: 'scalar' } as const;

/**
 * Runs long work (an import) on a connection of its own to `client`'s
 * database, closed afterwards: the app's connections keep serving reads and
 * queue no transaction behind it in this process.
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
