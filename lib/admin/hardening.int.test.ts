import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActorAction, saveActorAction } from '@/app/admin/actors/actions';
import { deleteEventAction, previewDate, restoreEventRevisionAction, saveEventAction } from '@/app/admin/events/actions';
import { deletePolicyAction, savePolicyAction } from '@/app/admin/policies/actions';
import { deleteSourceAction, markSourceRemovedAction, saveSourceAction } from '@/app/admin/sources/actions';
import { createUserAction } from '@/app/admin/users/actions';
import { db } from '@/lib/db';
import { getEventBySlug } from '@/lib/events';
import { listRevisions } from '@/lib/revisions';
import type { FormState } from '@/lib/forms';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix, writableRowCounts } from '../../tests/integration/factories';
import { signInAs, signOut, submit, TEST_PASSWORD } from '../../tests/integration/requests';

/**
 * Findings of the hardening review (issue 7), each against the real server
 * actions and a real database: hostile field names, versions out of range,
 * duplicate rows, races on unique columns and restores over newer edits.
 */

const P = uniquePrefix('hard');
let counter = 0;
const unique = (label: string) => `${P}-${label}-${++counter}`;

type Fields = Record<string, string | number | undefined>;

async function fixtures() {
  const key = unique('fx');
  const fx = { key, actor: `${key}-actor`, source: `${key}-src`, policy: `${key}-policy`, earlier: `${key}-earlier` };
  await applyDocument(
    documentOf({
      actors: [{ slug: fx.actor, name: `Actor ${key}`, kind: 'agency' }],
      sources: [sourceInput(fx.source)],
      policies: [{ slug: fx.policy, title: `Policy ${key}`, summary: 'A policy.' }],
      events: [eventInput(fx.earlier, '2026-04', fx.source, { policy: fx.policy })],
    }),
  );
  return fx;
}
type Fixtures = Awaited<ReturnType<typeof fixtures>>;

function eventForm(fx: Fixtures, fields: Fields = {}): Fields {
  return {
    slug: '',
    title: `Signing postponed ${fx.key}`,
    summary: 'The signing was postponed.',
    date: '2026-05-21',
    type: 'postponed',
    jurisdiction: 'US',
    policy: fx.policy,
    'actors[0].key': 'a0',
    'actors[0].actor': fx.actor,
    'actors[0].role': 'decision-maker',
    'citations[0].key': 'c0',
    'citations[0].source': fx.source,
    'citations[0].quote': 'It was postponed.',
    ...fields,
  };
}

const polluted = () => ({}) as Record<string, unknown>;

describe('hostile form fields', () => {
  beforeEach(() => signOut());

  const pollutingNames = ['__proto__.polluted', '_1___proto__.polluted', 'constructor.prototype.polluted', 'actors[0].__proto__.polluted'];

  it('an anonymous save with prototype-polluting field names is refused, pollutes nothing and writes nothing', async () => {
    const fx = await fixtures();
    const before = await writableRowCounts();
    const hostile = Object.fromEntries(pollutingNames.map((name) => [name, 'yes']));
    const state = await submit(saveEventAction, eventForm(fx, { ...hostile, slug: unique('anon') }));
    expect(state.status).toBe('error');
    expect(state.message).toBe('Your session has ended. Sign in again to continue.');
    expect(polluted().polluted).toBeUndefined();
    expect(await writableRowCounts()).toEqual(before);
    // Pages still render from plain objects afterwards.
    expect((await getEventBySlug(fx.earlier))?.title).toBe(`Event ${fx.earlier}`);
  });

  it('a signed-in save with the same names is refused whole, pollutes nothing and writes nothing', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const before = await writableRowCounts();
    for (const name of [...pollutingNames, 'actors[x].role', 'actors[-1].role']) {
      const state = await submit(saveEventAction, eventForm(fx, { [name]: 'yes', slug: unique('signed') }));
      expect(state.status).toBe('error');
      expect(state.message).toMatch(/^Nothing was saved: the form sent a field it does not have/);
    }
    expect(polluted().polluted).toBeUndefined();
    expect(await writableRowCounts()).toEqual(before);
  });

  it('a row index past the limit is refused with a message on that collection, and nothing is saved', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const before = await writableRowCounts();
    const slug = unique('rows');
    const state = await submit(saveEventAction, eventForm(fx, { slug, 'actors[201].actor': fx.actor, 'actors[201].role': 'supporter' }));
    expect(state.status).toBe('error');
    expect(state.errors?.actors).toMatch(/at most 201 rows/);
    expect(await writableRowCounts()).toEqual(before);
  });

  it('the same relation listed twice is a field error, not a 500', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const before = await writableRowCounts();
    const state = await submit(
      saveEventAction,
      eventForm(fx, {
        slug: unique('rel'),
        'relations[0].type': 'follows',
        'relations[0].event': fx.earlier,
        'relations[1].type': 'follows',
        'relations[1].event': fx.earlier,
      }),
    );
    expect(state.status).toBe('error');
    expect(state.errors?.['relations.1.event']).toBe('This relation to this event is already listed above');
    expect(await writableRowCounts()).toEqual(before);
  });
});

describe('versions a form cannot hold', () => {
  beforeEach(() => signOut());

  it.each(['1e300', '-1', 'NaN', '1.5', '99999999999', '0x10', ''])('version=%s is refused with a message by every versioned action', async (version) => {
    const fx = await fixtures();
    await signInAs('editor');
    const event = await db.event.findUniqueOrThrow({ where: { slug: fx.earlier } });
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: fx.actor } });
    const policy = await db.policy.findUniqueOrThrow({ where: { slug: fx.policy } });
    const before = await writableRowCounts();
    const states: FormState<unknown>[] = [
      await submit(saveEventAction, eventForm(fx, { id: event.id, version, slug: event.slug })),
      await submit(deleteEventAction, { id: event.id, version }),
      await submit(restoreEventRevisionAction, { revision: (await listRevisions('event', event.id))[0].id, version }),
      await submit(saveActorAction, { id: actor.id, version, slug: actor.slug, name: 'Renamed', kind: 'agency', parent: '', aliases: '' }),
      await submit(deleteActorAction, { id: actor.id, version }),
      await submit(savePolicyAction, { id: policy.id, version, slug: policy.slug, title: 'Renamed', summary: 'A policy.' }),
      await submit(deletePolicyAction, { id: policy.id, version }),
      await submit(saveSourceAction, { id: fx.source, version, title: 'Renamed', publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' }),
      await submit(markSourceRemovedAction, { id: fx.source, version }),
      await submit(deleteSourceAction, { id: fx.source, version }),
    ];
    for (const state of states) {
      expect(state.status).toBe('error');
      expect(state.message).toBe('This form is missing its version; reload the page and make your change again.');
    }
    expect(await writableRowCounts()).toEqual(before);
  });
});

describe('the date preview', () => {
  beforeEach(() => signOut());

  it('answers nothing to a caller without a session', async () => {
    expect(await previewDate('2026-05-21')).toBe('');
  });

  it('takes any argument from an editor without failing, reading only the start of a long one', async () => {
    await signInAs('editor');
    expect(await previewDate(42)).toBe('');
    expect(await previewDate(null)).toBe('');
    expect(await previewDate({ toString: () => '2026' })).toBe('');
    expect(await previewDate(`2026-05${' '.repeat(5_000_000)}`)).toBe('Will read: May 2026 · stored as 2026-05');
    expect(await previewDate('9'.repeat(5_000_000))).toMatch(/too long/);
  });
});

describe('restoring a revision', () => {
  beforeEach(() => signOut());

  it('after another editor saved, is refused with the conflict notice and keeps their edit', async () => {
    const fx = await fixtures();
    await signInAs('editor', 'Ann Archivist');
    const slug = unique('restore');
    await submit(saveEventAction, eventForm(fx, { slug, title: 'First title' }));
    const created = await db.event.findUniqueOrThrow({ where: { slug } });
    await submit(saveEventAction, eventForm(fx, { id: created.id, version: 1, slug, title: 'Second title' }));
    const [, firstRevision] = await listRevisions('event', created.id);
    // Ann opened the history at version 2; Ben saves version 3 meanwhile.
    await signInAs('editor', 'Ben Busy');
    await submit(saveEventAction, eventForm(fx, { id: created.id, version: 2, slug, title: 'Third title, by Ben' }));

    await signInAs('editor', 'Ann Archivist');
    const state = await submit(restoreEventRevisionAction, { revision: firstRevision.id, version: 2 });
    expect(state.status).toBe('error');
    expect(state.message).toMatch(/^This event was changed by Ben Busy after its history was shown, so nothing was restored\./);
    expect(state.conflict?.version).toBe(3);
    expect((await getEventBySlug(slug))?.title).toBe('Third title, by Ben');

    const again = await submit(restoreEventRevisionAction, { revision: firstRevision.id, version: 3 });
    expect(again.redirectedTo).toBe(`/events/${slug}/history?restored=1`);
    expect((await getEventBySlug(slug))?.title).toBe('First title');
  });
});

describe('races on unique columns', () => {
  beforeEach(() => signOut());

  it('ten admins creating the same account at once: one account, nine field messages, no error thrown', async () => {
    await signInAs('admin');
    const email = `race-${randomUUID()}@example.test`;
    const states = await Promise.all(
      Array.from({ length: 10 }, () => submit(createUserAction, { email, name: 'Racer', role: 'editor', password: TEST_PASSWORD })),
    );
    const created = states.filter((state) => state.redirectedTo);
    const refused = states.filter((state) => state.status === 'error');
    expect(created).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const state of refused) expect(state.errors?.email).toMatch(/already exists/);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});

describe('an action called without a form', () => {
  beforeEach(() => signOut());

  // A `$ACTION_ID_` post hands the action its form as the first argument and nothing as the second.
  const calledWithout = <State>(action: (previous: State, formData: FormData) => Promise<State>) =>
    action(new FormData() as unknown as State, undefined as unknown as FormData);

  it('is refused with a message for a signed-in editor, never a crash, and nothing is written', async () => {
    await signInAs('admin');
    const before = await writableRowCounts();
    for (const action of [saveEventAction, deleteEventAction, restoreEventRevisionAction, saveActorAction, deleteActorAction, savePolicyAction, saveSourceAction, createUserAction]) {
      const state = (await calledWithout(action as (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>)) as FormState<unknown>;
      expect(state.status).toBe('error');
      expect(state.message).toBe('This request did not carry the form; reload the page and try again. Nothing was saved.');
    }
    expect(await writableRowCounts()).toEqual(before);
  });

  it('is refused as signed out for a caller without a session', async () => {
    const state = (await calledWithout(saveEventAction as (previous: FormState<unknown>, formData: FormData) => Promise<FormState<unknown>>)) as FormState<unknown>;
    expect(state.message).toBe('Your session has ended. Sign in again to continue.');
  });
});
