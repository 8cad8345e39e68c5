import os from 'node:os';
import path from 'node:path';
import { sqliteFilePath } from '@/lib/env';

/**
 * Integration tests write and wipe data, so they refuse any database that is not
 * a throw-away file under the system's temporary folder.
 */
export function assertTestDatabase(url: string): void {
  const file = sqliteFilePath(url);
  const tmp = path.resolve(os.tmpdir());
  if (!file.startsWith(tmp + path.sep) || !path.basename(file).startsWith('timeline-test-')) {
    throw new Error(`Refusing to run integration tests against ${file}: not a temporary test database`);
  }
}
