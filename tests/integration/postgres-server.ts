import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';

/**
 * The PostgreSQL server the integration tests make their databases on:
 * TEST_POSTGRES_URL (any database of a server where that role may create
 * databases), or else the private cluster of scripts/postgres-server.sh, started
 * (and PostgreSQL installed) when needed. Every database made here is named
 * timeline_test_… and dropped afterwards.
 */

const PREFIX = 'timeline_test_';

let serverUrl: string | undefined;

export function postgresServerUrl(): string {
  if (serverUrl) return serverUrl;
  if (process.env.TEST_POSTGRES_URL) {
    serverUrl = process.env.TEST_POSTGRES_URL;
  } else {
    const script = path.resolve(__dirname, '..', '..', 'scripts', 'postgres-server.sh');
    serverUrl = execFileSync('bash', [script, 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  }
  return serverUrl;
}

/** The URL of database `name` on the test server. */
export function databaseUrlOn(name: string): string {
  const url = new URL(postgresServerUrl());
  url.pathname = `/${name}`;
  return url.toString();
}

/** A new database name for tests, e.g. timeline_test_9f2c1a0b7d3e. */
export function testDatabaseName(label = ''): string {
  return `${PREFIX}${label ? `${label}_` : ''}${randomBytes(6).toString('hex')}`;
}

export function isTestDatabaseName(name: string): boolean {
  return name.startsWith(PREFIX) && /^[a-z0-9_]+$/.test(name);
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates an empty database, or a copy of `template` (which must have no open connections). */
export async function createTestDatabase(name: string, template?: string): Promise<string> {
  if (!isTestDatabaseName(name) || (template !== undefined && !isTestDatabaseName(template))) throw new Error(`Not a test database name: ${name}`);
  await onServer((client) => client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`));
  return databaseUrlOn(name);
}

/** Drops test databases, ending their connections first. */
export async function dropTestDatabases(names: string[]): Promise<void> {
  const droppable = names.filter(isTestDatabaseName);
  if (droppable.length === 0) return;
  await onServer(async (client) => {
    for (const name of droppable) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
