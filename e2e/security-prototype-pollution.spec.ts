import { expect, test } from '@playwright/test';
import { ANONYMOUS, readAccounts } from './admin-support';
import { ACTION_EXPECTATIONS } from './security-actions';
import {
  callAction,
  describeReply,
  ENCODINGS,
  expectSiteHealthy,
  FORGED_SESSION_COOKIE,
  readRecords,
  readServerActions,
  type ActionArguments,
  type FormFields,
} from './security-support';

/**
 * Issue 7, finding 1: a form field named `__proto__.polluted` (on the wire
 * `_1___proto__.polluted`) posted anonymously to an action that parses its form
 * before checking the session polluted Object.prototype, and every page answered
 * 500 until the server restarted. These names go to every action of the build, in
 * every encoding, with no cookie and with a forged one; the public pages must
 * still answer 200 afterwards.
 *
 * This file runs last on purpose: when the probe succeeds, the server stays broken.
 */

const POLLUTING_NAMES = [
  '__proto__.polluted',
  '__proto__[polluted]',
  'constructor.prototype.polluted',
  'constructor[prototype][polluted]',
  'prototype.polluted',
  'actors[0].__proto__.polluted',
  'actors[0].constructor.prototype.polluted',
  'citations[0].newSource.__proto__.polluted',
  // What the page's JavaScript puts on the wire for `__proto__.polluted`, sent as a plain field name too.
  '_1___proto__.polluted',
  '_1_constructor.prototype.polluted',
];

function withPollutingFields(args: ActionArguments): ActionArguments {
  const probe: FormFields = POLLUTING_NAMES.map((name) => [name, 'polluted-by-the-probe']);
  if (args.shape === 'values') return { shape: 'values', values: [...args.values, Object.fromEntries(probe)] };
  return { ...args, fields: [...args.fields, ...probe] };
}

const actions = readServerActions();

for (const caller of [
  { label: 'with no cookie', cookie: undefined },
  { label: 'with a forged session cookie', cookie: FORGED_SESSION_COOKIE },
]) {
  test(`prototype-polluting field names posted ${caller.label} to every action leave the site answering 200`, async ({ playwright, baseURL }) => {
    test.setTimeout(180_000);
    const site = baseURL ?? '';
    const context = await playwright.request.newContext({ baseURL: site, storageState: ANONYMOUS });
    const records = readRecords();
    const { editor, admin } = readAccounts();
    await expectSiteHealthy(context, 'nothing yet');
    for (const action of actions) {
      const expectation = ACTION_EXPECTATIONS[action.name];
      // An action without an expectation fails the authorization matrix; here it still gets the probe.
      const args = expectation
        ? withPollutingFields(expectation.call(records, { editorEmail: editor.email, adminEmail: admin.email }))
        : withPollutingFields({ shape: 'state-and-form', fields: [] });
      const replies: string[] = [];
      for (const encoding of ENCODINGS) {
        for (const path of encoding === 'fetch' ? [action.pages[0], '/login'] : [action.pages[0]]) {
          const reply = await callAction(context, site, { actionId: action.id, actionName: action.name, path, args, encoding, cookie: caller.cookie });
          replies.push(describeReply(reply));
        }
      }
      await test.step(`after ${action.name}`, async () => {
        await expectSiteHealthy(context, `the probe of ${action.name} ${caller.label}:\n${replies.join('\n')}`);
      });
    }
    // A polluted prototype shows in any object the server serialises: the feed of events has none of the probe's value.
    const events = await context.get('/api/events');
    expect(await events.text()).not.toContain('polluted-by-the-probe');
    await context.dispose();
  });
}
