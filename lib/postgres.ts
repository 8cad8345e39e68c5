import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

/**
 * How the app and Prisma's CLI talk to PostgreSQL through node-postgres, in
 * one place (SQLite's counterpart is in lib/db.ts).
 */

/** Connections per pool unless the URL says otherwise (`?connection_limit=N`). */
const DEFAULT_POOL_SIZE = 10;

/** Catalog types Prisma 6.19's pg adapter cannot describe; they are plain text (see describeNamesAsText). */
const NAME_TYPES = new Set([18 /* "char" */, 19 /* name */]);
const TEXT_TYPE = 25;

type AnyQuery = (...args: unknown[]) => unknown;

/**
 * Makes a pooled node-postgres client report the catalog's `name` and
 * `"char"` columns as text. Prisma's schema engine reads the catalog through
 * the driver adapter when it applies migrations, and @prisma/adapter-pg 6.19
 * refuses those two types ("Column type 'name' could not be deserialized",
 * prisma/orm#27403, fixed only in Prisma 7). Their values are already strings.
 * node-postgres overloads query() many ways (a pool calls it with a callback),
 * so every form is passed through.
 */
function describeNamesAsText(client: pg.PoolClient): void {
  const query = client.query.bind(client) as AnyQuery;
  const wrapped: AnyQuery = (...args) => {
    const last = args.length - 1;
    if (typeof args[last] === 'function') {
      const callback = args[last] as (error: Error | undefined, result: unknown) => void;
      args[last] = (error: Error | undefined, result: unknown) => callback(error, error ? result : asText(result));
    }
    const result = query(...args);
    return result instanceof Promise ? result.then(asText) : result;
  };
  client.query = wrapped as typeof client.query;
}

/** The result with its `name` and `"char"` columns described as text. */
function asText<T>(value: T): T {
  for (const one of Array.isArray(value) ? value : [value]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) if (NAME_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_TYPE;
  }
  return value;
}

export interface PoolOptions {
  /** The most connections this pool opens. */
  max?: number;
  /** How long a statement waits for a lock another transaction holds before it fails (lock_timeout, 55P03). */
  lockWaitMs?: number;
  /** Passed to the server as the connection's application_name (shows in pg_stat_activity). */
  applicationName?: string;
}

/** The pool size a URL asks for with `connection_limit` (Prisma's own parameter name), if any. */
function poolSizeOf(url: string): number | undefined {
  const limit = new URL(url).searchParams.get('connection_limit');
  const size = limit === null ? Number.NaN : Number(limit);
  return Number.isInteger(size) && size > 0 ? size : undefined;
}

/** A connection string without the parameters node-postgres does not know (it would send them as settings). */
function driverUrl(url: string): string {
  const parsed = new URL(url);
  for (const name of ['connection_limit', 'pool_timeout', 'schema']) parsed.searchParams.delete(name);
  return parsed.toString();
}

export function createPool(url: string, { max, lockWaitMs, applicationName = 'ai-policy-timeline' }: PoolOptions = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString: driverUrl(url),
    // Every session in UTC, so that nothing the server formats can move a date; and a bounded wait for locks.
    options: `-c TimeZone=UTC${lockWaitMs === undefined ? '' : ` -c lock_timeout=${Math.max(1, Math.round(lockWaitMs))}`}`,
    max: max ?? poolSizeOf(url) ?? DEFAULT_POOL_SIZE,
    application_name: applicationName,
    // A connection that cannot be had within this time fails the request instead of queueing it forever.
    connectionTimeoutMillis: 30_000,
    idleTimeoutMillis: 30_000,
    // Idle connections do not keep a command-line process alive (SQLite's driver holds no handle either).
    allowExitOnIdle: true,
  });
  // Emitted for each new connection before anyone is given it.
  pool.on('connect', describeNamesAsText);
  return pool;
}

/** The adapter for Prisma's client and CLI, on its own pool (closed with the client). */
export function postgresAdapter(url: string, options: PoolOptions = {}): PrismaPg {
  return new PrismaPg(createPool(url, options), { disposeExternalPool: true });
}

/**
 * The adapter Prisma's CLI uses to apply migrations. The pg adapter splits a
 * script at every semicolon, which cuts a function body (the search index's
 * trigger) apart; this one sends each script whole, as psql would.
 */
export function migrationAdapter(url: string): Pick<PrismaPg, 'provider' | 'adapterName' | 'connect' | 'connectToShadowDb'> {
  const factory = postgresAdapter(url, { max: 2, applicationName: 'ai-policy-timeline-migrate' });
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      const pool = adapter.underlyingDriver() as pg.Pool;
      return Object.assign(adapter, {
        async executeScript(script: string) {
          try {
            await pool.query(script);
          } catch (error) {
            // The adapter's own error mapping, so that Prisma reports the failed statement as it would.
            (adapter as unknown as { onError(error: unknown): never }).onError(error);
          }
        },
      });
    },
    // The pg adapter would point its shadow database's pool at the main database (a connection string
    // outranks the database name it sets). Nothing here needs one: scripts/check-migrations.ts builds its own.
    async connectToShadowDb(): Promise<never> {
      throw new Error('No shadow database on PostgreSQL here: compare schema and migrations with npm run db:check-migrations.');
    },
  };
}
