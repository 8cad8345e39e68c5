import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, type APIRequestContext, type APIResponse } from '@playwright/test';
import { E2E_DATABASE_URL } from './admin-support';

/**
 * Shared pieces of the security suites (e2e/security-*.spec.ts): the build's own
 * list of server actions, calling an action over HTTP the way an attacker can,
 * and a fingerprint of the e2e database to prove that a refused call wrote nothing.
 */

// ---------------------------------------------------------------------------
// The build's list of server actions
// ---------------------------------------------------------------------------

export interface ServerAction {
  id: string;
  /** `app/admin/events/actions.ts#saveEventAction`: how expectations name an action. */
  name: string;
  /** The URL paths of the pages that use it, dynamic segments filled with `dynamicValue`. */
  pages: string[];
}

interface ManifestEntry {
  filename: string;
  exportedName: string;
  workers: Record<string, unknown>;
}

/** `app/admin/actors/[id]/edit/page` → `/admin/actors/<value>/edit`. */
export function pagePathOf(worker: string, dynamicValue: string): string {
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((segment) => segment !== '' && !/^\(.*\)$/.test(segment))
    .map((segment) => (/^\[.*\]$/.test(segment) ? encodeURIComponent(dynamicValue) : segment));
  return `/${segments.join('/')}`;
}

/**
 * Every server action of the build under test, from `next build`'s
 * server-reference manifest (the same list the server decodes action ids against).
 */
export function readServerActions(dynamicValue = 'security-probe'): ServerAction[] {
  const distDir = process.env.NEXT_DIST_DIR ?? '.next';
  const file = path.join(distDir, 'server', 'server-reference-manifest.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<'node' | 'edge', Record<string, ManifestEntry>>;
  const entries = [...Object.entries(manifest.node ?? {}), ...Object.entries(manifest.edge ?? {})];
  return entries.map(([id, entry]) => ({
    id,
    name: `${entry.filename}#${entry.exportedName}`,
    pages: Object.keys(entry.workers).map((worker) => pagePathOf(worker, dynamicValue)),
  }));
}

// ---------------------------------------------------------------------------
// Calling an action over HTTP
// ---------------------------------------------------------------------------

/** The arguments an action is called with: React's `(prevState, formData)`, `(formData)`, or plain values. */
export type ActionArguments =
  | { shape: 'state-and-form'; fields: FormFields }
  | { shape: 'form'; fields: FormFields }
  | { shape: 'values'; values: unknown[] };

export type FormFields = Array<[name: string, value: string | File]>;

/**
 * How the request is encoded:
 * - `fetch`: what the page's JavaScript sends: `Next-Action: <id>` and a body made by
 *   React's own `encodeReply` (multipart with `0` = `[prevState,"$K1"]` and fields
 *   `_1_<name>`, or JSON text for plain values).
 * - `form-bound`: what a browser without JavaScript posts from a `useActionState` form:
 *   `$ACTION_REF_1`, `$ACTION_1:0` = `{"id":…,"bound":"$@1"}`, `$ACTION_1:1` = `[prevState]`.
 * - `form-id`: the shortest hand-made form post, `$ACTION_ID_<id>` plus the fields; React
 *   then calls the action with the form data as its only argument.
 */
export type ActionEncoding = 'fetch' | 'form-bound' | 'form-id';
export const ENCODINGS: readonly ActionEncoding[] = ['fetch', 'form-bound', 'form-id'];

type EncodeReply = (value: unknown) => Promise<string | FormData>;
// The encoder of the React build that Next ships, so requests are byte for byte what its client sends.
const { encodeReply } = createRequire(path.join(process.cwd(), 'package.json'))(
  'next/dist/compiled/react-server-dom-webpack/client.node',
) as { encodeReply: EncodeReply };

const IDLE_STATE = { status: 'idle' };

function toFormData(fields: FormFields): FormData {
  const formData = new FormData();
  for (const [name, value] of fields) formData.append(name, value);
  return formData;
}

async function encodeBody(actionId: string, args: ActionArguments, encoding: ActionEncoding): Promise<string | FormData> {
  if (encoding === 'fetch') {
    if (args.shape === 'values') return encodeReply(args.values);
    const formData = toFormData(args.fields);
    return encodeReply(args.shape === 'state-and-form' ? [IDLE_STATE, formData] : [formData]);
  }
  const fields = args.shape === 'values' ? [] : args.fields;
  const body = toFormData(fields);
  if (encoding === 'form-id') {
    body.append(`$ACTION_ID_${actionId}`, '');
    return body;
  }
  body.append('$ACTION_REF_1', '');
  body.append('$ACTION_1:0', JSON.stringify({ id: actionId, bound: '$@1' }));
  const bound = args.shape === 'state-and-form' ? [IDLE_STATE] : args.shape === 'values' ? args.values : [];
  body.append('$ACTION_1:1', JSON.stringify(bound));
  return body;
}

export interface ActionReply {
  status: number;
  location: string | null;
  contentType: string;
  /** Set when a fetch action redirected (its success path): the target. */
  actionRedirect: string | null;
  body: string;
  /** What was sent, for failure messages. */
  request: string;
}

export interface ActionCall {
  actionId: string;
  actionName: string;
  path: string;
  args: ActionArguments;
  encoding: ActionEncoding;
  /** A Cookie header to send instead of the context's own cookies (e.g. a forged session). */
  cookie?: string;
  /** How long to wait for the answer (default 20 s). */
  timeout?: number;
}

/** Posts one action call; never follows redirects, so a redirect to the sign-in page can be seen. */
export async function callAction(request: APIRequestContext, baseURL: string, call: ActionCall): Promise<ActionReply> {
  const body = await encodeBody(call.actionId, call.args, call.encoding);
  // A browser sends its own origin; Next refuses a fetch action whose Origin differs from Host.
  const headers: Record<string, string> = { origin: baseURL };
  if (call.encoding === 'fetch') {
    headers['next-action'] = call.actionId;
    headers.accept = 'text/x-component';
  }
  if (call.cookie !== undefined) headers.cookie = call.cookie;
  const options = { headers, maxRedirects: 0, failOnStatusCode: false, timeout: call.timeout ?? 20_000 };
  const response: APIResponse =
    typeof body === 'string'
      ? await request.post(call.path, { ...options, data: body, headers: { ...headers, 'content-type': 'text/plain;charset=UTF-8' } })
      : await request.post(call.path, { ...options, multipart: body });
  return {
    status: response.status(),
    location: response.headers()['location'] ?? null,
    contentType: response.headers()['content-type'] ?? '',
    actionRedirect: response.headers()['x-action-redirect'] ?? null,
    body: await response.text(),
    request: `${call.actionName} (${call.encoding}) POST ${call.path}`,
  };
}

/** better-auth's session cookie names (plain over http, `__Secure-` over https) with a value no server issued. */
export const FORGED_SESSION_COOKIE = [
  'better-auth.session_token=forged-session-token.forged-signature',
  '__Secure-better-auth.session_token=forged-session-token.forged-signature',
].join('; ');

/** What the app says when an action is refused (lib/session.ts requireUser). */
const REFUSAL_MESSAGE = /Your session has ended|Sign in again|not allowed to do this|Not allowed/;

function isSignInPage(location: string | null): boolean {
  return location !== null && new URL(location, 'http://site.invalid').pathname === '/login';
}

/**
 * Why a reply counts as a refusal, or null when it does not. A refusal is an HTTP
 * 401/403 (or another 4xx that stops the request), a redirect to the sign-in page,
 * or the app's refusal message in the action's answer. Two replies carry no answer
 * at all: a `fetch` call stopped before the action (Next answers `{}` when the page
 * it forwarded the call to redirected), and a form post without JavaScript, which
 * gets the page back; each is a refusal when it is not the action's success (a
 * redirect anywhere but /login, or `answer`). That nothing was written is checked
 * separately, for every call.
 */
export function refusalOf(reply: ActionReply, encoding: ActionEncoding, answer?: RegExp): string | null {
  if (reply.status >= 500) return null;
  if (answer?.test(reply.body)) return null;
  if (reply.status === 401 || reply.status === 403) return `HTTP ${reply.status}`;
  if (reply.status >= 300 && reply.status < 400) return isSignInPage(reply.location) ? 'redirect to /login' : null;
  if (reply.actionRedirect !== null) return isSignInPage(reply.actionRedirect) ? 'redirect to /login' : null;
  if (reply.status === 200) {
    if (REFUSAL_MESSAGE.test(reply.body)) return 'refusal message';
    if (encoding === 'fetch' && !reply.contentType.startsWith('text/x-component')) return 'stopped before the action';
    if (answer) return 'no answer';
    if (encoding !== 'fetch') return 'page shown again';
    return null;
  }
  if ([400, 404, 405, 409, 413].includes(reply.status)) return `HTTP ${reply.status}`;
  return null;
}

/** A short excerpt of a reply for failure messages. */
export function describeReply(reply: ActionReply): string {
  const text = reply.body.replace(/\s+/g, ' ').slice(0, 300);
  const target = reply.location ?? reply.actionRedirect;
  return `${reply.request} → ${reply.status}${target ? ` redirect: ${target}` : ''} ${reply.contentType}: ${text}`;
}

// ---------------------------------------------------------------------------
// The e2e database, read-only
// ---------------------------------------------------------------------------

/** The file scripts/e2e-server.sh serves. */
export const E2E_DATABASE_FILE = E2E_DATABASE_URL.replace(/^file:/, '');

export function openE2eDatabase(): Database.Database {
  const database = new Database(E2E_DATABASE_FILE, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  return database;
}

export interface TableFingerprint {
  rows: number;
  maxUpdatedAt: string | null;
  /** A digest of every row, so an update that moves no counter shows too. */
  digest: string;
}
export type DatabaseFingerprint = Record<string, TableFingerprint>;

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Row count, latest `updatedAt` and a content digest of every table of the e2e database. */
export function fingerprintDatabase(): DatabaseFingerprint {
  const database = openE2eDatabase();
  try {
    const tables = database
      // The full-text index (a virtual table and its shadow tables) follows "Event" and "EventSearchRow", which are read.
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND name NOT LIKE 'EventSearch\\_%' ESCAPE '\\' ORDER BY name",
      )
      .pluck()
      .all() as string[];
    const fingerprint: DatabaseFingerprint = {};
    // One read transaction: every table from the same committed state.
    database.transaction(() => {
      for (const table of tables) {
        const columns = database.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[];
        const rows = database.prepare(`SELECT * FROM ${quoteIdentifier(table)} ORDER BY rowid`).raw().all();
        const maxUpdatedAt = columns.includes('updatedAt')
          ? (database.prepare(`SELECT max(updatedAt) FROM ${quoteIdentifier(table)}`).pluck().get() as string | number | null)
          : null;
        fingerprint[table] = {
          rows: rows.length,
          maxUpdatedAt: maxUpdatedAt === null ? null : String(maxUpdatedAt),
          digest: createHash('sha256').update(JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value))).digest('hex'),
        };
      }
    })();
    return fingerprint;
  } finally {
    database.close();
  }
}

/** The tables whose fingerprint differs, described for a failure message. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const tables = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...tables]
    .filter((table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]))
    .map((table) => {
      const [was, now] = [before[table], after[table]];
      return `${table}: ${was?.rows ?? 0} → ${now?.rows ?? 0} rows, updatedAt ${was?.maxUpdatedAt ?? '-'} → ${now?.maxUpdatedAt ?? '-'}`;
    });
}

/** Runs `work` and asserts that the e2e database is exactly as before. */
export async function expectNoWrites<T>(what: string, work: () => Promise<T>, ignoreTables: readonly string[] = []): Promise<T> {
  const before = fingerprintDatabase();
  const result = await work();
  const changed = changedTables(before, fingerprintDatabase()).filter((line) => !ignoreTables.some((table) => line.startsWith(`${table}:`)));
  expect(changed, `${what} wrote to the database`).toEqual([]);
  return result;
}

// ---------------------------------------------------------------------------
// The site still answers
// ---------------------------------------------------------------------------

/** The public pages that a polluted or crashed server stops serving. */
export const HEALTH_PATHS = ['/', '/api/events', '/feed.xml'] as const;

export async function expectSiteHealthy(request: APIRequestContext, after: string): Promise<void> {
  for (const healthPath of HEALTH_PATHS) {
    const response = await request.get(healthPath, { failOnStatusCode: false, timeout: 20_000 });
    expect(response.status(), `GET ${healthPath} after ${after}`).toBe(200);
  }
}

/** Real records of the e2e database, so that a call that got through would really change something. */
export interface E2eRecords {
  event: { id: string; slug: string; version: number };
  actor: { id: string; slug: string; version: number };
  policy: { id: string; slug: string; version: number };
  source: { id: string; version: number };
  /** A revision of `event`, for the restore action. */
  eventRevisionId: number;
  /** Something in the trash, when there is anything. */
  trashed: { entityType: 'event' | 'actor' | 'policy' | 'source'; id: string } | null;
  userIdByEmail: (email: string) => string;
}

export function readRecords(): E2eRecords {
  const database = openE2eDatabase();
  try {
    const first = <T>(sql: string, ...params: unknown[]): T => {
      const row = database.prepare(sql).get(...params) as T | undefined;
      if (row === undefined) throw new Error(`The e2e database has no row for: ${sql}`);
      return row;
    };
    const event = first<E2eRecords['event']>('SELECT id, slug, version FROM Event WHERE deletedAt IS NULL ORDER BY createdAt LIMIT 1');
    const trashedEvent = database.prepare('SELECT id FROM Event WHERE deletedAt IS NOT NULL LIMIT 1').pluck().get() as string | undefined;
    const users = new Map((database.prepare('SELECT email, id FROM User').raw().all() as [string, string][]).map(([email, id]) => [email, id]));
    return {
      event,
      actor: first('SELECT id, slug, version FROM Actor WHERE deletedAt IS NULL ORDER BY createdAt LIMIT 1'),
      policy: first('SELECT id, slug, version FROM Policy WHERE deletedAt IS NULL ORDER BY createdAt LIMIT 1'),
      source: first('SELECT id, version FROM Source WHERE deletedAt IS NULL ORDER BY createdAt LIMIT 1'),
      eventRevisionId: first<{ id: number }>("SELECT id FROM Revision WHERE entityType = 'event' AND entityId = ? ORDER BY id LIMIT 1", event.id).id,
      trashed: trashedEvent ? { entityType: 'event', id: trashedEvent } : null,
      userIdByEmail: (email) => {
        const id = users.get(email);
        if (!id) throw new Error(`No account ${email} in the e2e database`);
        return id;
      },
    };
  } finally {
    database.close();
  }
}

// ---------------------------------------------------------------------------
// What an action answered
// ---------------------------------------------------------------------------

/** The form state an action returned (lib/forms.ts FormState), as far as the checks need it. */
export interface ReturnedState {
  status?: string;
  message?: string;
  errors?: Record<string, string>;
}

/**
 * The rows of an RSC reply by id. A row is `<id>:<json>\n`, except text rows,
 * `<id>:T<hex byte length>,<text>`, which end after their length with no newline.
 */
function rscRows(body: string): Map<string, string> {
  const bytes = Buffer.from(body, 'utf8');
  const rows = new Map<string, string>();
  let at = 0;
  while (at < bytes.length) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString('utf8');
    if (bytes[colon + 1] === 0x54) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString('utf8'), 16);
      rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString('utf8'));
      at = comma + 1 + length;
      continue;
    }
    const newline = bytes.indexOf(0x0a, colon);
    const end = newline < 0 ? bytes.length : newline;
    rows.set(id, bytes.subarray(colon + 1, end).toString('utf8'));
    at = end + 1;
  }
  return rows;
}

/**
 * The value a `fetch` call returned, read from the RSC reply: row 0 names the row
 * holding the action's result (`"a":"$@1"`), which is JSON.
 */
export function returnedStateOf(reply: ActionReply): ReturnedState | null {
  if (!reply.contentType.startsWith('text/x-component')) return null;
  const rows = rscRows(reply.body);
  const resultRow = /"a":"\$@([0-9a-f]+)"/.exec(rows.get('0') ?? '')?.[1];
  const json = resultRow === undefined ? undefined : rows.get(resultRow);
  if (json === undefined) return null;
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== 'object' || value === null) return null;
    const state = value as Record<string, unknown>;
    return {
      status: typeof state.status === 'string' ? state.status : undefined,
      message: typeof state.message === 'string' ? state.message : undefined,
      errors: typeof state.errors === 'object' && state.errors !== null ? (state.errors as Record<string, string>) : undefined,
    };
  } catch {
    return null;
  }
}

/** True for content a browser renders as markup, where a stored payload must arrive escaped. */
export const isMarkup = (contentType: string): boolean => /html|xml/.test(contentType);
