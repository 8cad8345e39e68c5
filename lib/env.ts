import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** Where the embedded SQLite database lives when DATABASE_URL is not set. */
export const DEFAULT_DATABASE_URL = 'file:./.data/timeline.db';

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^file:.+/, 'DATABASE_URL must be a SQLite URL of the form file:<path>')
    .default(DEFAULT_DATABASE_URL),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
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

/** SQLite creates the database file but not its folder; a fresh clone has neither. */
export function ensureDatabaseFolder(url: string): void {
  mkdirSync(path.dirname(sqliteFilePath(url)), { recursive: true });
}
