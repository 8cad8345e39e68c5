import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { createPrismaClient, type PrismaClient } from '@/lib/db';
import { providerOf, sqliteFilePath } from '@/lib/env';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/postgresql/client';
import { PrismaClient as SqlitePrismaClient } from '@/lib/generated/sqlite/client';
import { migrateDatabase } from '@/scripts/migrate-database';
import { createTestDatabase, dropTestDatabases, testDatabaseName } from './postgres-server';
import { assertTestDatabase, testProvider } from './test-database';

/**
 * Empty databases of their own, for tests that need one beside the shared test
 * database (a round trip into an empty database, the command line), on the
 * run's database (test-database.ts testProvider). The first is migrated; the
 * others are copies of it (a file copy, or CREATE DATABASE … TEMPLATE), which
 * is much faster.
 */

let folder: string | undefined;
let template: Promise<string> | undefined;
const databases: string[] = [];
const clients: PrismaClient[] = [];

function templateOf(): Promise<string> {
  template ??= (async () => {
    if (testProvider() === 'postgresql') {
      const name = testDatabaseName('template');
      databases.push(name);
      const url = await createTestDatabase(name);
      assertTestDatabase(url);
      migrateDatabase(url);
      return name;
    }
    folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-fresh-'));
    const url = `file:${path.join(folder, 'timeline-test-template.db')}`;
    assertTestDatabase(url);
    migrateDatabase(url);
    return path.join(folder, 'timeline-test-template.db');
  })();
  return template;
}

/** The URL of a new database holding the schema and no data. */
export async function freshDatabaseUrl(): Promise<string> {
  const source = await templateOf();
  if (testProvider() === 'postgresql') {
    const name = testDatabaseName();
    databases.push(name);
    const url = await createTestDatabase(name, source);
    assertTestDatabase(url);
    return url;
  }
  const url = `file:${path.join(path.dirname(source), `timeline-test-${randomUUID()}.db`)}`;
  assertTestDatabase(url);
  copyFileSync(source, sqliteFilePath(url));
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
  template = undefined;
}
