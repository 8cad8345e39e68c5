import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PrismaClient } from '@/lib/db';
import { describeDatabase, ensureDatabaseFolder, providerOf } from '@/lib/env';

/** The committed migrations of the database at `url` (prisma/sqlite or prisma/postgresql). */
const migrationsFolder = (url: string) => path.join(process.cwd(), 'prisma', providerOf(url), 'migrations');

/**
 * Applies the committed migrations the database at `url` is behind on
 * (`prisma migrate deploy`), creating a SQLite file when it is missing; a
 * PostgreSQL database must exist. Loads no data.
 */
export function migrateDatabase(url: string): { applied: boolean } {
  ensureDatabaseFolder(url);
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const migrate = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) {
    throw new Error(`Could not migrate the database ${describeDatabase(url)}:\n${migrate.stdout}${migrate.stderr}`);
  }
  return { applied: /The following migration\(s\) have been applied/.test(migrate.stdout) };
}

/** Whether every committed migration is recorded as applied; read directly, since starting Prisma's CLI takes seconds. */
async function hasEveryMigration(url: string, client: PrismaClient): Promise<boolean> {
  const committed = readdirSync(migrationsFolder(url), { withFileTypes: true }).filter((entry) => entry.isDirectory());
  try {
    const rows = await client.$queryRaw<Array<{ migration_name: string }>>`
      SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const applied = new Set(rows.map((row) => row.migration_name));
    return committed.every((entry) => applied.has(entry.name));
  } catch {
    return false; // no migrations table: a new or foreign database
  }
}

/** Migrates the database only when it is behind (or new). */
export async function ensureMigrated(url: string, client: PrismaClient): Promise<{ applied: boolean }> {
  ensureDatabaseFolder(url);
  if (await hasEveryMigration(url, client)) return { applied: false };
  // Prisma's migrate needs a SQLite file to itself: the client's open connections make it fail as busy.
  // The client reconnects at its next query.
  await client.$disconnect();
  return migrateDatabase(url);
}
