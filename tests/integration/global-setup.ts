import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/scripts/migrate-database';
import { createTestDatabase, dropTestDatabases, testDatabaseName } from './postgres-server';
import { assertTestDatabase, testProvider } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    /** A migrated, empty database for fresh-database.ts to copy: a PostgreSQL database name or a SQLite file. */
    freshTemplate: string;
  }
}

/**
 * Creates a fresh database for this run (SQLite, or PostgreSQL with
 * TEST_DATABASE=postgresql), applies the committed migrations to it, and keeps
 * an empty copy that fresh-database.ts copies again (migrating a PostgreSQL
 * database takes about 10 s; a copy, a fraction of one).
 */
export default async function setup(project: TestProject) {
  if (testProvider() === 'postgresql') {
    const name = testDatabaseName();
    const url = await createTestDatabase(name);
    assertTestDatabase(url);
    migrateDatabase(url);
    const template = testDatabaseName('template');
    await createTestDatabase(template, name);
    project.provide('databaseUrl', url);
    project.provide('freshTemplate', template);
    return () => dropTestDatabases([name, template]);
  }
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-'));
  const url = `file:${path.join(folder, `timeline-test-${process.pid}.db`)}`;
  assertTestDatabase(url);
  migrateDatabase(url);
  const template = path.join(folder, 'timeline-test-template.db');
  copyFileSync(path.join(folder, `timeline-test-${process.pid}.db`), template);
  project.provide('databaseUrl', url);
  project.provide('freshTemplate', template);
  return () => rmSync(folder, { recursive: true, force: true });
}
