import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { databaseUrl, ensureDatabaseFolder, providerOf } from './lib/env';
import { migrationAdapter } from './lib/postgres';

// Resolved at load time: the schema's env("DATABASE_URL") must be set before any
// CLI command runs, or Prisma falls back to downloading a native query engine.
const url = databaseUrl();
ensureDatabaseFolder(url);
// The update check can keep the CLI from exiting on a machine without internet.
process.env.CHECKPOINT_DISABLE ??= '1';

// Each database has its own schema and migrations (prisma/sqlite, prisma/postgresql), chosen by the URL's
// scheme as lib/db.ts chooses the client. Prisma 6.19 runs its schema engine as WASM through the adapter,
// so every CLI command works without downloading a native engine (see README, "Migrations").
const provider = providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', provider, 'schema.prisma'),
  migrations: { path: path.join('prisma', provider, 'migrations') },
  adapter: async () => (provider === 'postgresql' ? migrationAdapter(url) : new PrismaBetterSQLite3({ url })),
});
