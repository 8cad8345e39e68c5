import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Where the embedded SQLite database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'file:./.data/timeline.db';

/** The two databases the app runs on, told apart by DATABASE_URL's scheme (lib/db.ts). */
export type DatabaseProvider = 'sqlite' | 'postgresql';

const POSTGRES_URL = /^postgres(ql)?:\/\/[^/]+\/[^/?]+/i;

export function providerOf(url: string): DatabaseProvider {
  return POSTGRES_URL.test(url) ? 'postgresql' : 'sqlite';
}

let providerCache: { raw: string | undefined; provider: DatabaseProvider } | undefined;

/** The database DATABASE_URL names; cheap enough to ask for each statement built. */
export function databaseProvider(): DatabaseProvider {
  const raw = process.env.DATABASE_URL;
  if (providerCache === undefined || providerCache.raw !== raw || raw === undefined) providerCache = { raw, provider: providerOf(databaseUrl()) };
  return providerCache.provider;
}

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .refine(
      (url) => /^file:.+/.test(url) || POSTGRES_URL.test(url),
      'DATABASE_URL must be a SQLite URL (file:<path>) or a PostgreSQL URL (postgresql://user:password@host:5432/database)',
    )
    .default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  /**
   * Signs session cookies; when unset, a random one is kept in a file beside the SQLite database (or, on
   * PostgreSQL, in .data/), which every process started from this folder shares. Set it when app processes
   * run on more than one machine.
   */
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters').optional(),
  /** The site's public address, e.g. https://timeline.example.org; sign-in requests must come from it. */
  BETTER_AUTH_URL: z.url('BETTER_AUTH_URL must be an absolute URL').optional(),
  /**
   * Set to "true" only behind a reverse proxy that adds the client's address to
   * X-Forwarded-For: then scripts/serve.ts keeps the header and its last entry
   * identifies the client for sign-in rate limits (lib/client-address.ts).
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /**
   * How many processes `npm start` renders reader pages in (scripts/serve.ts):
   * itself and RENDER_PROCESSES - 1 render processes. Unset: one per core, at most two.
   */
  RENDER_PROCESSES: z.coerce.number().int('RENDER_PROCESSES must be a whole number').min(1, 'RENDER_PROCESSES must be at least 1').max(32, 'RENDER_PROCESSES must be at most 32').optional(),
  // The source check (npm run sources:check, lib/sources-watch; README "Source watch").
  SOURCE_CHECK_GONE_AFTER: z.coerce.number().int().min(1).max(100).default(3),
  SOURCE_CHECK_GONE_HOURS: z.coerce.number().min(0).max(24 * 365).default(48),
  SOURCE_CHECK_TIMEOUT_MS: z.coerce.number().int().min(100).max(300_000).default(15_000),
  SOURCE_CHECK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  SOURCE_CHECK_PER_HOST: z.coerce.number().int().min(1).max(64).default(2),
  SOURCE_CHECK_MAX_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(2 * 1024 * 1024),
  SOURCE_CHECK_USER_AGENT: z.string().trim().min(1).optional(),
  SOURCE_CHECK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  /** The Internet Archive's availability API (https://archive.org/wayback/available); unset: no lookups. */
  ARCHIVE_AVAILABILITY_URL: z.url('ARCHIVE_AVAILABILITY_URL must be an absolute URL').optional(),
  /** Where to ask for a snapshot of a newly added source (https://web.archive.org/save/); unset: never. */
  ARCHIVE_SAVE_URL: z.url('ARCHIVE_SAVE_URL must be an absolute URL').optional(),
});

export type Env = z.infer<typeof envSchema>;

let loadedDotEnv = false;

/**
 * Parses the environment once per call site. `.env` is loaded here because a
 * prisma.config.ts turns off Prisma's own `.env` loading.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  if (!loadedDotEnv && source === process.env && existsSync('.env')) {
    process.loadEnvFile('.env');
    loadedDotEnv = true;
  }
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
  return parsed.data;
}

export function databaseUrl(): string {
  const url = readEnv().DATABASE_URL;
  // The Prisma CLI reads env("DATABASE_URL") from the schema; keep it in step with the default.
  process.env.DATABASE_URL = url;
  return url;
}

/** The file path of a `file:` SQLite URL, resolved against the working directory as the SQLite adapter does. */
export function sqliteFilePath(url: string): string {
  return path.resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''));
}

/** The database for people: a SQLite file's path, or a PostgreSQL server and database without the password. */
export function describeDatabase(url: string): string {
  if (providerOf(url) === 'sqlite') return sqliteFilePath(url);
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${parsed.host}${parsed.pathname}`;
}

/**
 * Whether the database at `url` is there to read: a SQLite file exists (opening a missing one would create it
 * empty). A PostgreSQL database is taken to exist; connecting says otherwise, with the server's reason.
 */
export function databaseExists(url: string): boolean {
  return providerOf(url) === 'postgresql' || existsSync(sqliteFilePath(url));
}

/** SQLite creates the database file but not its folder; a fresh clone has neither. Nothing to do on PostgreSQL. */
export function ensureDatabaseFolder(url: string): void {
  if (providerOf(url) === 'sqlite') mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
}

/**
 * Where the generated auth secret of the database at `url` is kept: beside a
 * SQLite file (a backup copies it), or in .data/ under a name of its own for
 * each PostgreSQL database.
 */
export function authSecretFile(url: string): string {
  if (providerOf(url) === 'sqlite') return path.join(path.dirname(sqliteFilePath(url)), 'auth-secret');
  const parsed = new URL(url);
  const identity = `${parsed.host}${parsed.pathname}`;
  return path.resolve('.data', `auth-secret-postgresql-${createHash('sha256').update(identity).digest('hex').slice(0, 16)}`);
}

/**
 * The secret that signs sessions: BETTER_AUTH_SECRET, or a random secret
 * generated once and kept (mode 600) in authSecretFile, so a fresh install is
 * secure without a manual step.
 */
export function authSecret(): string {
  const env = readEnv();
  if (env.BETTER_AUTH_SECRET) return env.BETTER_AUTH_SECRET;
  const file = authSecretFile(env.DATABASE_URL);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    writeFileSync(file, secret, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made it first: every process must sign with the same secret.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim();
    throw error;
  }
  return secret;
}
