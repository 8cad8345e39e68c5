import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_STATE, ANONYMOUS, EDITOR_STATE, readAccounts } from './admin-support';
import { ACTION_EXPECTATIONS, datasetFile, type Access } from './security-actions';
import {
  callAction,
  changedTables,
  describeReply,
  ENCODINGS,
  fingerprintDatabase,
  FORGED_SESSION_COOKIE,
  readRecords,
  readServerActions,
  refusalOf,
  type ActionEncoding,
  type ServerAction,
} from './security-support';

/**
 * The authorization matrix, built from the build's own list of server actions
 * (.next/server/server-reference-manifest.json): every action is called over HTTP
 * the way an attacker can (with the page's JavaScript encoding, and as a form post
 * without JavaScript, on the action's own page and on /login, where a gate for
 * anonymous action posts must let the sign-in through) by a caller who may not
 * use it. Each call must be refused, never answer 5xx, and write nothing.
 */

const actions = readServerActions();

interface Caller {
  label: string;
  storageState: string | typeof ANONYMOUS;
  /** A Cookie header sent in place of the context's cookies. */
  cookie?: string;
  /** The access levels this caller does not have. */
  lacks: Access[];
}

const CALLERS: Caller[] = [
  { label: 'an anonymous caller (no cookie)', storageState: ANONYMOUS, lacks: ['editor', 'admin'] },
  { label: 'a caller with a forged session cookie', storageState: ANONYMOUS, cookie: FORGED_SESSION_COOKIE, lacks: ['editor', 'admin'] },
  { label: 'a signed-in editor', storageState: EDITOR_STATE, lacks: ['admin'] },
];

/** Where a call is posted: the action's own page, and /login for the JavaScript encoding (Next forwards it). */
function targetsOf(action: ServerAction, encoding: ActionEncoding): string[] {
  return encoding === 'fetch' ? [action.pages[0], '/login'] : [action.pages[0]];
}

test('every server action of the build has an expectation in e2e/security-actions.ts', () => {
  expect(actions.length, 'the manifest lists server actions (was `next build` run?)').toBeGreaterThan(0);
  const unlisted = actions.filter((action) => !(action.name in ACTION_EXPECTATIONS)).map((action) => action.name);
  expect(unlisted, 'server actions nobody decided the access of').toEqual([]);
  const stale = Object.keys(ACTION_EXPECTATIONS).filter((name) => !actions.some((action) => action.name === name));
  if (stale.length > 0) test.info().annotations.push({ type: 'expectations for actions the build no longer has', description: stale.join(', ') });
  // Only what is public by design: signing in, and signing out one's own session.
  const open = actions.filter((action) => ACTION_EXPECTATIONS[action.name]?.access === 'public').map((action) => action.name);
  expect(open.sort()).toEqual(['app/admin/actions.ts#signOutAction', 'app/login/actions.ts#signInAction']);
});

for (const caller of CALLERS) {
  test(`${caller.label}: every action it may not use is refused and writes nothing`, async ({ playwright, baseURL }) => {
    test.setTimeout(240_000);
    const site = baseURL ?? '';
    const context: APIRequestContext = await playwright.request.newContext({ baseURL: site, storageState: caller.storageState });
    const records = readRecords();
    const { editor, admin } = readAccounts();
    const failures: string[] = [];
    let calls = 0;
    for (const action of actions) {
      const expectation = ACTION_EXPECTATIONS[action.name];
      if (!expectation || !caller.lacks.includes(expectation.access)) continue;
      for (const encoding of ENCODINGS) {
        for (const path of targetsOf(action, encoding)) {
          const before = fingerprintDatabase();
          const args = expectation.call(records, { editorEmail: editor.email, adminEmail: admin.email });
          const reply = await callAction(context, site, { actionId: action.id, actionName: action.name, path, args, encoding, cookie: caller.cookie });
          calls++;
          if (!refusalOf(reply, encoding, expectation.answer)) failures.push(`not refused: ${describeReply(reply)}`);
          const changed = changedTables(before, fingerprintDatabase());
          if (changed.length > 0) failures.push(`wrote: ${reply.request}: ${changed.join('; ')}`);
        }
      }
    }
    await context.dispose();
    test.info().annotations.push({ type: 'calls', description: String(calls) });
    expect(calls).toBeGreaterThan(0);
    expect(failures, `${failures.length} problems in ${calls} calls`).toEqual([]);
  });
}

test.describe('POST /api/import', () => {
  for (const caller of CALLERS) {
    test(`${caller.label} is refused with 401 or 403 and nothing is imported`, async ({ playwright, baseURL }) => {
      const context = await playwright.request.newContext({ baseURL, storageState: caller.storageState });
      const before = fingerprintDatabase();
      const multipart = new FormData();
      multipart.append('file', datasetFile('matrix-api-import'));
      const headers = { origin: baseURL ?? '', ...(caller.cookie ? { cookie: caller.cookie } : {}) };
      const response = await context.post('/api/import', { multipart, headers, failOnStatusCode: false, maxRedirects: 0 });
      expect([401, 403], `${caller.label}: ${response.status()} ${await response.text()}`).toContain(response.status());
      expect(changedTables(before, fingerprintDatabase())).toEqual([]);
      await context.dispose();
    });
  }
});

/**
 * The control: the same calls, made by someone allowed, do change the database.
 * Without it a matrix whose calls never reached an action would pass.
 */
test.describe('the same calls made by an allowed caller', () => {
  const CREATES: Array<{ name: string; storageState: string }> = [
    { name: 'app/admin/events/actions.ts#saveEventAction', storageState: EDITOR_STATE },
    { name: 'app/admin/actors/actions.ts#saveActorAction', storageState: EDITOR_STATE },
    { name: 'app/admin/policies/actions.ts#savePolicyAction', storageState: EDITOR_STATE },
    { name: 'app/admin/sources/actions.ts#saveSourceAction', storageState: EDITOR_STATE },
    { name: 'app/admin/users/actions.ts#createUserAction', storageState: ADMIN_STATE },
  ];

  test('write, with the JavaScript encoding and as a form post without JavaScript', async ({ playwright, baseURL }) => {
    test.setTimeout(120_000);
    const site = baseURL ?? '';
    const records = readRecords();
    const { editor, admin } = readAccounts();
    const unchanged: string[] = [];
    for (const { name, storageState } of CREATES) {
      const action = actions.find((candidate) => candidate.name === name);
      const expectation = ACTION_EXPECTATIONS[name];
      expect(action, `${name} is in the build`).toBeDefined();
      if (!action || !expectation) continue;
      const context = await playwright.request.newContext({ baseURL: site, storageState });
      for (const encoding of ['fetch', 'form-bound'] as const) {
        const before = fingerprintDatabase();
        const args = expectation.call(records, { editorEmail: editor.email, adminEmail: admin.email });
        const reply = await callAction(context, site, { actionId: action.id, actionName: name, path: action.pages[0], args, encoding });
        if (changedTables(before, fingerprintDatabase()).length === 0) unchanged.push(describeReply(reply));
      }
      await context.dispose();
    }
    expect(unchanged, 'allowed calls that changed nothing').toEqual([]);
  });

  test('the date preview answers a signed-in editor', async ({ playwright, baseURL }) => {
    const action = actions.find((candidate) => candidate.name === 'app/admin/events/actions.ts#previewDate');
    test.skip(!action, 'the build has no previewDate action (the preview moved into the browser)');
    if (!action) return;
    const context = await playwright.request.newContext({ baseURL, storageState: EDITOR_STATE });
    const reply = await callAction(context, baseURL ?? '', {
      actionId: action.id,
      actionName: action.name,
      path: action.pages[0],
      args: { shape: 'values', values: ['2026-05'] },
      encoding: 'fetch',
    });
    expect(reply.body, describeReply(reply)).toContain('Will read: May 2026');
    await context.dispose();
  });
});
