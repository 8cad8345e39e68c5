import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db';
import { authSecretFile } from '@/lib/env';
import { freshDatabaseUrl, removeFreshDatabases } from '@/tests/integration/fresh-database';

/** `npm run db:backup` run as an operator would, while the database keeps taking writes. */

const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-backup-'));
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await removeFreshDatabases();
});

/** Runs the command without blocking this process, so that writes go on meanwhile. */
function backup(args: string[], databaseUrl: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  delete env.BETTER_AUTH_SECRET;
  const child = spawn('npx', ['tsx', 'scripts/db-backup.ts', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (status) => resolve({ status, stdout, stderr })));
}

const onPostgres = process.env.TEST_DATABASE === 'postgresql';

describe.skipIf(onPostgres)('npm run db:backup', () => {
  it('takes a consistent copy during writes, holding every write acknowledged before it began, and the auth secret', async () => {
    const url = await freshDatabaseUrl();
    writeFileSync(authSecretFile(url), 'secret-of-this-database-for-the-backup-test', { mode: 0o600 });
    const db = createPrismaClient(url);
    const acknowledged: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let index = 0; writing; index++) {
        const slug = `written-${index}`;
        await db.topic.create({ data: { slug, name: `Written ${index}` } });
        acknowledged.push(slug);
        // Queries resolve without giving the event loop back; requests to a server would arrive between them.
        await setImmediate();
      }
    })();
    while (acknowledged.length < 20) await new Promise((resolve) => setTimeout(resolve, 10));

    const target = path.join(folder, 'during-writes.db');
    const beforeBackup = [...acknowledged];
    const result = await backup([target], url);
    const duringBackup = acknowledged.length - beforeBackup.length;
    writing = false;
    await writer;
    await db.$disconnect();

    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`to ${target}`);
    expect(duringBackup).toBeGreaterThan(0); // the writes really ran while the backup did
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const slugs = new Set(copy.prepare('SELECT slug FROM Topic').pluck().all() as string[]);
      expect(beforeBackup.filter((slug) => !slugs.has(slug))).toEqual([]);
    } finally {
      copy.close();
    }
    expect(existsSync(`${target}-wal`)).toBe(false);
    expect(readFileSync(`${target}.auth-secret`, 'utf8')).toBe('secret-of-this-database-for-the-backup-test');
  });

  it('refuses to replace an existing file without --force, and replaces it with --force', async () => {
    const url = await freshDatabaseUrl();
    const target = path.join(folder, 'existing.db');
    writeFileSync(target, 'an older backup');

    const refused = await backup([target], url);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('already exists');
    expect(readFileSync(target, 'utf8')).toBe('an older backup');

    const forced = await backup([target, '--force'], url);
    expect(forced.status).toBe(0);
    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('says clearly when there is no database to back up', async () => {
    const result = await backup([path.join(folder, 'nothing.db')], `file:${path.join(folder, 'missing', 'timeline-test-none.db')}`);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('There is no database at');
  });
});

describe.skipIf(!onPostgres)('npm run db:backup on PostgreSQL', () => {
  it('refuses with exit code 2, naming pg_dump, and writes no file', async () => {
    const url = await freshDatabaseUrl();
    const file = path.join(folder, 'postgres-backup.db');
    const result = await backup([file], url);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('is PostgreSQL');
    expect(result.stderr).toContain('pg_dump');
    expect(result.stderr).not.toContain(new URL(url).password || 'no password in the test URL');
    expect(existsSync(file)).toBe(false);
  });
});
