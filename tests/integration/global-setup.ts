import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/scripts/migrate-database';
import { assertTestDatabase } from './test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Creates a fresh SQLite database for this run and applies the committed migrations to it. */
export default function setup(project: TestProject) {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-'));
  const url = `file:${path.join(folder, `timeline-test-${process.pid}.db`)}`;
  assertTestDatabase(url);
  migrateDatabase(url);
  project.provide('databaseUrl', url);
  return () => rmSync(folder, { recursive: true, force: true });
}
