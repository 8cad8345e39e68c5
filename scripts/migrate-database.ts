import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { ensureDatabaseFolder, sqliteFilePath } from '@/lib/env';

const MIGRATIONS_FOLDER = path.join(process.cwd(), 'prisma', 'migrations');

/**
 * Creates the SQLite database at `url` when it is missing and applies the
 * committed migrations it is behind on (`prisma migrate deploy`). Loads no data.
 */
export function migrateDatabase(url: string): { applied: boolean } {
  ensureDatabaseFolder(url);
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  const migrate = spawnSync(process.execPath, [prismaCli, 'migrate', 'deploy'], {
    env: { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) {
    throw new Error(`Could not migrate the database at ${sqliteFilePath(url)}:\n${migrate.stdout}${migrate.stderr}`);
  }
  return { applied: /The following migration\(s\) have been applied/.test(migrate.stdout) };
}

/** Whether every committed migration is recorded as applied; read directly, since starting Prisma's CLI takes seconds. */
async function hasEveryMigration(client: PrismaClient): Promise<boolean> {
  const committed = readdirSync(MIGRATIONS_FOLDER, { withFileTypes: true }).filter((entry) => entry.isDirectory());
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
  if (await hasEveryMigration(client)) return { applied: false };
  // Prisma's migrate needs the file to itself: the client's open connections make it fail as busy.
  // The client reconnects at its next query.
  await client.$disconnect();
  return migrateDatabase(url);
}
