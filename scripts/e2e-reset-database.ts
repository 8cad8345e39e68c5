import { rmSync } from 'node:fs';
import pg from 'pg';
import { providerOf, sqliteFilePath } from '@/lib/env';

/**
 * Empties the browser tests' database before their server prepares it: a
 * SQLite file (and its journal files) is removed; a PostgreSQL database, which
 * must be named timeline_test_… so that nothing else can be wiped, is dropped
 * and created again on its server (with --drop: only dropped, after the run).
 */
async function main(url: string, drop: boolean) {
  if (providerOf(url) === 'sqlite') {
    const file = sqliteFilePath(url);
    for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    return;
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^timeline_test_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to reset the PostgreSQL database "${name}": the browser tests' database must be named timeline_test_…`);
  target.pathname = '/postgres';
  const server = new pg.Client({ connectionString: target.toString() });
  await server.connect();
  try {
    await server.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    if (!drop) await server.query(`CREATE DATABASE "${name}"`);
  } finally {
    await server.end();
  }
}

main(process.argv[2] ?? '', process.argv.includes('--drop')).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
