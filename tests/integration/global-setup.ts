import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/scripts/migrate-database';
import { createTestDatabase, dropTestDatabases, testDatabaseName } from './postgres-server';
import { assertTestDatabase, testProvider } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * Creates a fresh database for this run (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgresql) and applies the committed migrations to it.
 */
export default async function setup(project: TestProject) {
  if (testProvider() === 'postgresql') {
    const name = testDatabaseName();
    const url = await createTestDatabase(name);
    assertTestDatabase(url);
    migrateDatabase(url);
    project.provide('databaseUrl', url);
    return () => dropTestDatabases([name]);
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-'));
  const url = `file:${path.join(folder, `timeline-test-${process.pid}.db`)}`;
  assertTestDatabase(url);
  migrateDatabase(url);
  project.provide('databaseUrl', url);
  return () => rmSync(folder, { recursive: true, force: true });
}
