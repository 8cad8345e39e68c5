import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

/**
 * Fails when a database's Prisma schema and its committed migrations disagree
 * (prisma/sqlite and prisma/postgresql), or when the two schemas' models do.
 *
 * `prisma migrate diff --from-migrations` needs a shadow database, which the
 * WASM schema engine cannot drive on SQLite (and the pg adapter points at the
 * wrong database), so for each this builds two databases instead — one by
 * `migrate deploy` of the committed migrations, one from the SQL Prisma
 * generates for the schema — and compares their tables, columns, indexes and
 * foreign keys. PostgreSQL's are made on TEST_POSTGRES_URL's server, or on the
 * private cluster of scripts/postgres-server.sh (started when needed).
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

/** Problems with the database-only objects of a migrated SQLite database, if any. */
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

function compare(label: string, expected: Record<string, unknown>, actual: Record<string, unknown>): boolean {
  const differences = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].filter(
    (table) => JSON.stringify(expected[table]) !== JSON.stringify(actual[table]),
  );
  if (differences.length === 0) return true;
  console.error(`${label}: schema and migrations disagree on: ${differences.join(', ')}`);
  for (const table of differences) {
    console.error(`\n${table}\n  schema.prisma: ${JSON.stringify(expected[table])}\n  migrations:    ${JSON.stringify(actual[table])}`);
  }
  console.error('\nCreate the missing migration as the README describes ("Changing the schema").');
  return false;
}

function checkSqlite(): boolean {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-migrations-'));
  try {
    const fromMigrations = path.join(folder, 'from-migrations.db');
    prisma(['migrate', 'deploy'], `file:${fromMigrations}`);

    const fromSchema = path.join(folder, 'from-schema.db');
    const sql = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/sqlite/schema.prisma', '--script'], `file:${fromSchema}`);
    const db = new Database(fromSchema);
    db.exec(sql);
    db.close();

    const expected = describeSchema(fromSchema);
    if (!compare('SQLite', expected, describeSchema(fromMigrations))) return false;
    const problems = databaseOnlyProblems(fromMigrations);
    if (problems.length > 0) {
      console.error(`SQLite: the migrations leave the search index incomplete: ${problems.join('; ')}.`);
      return false;
    }
    console.log(`SQLite: schema and migrations agree (${Object.keys(expected).length} tables compared).`);
    return true;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/* PostgreSQL */

const POSTGRES_TRIGGERS = ['Event_search_delete', 'Event_search_insert', 'Event_search_update'];

function postgresServerUrl(): string {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  return execFileSync('bash', [path.join('scripts', 'postgres-server.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}

const databaseOn = (server: string, name: string) => {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
};

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Tables, columns (but their collation), indexes and constraints of a PostgreSQL database's public schema. */
async function describePostgres(url: string): Promise<Record<string, unknown>> {
  return withClient(url, async (client) => {
    const tables = (
      await client.query<{ name: string }>(
        "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY 1",
      )
    ).rows.map((row) => row.name);
    const schema: Record<string, unknown> = {};
    for (const table of tables) {
      const columns = (
        await client.query(
          `SELECT column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
           FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY column_name`,
          [table],
        )
      ).rows;
      const indexes = (await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1 ORDER BY indexname`, [table])).rows;
      const constraints = (
        await client.query(
          `SELECT conname, contype, pg_get_constraintdef(oid) AS definition FROM pg_constraint
           WHERE conrelid = ('public."' || replace($1, '"', '""') || '"')::regclass ORDER BY conname`,
          [table],
        )
      ).rows;
      schema[table] = { columns, indexes, constraints };
    }
    return schema;
  });
}

/** What the PostgreSQL migrations add beyond the schema: byte-order text and the search index's triggers. */
async function postgresDatabaseOnlyProblems(url: string): Promise<string[]> {
  return withClient(url, async (client) => {
    const problems: string[] = [];
    const loose = (
      await client.query<{ place: string }>(
        `SELECT table_name || '.' || column_name AS place FROM information_schema.columns
         WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND data_type = 'text' AND coalesce(collation_name, '') <> 'C' ORDER BY 1`,
      )
    ).rows.map((row) => row.place);
    if (loose.length > 0) problems.push(`text columns without COLLATE "C" (they would sort by the server's locale): ${loose.join(', ')}`);
    const triggers = (
      await client.query<{ name: string }>("SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal AND tgrelid = 'public.\"Event\"'::regclass ORDER BY 1")
    ).rows.map((row) => row.name);
    for (const name of POSTGRES_TRIGGERS) if (!triggers.includes(name)) problems.push(`the trigger "${name}" is missing`);
    for (const name of triggers) if (!POSTGRES_TRIGGERS.includes(name)) problems.push(`the trigger "${name}" is not known to scripts/check-migrations.ts`);
    return problems;
  });
}

async function checkPostgres(): Promise<boolean> {
  const server = postgresServerUrl();
  const suffix = randomBytes(5).toString('hex');
  const names = [`timeline_check_migrations_${suffix}`, `timeline_check_schema_${suffix}`];
  await withClient(server, async (client) => {
    for (const name of names) await client.query(`CREATE DATABASE "${name}"`);
  });
  try {
    const [fromMigrations, fromSchema] = names.map((name) => databaseOn(server, name));
    prisma(['migrate', 'deploy'], fromMigrations);
    const sql = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/postgresql/schema.prisma', '--script'], fromSchema);
    await withClient(fromSchema, (client) => client.query(sql));

    const expected = await describePostgres(fromSchema);
    if (!compare('PostgreSQL', expected, await describePostgres(fromMigrations))) return false;
    const problems = await postgresDatabaseOnlyProblems(fromMigrations);
    if (problems.length > 0) {
      console.error(`PostgreSQL: the migrations are incomplete: ${problems.join('; ')}.`);
      return false;
    }
    console.log(`PostgreSQL: schema and migrations agree (${Object.keys(expected).length} tables compared).`);
    return true;
  } finally {
    await withClient(server, async (client) => {
      for (const name of names) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
}

/* The two schemas */

/**
 * Each model's fields as written (name, type, attributes), but the fields only
 * one database has (`Unsupported` types), documentation and block attributes
 * (indexes may differ: PostgreSQL's B-tree entries are limited in size).
 */
function modelsOf(file: string): Map<string, string[]> {
  const models = new Map<string, string[]>();
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields = match[2]
      .split('\n')
      .map((line) => line.replace(/\/\/.*$/, '').trim().replace(/\s+/g, ' '))
      .filter((line) => line !== '' && !line.startsWith('@@') && !/^\w+ Unsupported\(/.test(line));
    models.set(match[1], fields);
  }
  return models;
}

function checkModelsAgree(): boolean {
  const sqlite = modelsOf(path.join('prisma', 'sqlite', 'schema.prisma'));
  const postgres = modelsOf(path.join('prisma', 'postgresql', 'schema.prisma'));
  const problems: string[] = [];
  for (const name of new Set([...sqlite.keys(), ...postgres.keys()])) {
    const a = sqlite.get(name);
    const b = postgres.get(name);
    if (!a || !b) problems.push(`model ${name} is only in ${a ? 'prisma/sqlite' : 'prisma/postgresql'}`);
    else if (JSON.stringify(a) !== JSON.stringify(b)) {
      const onlyA = a.filter((line) => !b.includes(line));
      const onlyB = b.filter((line) => !a.includes(line));
      problems.push(`model ${name}: only SQLite's has [${onlyA.join('; ')}], only PostgreSQL's has [${onlyB.join('; ')}]`);
    }
  }
  if (problems.length > 0) {
    console.error(`The two schemas' models disagree (lib/db.ts gives both one client type):\n  ${problems.join('\n  ')}`);
    return false;
  }
  console.log(`Both schemas have the same ${sqlite.size} models, field for field.`);
  return true;
}

async function main() {
  const models = checkModelsAgree();
  const sqlite = checkSqlite();
  // SKIP_POSTGRES=1 checks SQLite only, on a machine without PostgreSQL (npm test always checks both).
  const postgres = process.env.SKIP_POSTGRES === '1' ? true : await checkPostgres();
  if (!models || !sqlite || !postgres) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
