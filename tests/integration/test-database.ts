import os from 'node:os';
import path from 'node:path';
import { providerOf, sqliteFilePath, type DatabaseProvider } from '@/lib/env';
import { isTestDatabaseName } from './postgres-server';

/** The database the integration tests run on: TEST_DATABASE=postgresql, or SQLite. */
export function testProvider(): DatabaseProvider {
  const chosen = process.env.TEST_DATABASE ?? 'sqlite';
  if (chosen !== 'sqlite' && chosen !== 'postgresql') throw new Error(`TEST_DATABASE must be sqlite or postgresql, not "${chosen}"`);
  return chosen;
}

/**
 * Integration tests write and wipe data, so they refuse any database that is
 * not a throw-away one: a file under the system's temporary folder, or a
 * PostgreSQL database named timeline_test_….
 */
export function assertTestDatabase(url: string): void {
  if (providerOf(url) === 'postgresql') {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    if (!isTestDatabaseName(name)) throw new Error(`Refusing to run integration tests against the PostgreSQL database "${name}": not a timeline_test_ database`);
    return;
  }
  const file = sqliteFilePath(url);
  const tmp = path.resolve(os.tmpdir());
  if (!file.startsWith(tmp + path.sep) || !path.basename(file).startsWith('timeline-test-')) {
    throw new Error(`Refusing to run integration tests against ${file}: not a temporary test database`);
  }
}
