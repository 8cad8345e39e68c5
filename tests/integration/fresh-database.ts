import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { inject } from 'vitest';
import { createPrismaClient, type PrismaClient } from '@/lib/db';
import { providerOf, sqliteFilePath } from '@/lib/env';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from '@/lib/generated/sqlite/client';
import { createTestDatabase, dropTestDatabases, testDatabaseName } from './postgres-server';
import { assertTestDatabase, testProvider } from './test-database';

/**
 * Empty databases of their own, for tests that need one beside the shared test
 * database (a round trip into an empty database, the command line), on the
 * run's database (test-database.ts testProvider): copies of the migrated
 * template global-setup.ts made (a file copy, or CREATE DATABASE … TEMPLATE).
 */

let folder: string | undefined;
const databases: string[] = [];
const clients: PrismaClient[] = [];

/** The URL of a new database holding the schema and no data: a copy of the run's template (global-setup.ts). */
export async function freshDatabaseUrl(): Promise<string> {
  const template = inject('freshTemplate');
  if (testProvider() === 'postgresql') {
    const name = testDatabaseName();
    databases.push(name);
    const url = await createTestDatabase(name, template);
    assertTestDatabase(url);
    return url;
  }
  folder ??= mkdtempSync(path.join(os.tmpdir(), 'timeline-it-fresh-'));
  const url = `file:${path.join(folder, `timeline-test-${randomUUID()}.db`)}`;
  assertTestDatabase(url);
  copyFileSync(template, sqliteFilePath(url));
  return url;
}

/** A client of a new, empty database; closed by removeFreshDatabases. */
export async function freshDatabase(): Promise<PrismaClient> {
  const client = createPrismaClient(await await freshDatabaseUrl());
  clients.push(client);
  return client;
}

/**
 * A plain Prisma client of the database at `url`, made without lib/db.ts (as
 * code embedding the app's functions might make one); closed by
 * removeFreshDatabases.
 */
export function foreignClient(url: string): PrismaClient {
  const client =
    providerOf(url) === 'postgresql'
      ? (new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient)
      : new SqlitePrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  clients.push(client);
  return client;
}

/** For afterAll: closes the clients and deletes the databases. */
export async function removeFreshDatabases(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
  await dropTestDatabases(databases.splice(0));
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
