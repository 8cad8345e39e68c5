import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Fails when prisma/schema.prisma and the committed migrations disagree.
 *
 * `prisma migrate diff --from-migrations` needs a shadow database, which the
 * WASM schema engine cannot drive on SQLite, so this builds two databases
 * instead — one by `migrate deploy` of the committed migrations, one from the
 * SQL Prisma generates for the schema — and compares their tables, columns,
 * indexes and foreign keys.
 */

const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');

function prisma(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, [prismaCli, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`prisma ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

type Row = Record<string, unknown>;

/**
 * What the migrations create beyond schema.prisma, which Prisma cannot model:
 * the full-text index of events (an FTS5 virtual table, with the shadow tables
 * SQLite keeps for it) and the triggers that keep it in step with "Event".
 */
const FULL_TEXT_TABLE = 'EventSearch';
const DATABASE_ONLY_TRIGGERS = ['Event_search_delete', 'Event_search_insert', 'Event_search_update'];
const isFullTextTable = (name: string) => name === FULL_TEXT_TABLE || name.startsWith(`${FULL_TEXT_TABLE}_`);

/** Problems with the database-only objects of a migrated database, if any. */
function databaseOnlyProblems(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const table = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(FULL_TEXT_TABLE) as { sql?: string } | undefined;
    if (!table?.sql?.includes('USING fts5')) problems.push(`the full-text table "${FULL_TEXT_TABLE}" (FTS5) is missing`);
    const triggers = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as Array<{ name: string }>).map((row) => row.name);
    for (const name of DATABASE_ONLY_TRIGGERS) if (!triggers.includes(name)) problems.push(`the trigger "${name}" is missing (a migration that redefines "Event" drops its triggers: recreate them)`);
    for (const name of triggers) if (!DATABASE_ONLY_TRIGGERS.includes(name)) problems.push(`the trigger "${name}" is not known to scripts/check-migrations.ts`);
    return problems;
  } finally {
    db.close();
  }
}

function describeSchema(file: string): Record<string, unknown> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name",
      )
      .all() as Array<{ name: string }>;
    const schema: Record<string, unknown> = {};
    for (const { name } of tables.filter((table) => !isFullTextTable(table.name))) {
      const quoted = `"${name.replace(/"/g, '""')}"`;
      const columns = (db.prepare(`PRAGMA table_info(${quoted})`).all() as Row[]).map(({ cid: _cid, ...column }) => column);
      const indexes = (db.prepare(`PRAGMA index_list(${quoted})`).all() as Row[])
        .map((index) => ({
          name: index.name,
          unique: index.unique,
          // index_xinfo also tells the sort direction of each key column.
          columns: (db.prepare(`PRAGMA index_xinfo("${String(index.name)}")`).all() as Row[])
            .filter((column) => column.key === 1)
            .map((column) => `${String(column.name)}${column.desc ? ' DESC' : ''}`),
        }))
        .sort((a, b) => String(a.name).localeCompare(String(b.name)));
      const foreignKeys = (db.prepare(`PRAGMA foreign_key_list(${quoted})`).all() as Row[])
        .map(({ id: _id, seq: _seq, ...key }) => key)
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
      schema[name] = { columns: columns.sort((a, b) => String(a.name).localeCompare(String(b.name))), indexes, foreignKeys };
    }
    return schema;
  } finally {
    db.close();
  }
}

function main() {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-migrations-'));
  try {
    const fromMigrations = path.join(folder, 'from-migrations.db');
    prisma(['migrate', 'deploy'], `file:${fromMigrations}`);

    const fromSchema = path.join(folder, 'from-schema.db');
    const sql = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], `file:${fromSchema}`);
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();

    const expected = describeSchema(fromSchema);
    const actual = describeSchema(fromMigrations);
    const differences = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
      (table) => JSON.stringify(expected[table]) !== JSON.stringify(actual[table]),
    );
    if (differences.length > 0) {
      console.error(`Schema and migrations disagree on: ${differences.join(', ')}`);
      for (const table of differences) {
        console.error(`\n${table}\n  schema.prisma: ${JSON.stringify(expected[table])}\n  migrations:    ${JSON.stringify(actual[table])}`);
      }
      console.error('\nCreate the missing migration as the README describes ("Changing the schema").');
      process.exitCode = 1;
      return;
    }
    const problems = databaseOnlyProblems(fromMigrations);
    if (problems.length > 0) {
      console.error(`The migrations leave the search index incomplete: ${problems.join('; ')}.`);
      process.exitCode = 1;
      return;
    }
    console.log(`Schema and migrations agree (${Object.keys(expected).length} tables compared).`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

main();
