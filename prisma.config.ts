import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { databaseUrl, ensureDatabaseFolder } from './lib/env';

// Resolved at load time: the schema's env("DATABASE_URL") must be set before any
// CLI command runs, or Prisma falls back to downloading a native query engine.
const url = databaseUrl();
ensureDatabaseFolder(url);
// The update check can keep the CLI from exiting on a machine without internet.
process.env.CHECKPOINT_DISABLE ??= '1';

// Prisma 6.19 runs its schema engine as WASM through this adapter, so every CLI
// command works without downloading a native engine (see README, "Migrations").
export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  adapter: async () => new PrismaBetterSQLite3({ url }),
});
