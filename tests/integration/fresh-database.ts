import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient } from '@/lib/db';
import { sqliteFilePath } from '@/lib/env';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { migrateDatabase } from '@/scripts/migrate-database';
import { assertTestDatabase } from './test-database';

/**
 * Empty databases of their own, for tests that need one beside the shared test
 * database (a round trip into an empty database, the command line). The first
 * is migrated; the others are copies of it, which is much faster.
 */

let folder: string | undefined;
const clients: PrismaClient[] = [];

function templateFile(): string {
  if (!folder) {
    folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-fresh-'));
    const url = `file:${path.join(folder, 'timeline-test-template.db')}`;
    assertTestDatabase(url);
    migrateDatabase(url);
  }
  return path.join(folder, 'timeline-test-template.db');
}

/** The URL of a new database file holding the schema and no data. */
export function freshDatabaseUrl(): string {
  const template = templateFile();
  const url = `file:${path.join(path.dirname(template), `timeline-test-${randomUUID()}.db`)}`;
  assertTestDatabase(url);
  copyFileSync(template, sqliteFilePath(url));
  return url;
}

/** A client of a new, empty database; closed by removeFreshDatabases. */
export function freshDatabase(): PrismaClient {
  const client = createPrismaClient(freshDatabaseUrl());
  clients.push(client);
  return client;
}

/** For afterAll: closes the clients and deletes the files. */
export async function removeFreshDatabases(): Promise<void> {
  await Promise.all(clients.splice(0).map((client) => client.$disconnect()));
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
}
