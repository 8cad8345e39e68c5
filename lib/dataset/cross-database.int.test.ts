import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDataset } from '@/lib/dataset/apply';
import { seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { exportDataset, serializeDataset } from '@/lib/dataset/export';
import { generateBenchDataset } from '@/scripts/bench-data';
import { createPrismaClient, type PrismaClient } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { migrateDatabase } from '@/scripts/migrate-database';
import { validated } from '@/tests/integration/factories';
import { freshDatabase, removeFreshDatabases } from '@/tests/integration/fresh-database';
import { randomDocument } from '@/tests/integration/random-dataset';
import { assertTestDatabase } from '@/tests/integration/test-database';

/**
 * The same data gives the same export, byte for byte, from SQLite and from
 * PostgreSQL: what `data:export` then `data:import` moves between them is
 * checked by comparing the two files (README, "Moving from SQLite to
 * PostgreSQL"). Runs in the PostgreSQL pass of the integration suite, with a
 * SQLite database of its own beside the run's PostgreSQL one.
 */

const onPostgres = process.env.TEST_DATABASE === 'postgresql';
const asCommandLine = { author: COMMAND_LINE_AUTHOR };
const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-it-cross-'));
const sqliteClients: PrismaClient[] = [];

afterAll(async () => {
  await Promise.all(sqliteClients.map((client) => client.$disconnect()));
  await removeFreshDatabases();
  rmSync(folder, { recursive: true, force: true });
});

function freshSqlite(): PrismaClient {
  const url = `file:${path.join(folder, `timeline-test-${sqliteClients.length}.db`)}`;
  assertTestDatabase(url);
  migrateDatabase(url);
  const client = createPrismaClient(url);
  sqliteClients.push(client);
  return client;
}

async function bothExports(load: (client: PrismaClient) => Promise<unknown>): Promise<{ sqlite: string; postgres: string }> {
  const sqlite = freshSqlite();
  const postgres = await freshDatabase();
  await load(sqlite);
  await load(postgres);
  return { sqlite: serializeDataset(await exportDataset(sqlite)), postgres: serializeDataset(await exportDataset(postgres)) };
}

describe.skipIf(!onPostgres)('the same data on SQLite and on PostgreSQL', () => {
  it('exports the default dataset byte for byte the same', { timeout: 120_000 }, async () => {
    const { sqlite, postgres } = await bothExports((client) => seedDefaultDataset(client, COMMAND_LINE_AUTHOR));
    expect(postgres.length).toBeGreaterThan(10_000);
    expect(postgres).toBe(sqlite);
  });

  it('exports random documents (markup, accents, mixed case, every optional field) byte for byte the same', { timeout: 120_000 }, async () => {
    const documents = [20261203, 20261204, 20261205].map((seed) => validated(randomDocument(seed)));
    const { sqlite, postgres } = await bothExports(async (client) => {
      for (const document of documents) await applyDataset(client, document, asCommandLine);
    });
    expect(postgres).toBe(sqlite);
  });

  it('exports a generated archive of 2,000 events byte for byte the same', { timeout: 180_000 }, async () => {
    const document = generateBenchDataset({ events: 2_000, seed: 7 });
    const { sqlite, postgres } = await bothExports((client) => applyDataset(client, document, asCommandLine));
    expect(JSON.parse(postgres).events).toHaveLength(2_000);
    expect(postgres).toBe(sqlite);
  });
});
