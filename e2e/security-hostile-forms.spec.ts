import { expect, test, type APIRequestContext } from '@playwright/test';
import { ADMIN_STATE, EDITOR_STATE, readAccounts, uniqueTag } from './admin-support';
import { newEventFields } from './security-actions';
import { BAD_NUMBERS, BAD_VERSIONS, MEGABYTE_OF_TEXT, overLimit, RAW_MARKUP, TEXT_PAYLOADS, type TextPayload } from './security-payloads';
import {
  callAction,
  changedTables,
  describeReply,
  fingerprintDatabase,
  isMarkup,
  openE2eDatabase,
  readRecords,
  readServerActions,
  returnedStateOf,
  type E2eRecords,
  type FormFields,
} from './security-support';

/**
 * Hostile input through every admin form, posted the way the form's JavaScript
 * posts it (React's encoding, real field names from components/admin/*.tsx), as
 * the signed-in editor (the admin for accounts). Each submission must give a clear
 * error (a message, on the field when there is one) and write nothing, or be
 * stored and come back as text on the page that shows it. Never a 5xx.
 */

const actions = readServerActions();
const SITE_HEALTH = ['/', '/api/events', '/feed.xml'];

interface FormCase {
  /** `app/admin/…/actions.ts#name`. */
  action: string;
  label: string;
  fields: FormFields;
  /** Refused for sure (a control character, over a limit, not a valid value) rather than maybe stored. */
  mustRefuse: boolean;
  /** The form field whose message explains the refusal, when the form has one. */
  field?: string;
  timeout?: number;
}

/** `fields` with `name` set to `value` (added when absent), and `drop` removed. */
function withField(fields: FormFields, name: string, value: string, drop: string[] = []): FormFields {
  const kept = fields.filter(([key]) => key !== name && !drop.includes(key));
  return [...kept, [name, value]];
}

/** `base` with more fields (rows) after it. */
const withRows = (base: FormFields, ...rows: FormFields): FormFields => [...base, ...rows];

/** Test cases for one text field: every payload, plus one over the field's limit. */
function textCases(action: string, base: FormFields, field: { name: string; errorKey: string; limit: number; required: boolean; drop?: string[] }): FormCase[] {
  const payloads: TextPayload[] = [...TEXT_PAYLOADS, overLimit(field.limit)];
  return payloads
    .filter((payload) => field.required || !/whitespace|empty/.test(payload.label))
    .map((payload) => ({
      action,
      label: `${field.name}: ${payload.label}`,
      fields: withField(base, field.name, payload.value(uniqueTag()), field.drop),
      mustRefuse: payload.mustRefuse,
      field: field.errorKey,
    }));
}

/** Values that are not valid for a slug, an enum or a URL field: all refused. */
const NOT_A_VALUE = [
  '<script>window.__xss = 1</script>',
  '"><img src=x onerror="window.__xss = 1">',
  'javascript:window.__xss=1//',
  "' OR 1=1 --",
  '../../etc/passwd',
  'nul\u0000byte',
  '\u202Eexe',
  '__proto__',
  MEGABYTE_OF_TEXT,
];

/** The few of NOT_A_VALUE that differ most, for fields checked by the same rule as another one. */
const NOT_A_VALUE_SHORT = [NOT_A_VALUE[0], NOT_A_VALUE[5], MEGABYTE_OF_TEXT];

function valueCases(action: string, base: FormFields, name: string, errorKey: string, drop: string[] = [], values = NOT_A_VALUE): FormCase[] {
  return values.map((value) => ({
    action,
    label: `${name}: ${JSON.stringify(value.slice(0, 30))}`,
    fields: withField(base, name, value, drop),
    mustRefuse: true,
    field: errorKey,
  }));
}

function versionCases(action: string, base: FormFields): FormCase[] {
  return BAD_VERSIONS.map((version) => ({ action, label: `version=${version || '(empty)'}`, fields: withField(base, 'version', version), mustRefuse: true }));
}

interface Outcome {
  problems: string[];
  /** The page the editor was sent to, when the submission was stored. */
  storedAt?: string;
}

/** The field each create form makes the record's key from (slug, id, account). */
const KEY_FIELD: Record<string, string> = {
  'app/admin/events/actions.ts#saveEventAction': 'title',
  'app/admin/actors/actions.ts#saveActorAction': 'name',
  'app/admin/policies/actions.ts#savePolicyAction': 'title',
  'app/admin/sources/actions.ts#saveSourceAction': 'title',
  'app/admin/users/actions.ts#createUserAction': 'email',
};

/** Gives the submission a key of its own, unless the key field is the one under test, so no case collides with an earlier one. */
function withOwnKey(form: FormCase): FormFields {
  const keyField = KEY_FIELD[form.action];
  if (!keyField || form.label.startsWith(`${keyField}:`)) return form.fields;
  const key = keyField === 'email' ? `hostile.${uniqueTag()}@example.org` : `Hostile record ${uniqueTag()}`;
  return form.fields.map(([name, value]) => [name, name === keyField ? key : value]);
}

async function submit(context: APIRequestContext, site: string, form: FormCase): Promise<Outcome> {
  const action = actions.find((candidate) => candidate.name === form.action);
  if (!action) return { problems: [`${form.action} is not in the build`] };
  const before = fingerprintDatabase();
  const reply = await callAction(context, site, {
    actionId: action.id,
    actionName: `${form.action} [${form.label}]`,
    path: action.pages[0],
    args: { shape: 'state-and-form', fields: withOwnKey(form) },
    encoding: 'fetch',
    timeout: form.timeout,
  }).catch((error: Error) => error);
  if (reply instanceof Error) return { problems: [`${form.action} [${form.label}]: no answer (${reply.message.split('\n')[0]})`] };
  const name = `${form.action.split('#')[1]} [${form.label}]`;
  if (reply.status >= 500) return { problems: [`${name}: HTTP ${reply.status}`] };
  const wrote = changedTables(before, fingerprintDatabase());
  const state = returnedStateOf(reply);
  if (reply.actionRedirect !== null) {
    const storedAt = reply.actionRedirect.split(';')[0];
    return { problems: form.mustRefuse ? [`${name}: stored, but must be refused`] : [], storedAt };
  }
  if (state?.status !== 'error') return { problems: [`${name}: neither stored nor refused: ${describeReply(reply)}`] };
  const problems: string[] = [];
  if (wrote.length > 0) problems.push(`${name}: refused, but wrote ${wrote.join('; ')}`);
  if (!state.message) problems.push(`${name}: refused without a message`);
  if (form.field && !Object.keys(state.errors ?? {}).some((key) => key === form.field || key.startsWith(`${form.field}.`))) {
    problems.push(`${name}: no message on ${form.field} (messages: ${JSON.stringify(state.errors ?? {}).slice(0, 200)}; ${state.message ?? ''})`);
  }
  return { problems };
}

/** A stored submission: the page that shows it answers 200 and carries no payload markup. */
async function checkStoredPage(context: APIRequestContext, path: string): Promise<string[]> {
  const response = await context.get(path, { failOnStatusCode: false });
  if (response.status() !== 200) return [`${path}: HTTP ${response.status()} after storing`];
  const body = await response.text();
  return RAW_MARKUP.filter((markup) => isMarkup(response.headers()['content-type'] ?? '') && body.includes(markup)).map((markup) => `${path}: shows ${markup} unescaped`);
}

async function runCases(context: APIRequestContext, site: string, cases: FormCase[]): Promise<{ problems: string[]; stored: string[] }> {
  const problems: string[] = [];
  const stored: string[] = [];
  for (const form of cases) {
    const outcome = await submit(context, site, form);
    problems.push(...outcome.problems);
    if (outcome.storedAt) {
      stored.push(outcome.storedAt);
      problems.push(...(await checkStoredPage(context, outcome.storedAt)));
    }
  }
  return { problems, stored };
}

async function expectSiteAnswers(context: APIRequestContext): Promise<void> {
  for (const path of SITE_HEALTH) expect((await context.get(path, { failOnStatusCode: false })).status(), `GET ${path}`).toBe(200);
}

/** Creates a record through its form and returns its id and version from the database. */
async function createOwn(context: APIRequestContext, site: string, action: string, fields: FormFields, table: 'Event' | 'Actor' | 'Policy' | 'Source', key: { column: 'slug' | 'id'; from: (path: string) => string }): Promise<{ id: string; version: number; key: string }> {
  const outcome = await submit(context, site, { action, label: 'a valid record', fields, mustRefuse: false });
  expect(outcome.problems, `creating a record with ${action}`).toEqual([]);
  expect(outcome.storedAt, `creating a record with ${action}`).toBeDefined();
  const value = key.from(outcome.storedAt ?? '');
  const database = openE2eDatabase();
  try {
    const row = database.prepare(`SELECT id, version FROM "${table}" WHERE ${key.column} = ?`).get(value) as { id: string; version: number } | undefined;
    if (!row) throw new Error(`${table} ${value} was not stored`);
    return { ...row, key: value };
  } finally {
    database.close();
  }
}

function otherEventSlug(besides: string): string {
  const database = openE2eDatabase();
  try {
    return database.prepare('SELECT slug FROM Event WHERE slug <> ? AND deletedAt IS NULL LIMIT 1').pluck().get(besides) as string;
  } finally {
    database.close();
  }
}

const slugFrom = (prefix: string) => (path: string) => decodeURIComponent(path.replace(prefix, '').split(/[/?]/)[0]);

test.describe('as the signed-in editor', () => {
  test.use({ storageState: EDITOR_STATE });

  test('the event form: every field, row indexes, duplicate rows and versions', async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const site = baseURL ?? '';
    const records = readRecords();
    const action = 'app/admin/events/actions.ts#saveEventAction';
    const base = newEventFields(records, 'Hostile event');
    const newActorRow: FormFields = [['actors[0].actor', ''], ['actors[0].newKind', 'person']];
    const newSourceRow: FormFields = [['citations[0].source', ''], ['citations[0].newSource.availability', 'unknown']];
    const otherSlug = otherEventSlug(records.event.slug);

    const cases: FormCase[] = [
      ...textCases(action, base, { name: 'title', errorKey: 'title', limit: 200, required: true }),
      ...textCases(action, base, { name: 'summary', errorKey: 'summary', limit: 4000, required: true }),
      ...textCases(action, base, { name: 'citations[0].quote', errorKey: 'citations.0.quote', limit: 2000, required: false }),
      ...textCases(action, withRows(base, ...newActorRow), { name: 'actors[0].newName', errorKey: 'actors.0.newName', limit: 160, required: false, drop: ['actors[0].actor'] }),
      ...textCases(action, withRows(base, ...newSourceRow), { name: 'citations[0].newSource.title', errorKey: 'citations.0.newSource', limit: 200, required: false, drop: ['citations[0].source'] }),
      ...textCases(action, base, { name: 'topics', errorKey: 'topics', limit: 160, required: false }),
      ...valueCases(action, base, 'slug', 'slug'),
      ...valueCases(action, base, 'date', 'date'),
      ...valueCases(action, base, 'type', 'type'),
      ...valueCases(action, base, 'jurisdiction', 'jurisdiction', [], NOT_A_VALUE_SHORT),
      ...valueCases(action, base, 'policy', 'policy', [], NOT_A_VALUE_SHORT),
      ...valueCases(action, base, 'actors[0].role', 'actors.0.role'),
      ...valueCases(action, base, 'actors[0].actor', 'actors.0.actor', [], NOT_A_VALUE_SHORT),
      ...valueCases(action, base, 'citations[0].source', 'citations.0.source', [], NOT_A_VALUE_SHORT),
      ...valueCases(action, withRows(base, ...newSourceRow, ['citations[0].newSource.title', 'A new source']), 'citations[0].newSource.url', 'citations.0.newSource.url', ['citations[0].source']),
      ...valueCases(action, withRows(base, ...newSourceRow, ['citations[0].newSource.title', 'A new source']), 'citations[0].newSource.archiveUrl', 'citations.0.newSource.archiveUrl', ['citations[0].source'], NOT_A_VALUE_SHORT),
      ...valueCases(action, withRows(base, ['relations[0].type', 'follows']), 'relations[0].event', 'relations.0.event', [], NOT_A_VALUE_SHORT),
      ...valueCases(action, withRows(base, ['relations[0].event', otherSlug]), 'relations[0].type', 'relations.0.type', [], NOT_A_VALUE_SHORT),
      // Rows past the form's limit, or with an index that is not one: refused with a message, never dropped silently.
      ...['201', '99999999999', 'x', '-1', '1e3', '0x1'].map((index) => ({
        action,
        label: `a second actor at actors[${index}]`,
        fields: withRows(base, [`actors[${index}].actor`, records.actor.slug], [`actors[${index}].role`, 'supporter']),
        mustRefuse: true,
      })),
      {
        action,
        label: 'two identical relation rows',
        fields: withRows(base, ['relations[0].type', 'follows'], ['relations[0].event', otherSlug], ['relations[1].type', 'follows'], ['relations[1].event', otherSlug]),
        mustRefuse: true,
      },
      {
        action,
        label: 'two identical actor rows',
        fields: withRows(base, ['actors[1].actor', records.actor.slug], ['actors[1].role', 'issuer']),
        mustRefuse: true,
        field: 'actors.1.role',
      },
      { action, label: '51 topics', fields: withField(base, 'topics', Array.from({ length: 51 }, (_, index) => `topic ${index}`).join(', ')), mustRefuse: true, field: 'topics' },
    ];
    const { problems } = await runCases(request, site, cases);

    // An update with hostile versions, on an event of this test's own.
    const own = await createOwn(request, site, action, base, 'Event', { column: 'slug', from: slugFrom('/events/') });
    const update = [...withField(base, 'id', own.id), ['version', String(own.version)]] as FormFields;
    problems.push(...(await runCases(request, site, versionCases(action, update))).problems);
    await expectSiteAnswers(request);
    test.info().annotations.push({ type: 'submissions', description: String(cases.length + BAD_VERSIONS.length + 1) });
    expect(problems, `${problems.length} problems`).toEqual([]);
  });

  test('the actor, policy and source forms: every field and versions', async ({ request, baseURL }) => {
    test.setTimeout(240_000);
    const site = baseURL ?? '';
    const records = readRecords();
    const actor = 'app/admin/actors/actions.ts#saveActorAction';
    const policy = 'app/admin/policies/actions.ts#savePolicyAction';
    const source = 'app/admin/sources/actions.ts#saveSourceAction';
    const actorBase = (): FormFields => [['name', `Hostile Actor ${uniqueTag()}`], ['slug', ''], ['kind', 'person'], ['parent', ''], ['aliases', '']];
    const policyBase = (): FormFields => [['title', `Hostile policy ${uniqueTag()}`], ['slug', ''], ['summary', 'A policy made by the hostile-input suite.']];
    const sourceBase = (): FormFields => [['id', ''], ['title', `Hostile source ${uniqueTag()}`], ['publisher', ''], ['publishedOn', ''], ['url', ''], ['availability', 'unknown'], ['archiveUrl', '']];
    const cases: FormCase[] = [
      ...textCases(actor, actorBase(), { name: 'name', errorKey: 'name', limit: 160, required: true }),
      ...textCases(actor, actorBase(), { name: 'aliases', errorKey: 'aliases', limit: 120, required: false }),
      ...valueCases(actor, actorBase(), 'slug', 'slug'),
      ...valueCases(actor, actorBase(), 'kind', 'kind'),
      ...valueCases(actor, actorBase(), 'parent', 'parent'),
      ...textCases(policy, policyBase(), { name: 'title', errorKey: 'title', limit: 200, required: true }),
      ...textCases(policy, policyBase(), { name: 'summary', errorKey: 'summary', limit: 4000, required: true }),
      ...valueCases(policy, policyBase(), 'slug', 'slug'),
      ...textCases(source, sourceBase(), { name: 'title', errorKey: 'title', limit: 200, required: true }),
      ...textCases(source, sourceBase(), { name: 'publisher', errorKey: 'publisher', limit: 160, required: false }),
      ...valueCases(source, sourceBase(), 'id', 'id'),
      ...valueCases(source, sourceBase(), 'publishedOn', 'publishedOn'),
      ...valueCases(source, sourceBase(), 'url', 'url'),
      ...valueCases(source, sourceBase(), 'archiveUrl', 'archiveUrl'),
      ...valueCases(source, sourceBase(), 'availability', 'availability'),
    ];
    const { problems } = await runCases(request, site, cases);

    const ownActor = await createOwn(request, site, actor, actorBase(), 'Actor', { column: 'slug', from: slugFrom('/actors/') });
    const ownPolicy = await createOwn(request, site, policy, policyBase(), 'Policy', { column: 'slug', from: slugFrom('/policies/') });
    const ownSource = await createOwn(request, site, source, sourceBase(), 'Source', { column: 'id', from: slugFrom('/admin/sources/') });
    const updates: FormCase[] = [
      ...versionCases(actor, [...actorBase(), ['id', ownActor.id]]),
      ...versionCases(policy, [...policyBase(), ['id', ownPolicy.id]]),
      ...versionCases(source, withField(sourceBase(), 'id', ownSource.id)),
      ...versionCases('app/admin/actors/actions.ts#deleteActorAction', [['id', ownActor.id]]),
      ...versionCases('app/admin/policies/actions.ts#deletePolicyAction', [['id', ownPolicy.id]]),
      ...versionCases('app/admin/sources/actions.ts#deleteSourceAction', [['id', ownSource.id]]),
      ...versionCases('app/admin/sources/actions.ts#markSourceRemovedAction', [['id', ownSource.id]]),
      ...versionCases('app/admin/events/actions.ts#deleteEventAction', [['id', records.event.id]]),
    ];
    problems.push(...(await runCases(request, site, updates)).problems);
    await expectSiteAnswers(request);
    test.info().annotations.push({ type: 'submissions', description: String(cases.length + updates.length + 3) });
    expect(problems, `${problems.length} problems`).toEqual([]);
  });

  test('trash, restore and delete: hostile ids, kinds and revision numbers', async ({ request, baseURL }) => {
    const site = baseURL ?? '';
    const records = readRecords();
    const undelete = 'app/admin/trash/actions.ts#undeleteAction';
    const restore = 'app/admin/events/actions.ts#restoreEventRevisionAction';
    const kinds = ['__proto__', 'constructor', 'toString', 'Event', 'event ', '../../etc/passwd', 'nul\u0000', '<script>window.__xss = 1</script>', '', MEGABYTE_OF_TEXT];
    const ids = ["' OR 1=1 --", '../../etc/passwd', 'nul\u0000', '<script>window.__xss = 1</script>', '', MEGABYTE_OF_TEXT, records.event.id];
    const cases: FormCase[] = [
      ...kinds.map((kind) => ({ action: undelete, label: `entityType=${JSON.stringify(kind.slice(0, 30))}`, fields: [['entityType', kind], ['id', records.event.id]] as FormFields, mustRefuse: true })),
      // The last id is a live event: not in the trash, so refused too.
      ...ids.map((id) => ({ action: undelete, label: `id=${JSON.stringify(id.slice(0, 30))}`, fields: [['entityType', 'event'], ['id', id]] as FormFields, mustRefuse: true })),
      ...BAD_NUMBERS.map((revision) => ({ action: restore, label: `revision=${revision || '(empty)'}`, fields: [['revision', revision]] as FormFields, mustRefuse: true })),
      ...ids.slice(0, -1).map((id) => ({ action: 'app/admin/events/actions.ts#deleteEventAction', label: `id=${JSON.stringify(id.slice(0, 30))}`, fields: [['id', id], ['version', '1']] as FormFields, mustRefuse: true })),
    ];
    const { problems } = await runCases(request, site, cases);
    await expectSiteAnswers(request);
    expect(problems, `${problems.length} problems in ${cases.length} submissions`).toEqual([]);
  });
});

test.describe('as the signed-in admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('the account forms: new account, role and status', async ({ request, baseURL }) => {
    test.setTimeout(180_000);
    const site = baseURL ?? '';
    const { lockout } = readAccounts();
    const records: E2eRecords = readRecords();
    const target = records.userIdByEmail(lockout.email);
    const create = 'app/admin/users/actions.ts#createUserAction';
    const base = (): FormFields => [['email', `hostile.${uniqueTag()}@example.org`], ['name', 'Hostile Name'], ['password', 'copper kettle orchard violin drift'], ['role', 'editor']];
    const cases: FormCase[] = [
      ...valueCases(create, base(), 'email', 'email'),
      ...textCases(create, base(), { name: 'name', errorKey: 'name', limit: 120, required: false }),
      ...valueCases(create, base(), 'role', 'role'),
      ...['', ' ', MEGABYTE_OF_TEXT].map((password) => ({
        action: create,
        label: `password: ${JSON.stringify(password.slice(0, 30))}`,
        fields: withField(base(), 'password', password),
        mustRefuse: true,
        field: 'password',
      })),
      ...NOT_A_VALUE.map((value) => ({ action: 'app/admin/users/actions.ts#changeRoleAction', label: `role=${JSON.stringify(value.slice(0, 30))}`, fields: [['userId', target], ['role', value]] as FormFields, mustRefuse: true })),
      ...NOT_A_VALUE.map((value) => ({ action: 'app/admin/users/actions.ts#changeRoleAction', label: `userId=${JSON.stringify(value.slice(0, 30))}`, fields: [['userId', value], ['role', 'editor']] as FormFields, mustRefuse: true })),
      ...NOT_A_VALUE.map((value) => ({ action: 'app/admin/users/actions.ts#setAccountDisabledAction', label: `disabled=${JSON.stringify(value.slice(0, 30))}`, fields: [['userId', target], ['disabled', value]] as FormFields, mustRefuse: true })),
      ...NOT_A_VALUE.map((value) => ({ action: 'app/admin/users/actions.ts#setAccountDisabledAction', label: `userId=${JSON.stringify(value.slice(0, 30))}`, fields: [['userId', value], ['disabled', 'true']] as FormFields, mustRefuse: true })),
    ];
    const { problems } = await runCases(request, site, cases);
    await expectSiteAnswers(request);
    expect(problems, `${problems.length} problems in ${cases.length} submissions`).toEqual([]);
  });
});

// Last: until the topic check is bounded, this submission can hold the server for a minute or more.
test.describe('as the signed-in editor, a huge field', () => {
  test.use({ storageState: EDITOR_STATE });

  test('100,000 comma-separated topics are refused with a message on the topics field', async ({ request, baseURL }) => {
    // Room for the wait below, so that a slow answer is reported as such rather than as a test timeout.
    test.setTimeout(300_000);
    const records = readRecords();
    const topics = Array.from({ length: 100_000 }, (_, index) => `t${index}`).join(',');
    const form: FormCase = {
      action: 'app/admin/events/actions.ts#saveEventAction',
      label: '100,000 topics',
      fields: withField(newEventFields(records, `Hostile event ${uniqueTag()}`), 'topics', topics),
      mustRefuse: true,
      field: 'topics',
      // Generous for a bounded check on a busy machine; the quadratic one took 78 s on an idle one.
      timeout: 60_000,
    };
    try {
      expect((await submit(request, baseURL ?? '', form)).problems).toEqual([]);
    } finally {
      // A submission that timed out may still hold the server: wait for it before the next test.
      await expect.poll(async () => (await request.get('/', { failOnStatusCode: false, timeout: 200_000 })).status(), { timeout: 220_000 }).toBe(200);
    }
  });
});
