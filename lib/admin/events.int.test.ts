import { beforeEach, describe, expect, it } from 'vitest';
import { deleteActorAction } from '@/app/admin/actors/actions';
import { deleteEventAction, previewDate, restoreEventRevisionAction, saveEventAction } from '@/app/admin/events/actions';
import { eventExportInclude, eventToDataset } from '@/lib/dataset/export';
import type { DatasetEvent } from '@/lib/dataset/format';
import { db } from '@/lib/db';
import { getEventBySlug } from '@/lib/events';
import { INVALID_FORM_MESSAGE } from '@/lib/forms';
import { getEventHistory } from '@/lib/history';
import { listRevisions } from '@/lib/revisions';
import { slugify } from '@/lib/slugs';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix, writableRowCounts } from '../../tests/integration/factories';
import { dataChanges } from '../../tests/integration/next-mocks';
import { signInAs, signOut, submit } from '../../tests/integration/requests';

// Every record of this file carries this prefix; the database is shared with other test files.
const P = uniquePrefix('evadm');
let counter = 0;
const unique = (label: string) => `${P}-${label}-${++counter}`;

type Fields = Record<string, string | number | undefined>;

/** Records an event form can point at, unique to one test: two actors, a source, a policy and an earlier event. */
async function fixtures() {
  const key = unique('fx');
  const fx = {
    key,
    actorName: `White House ${key}`,
    actor: slugify(`White House ${key}`),
    otherActor: `${key}-commerce`,
    source: `${key}-src`,
    policy: slugify(`Review order ${key}`),
    earlier: `${key}-drafted`,
  };
  await applyDocument(
    documentOf({
      actors: [
        { slug: fx.actor, name: fx.actorName, kind: 'government' },
        { slug: fx.otherActor, name: `Department of Commerce ${key}`, kind: 'agency' },
      ],
      sources: [sourceInput(fx.source, { title: `Order drafted ${key}` })],
      policies: [{ slug: fx.policy, title: `Review order ${key}`, summary: 'The pre-release review order.' }],
      events: [eventInput(fx.earlier, '2026-04', fx.source, { policy: fx.policy })],
    }),
  );
  return fx;
}
type Fixtures = Awaited<ReturnType<typeof fixtures>>;

const blankNewSource = (row: number): Fields => ({
  [`citations[${row}].newSource.title`]: '',
  [`citations[${row}].newSource.publisher`]: '',
  [`citations[${row}].newSource.publishedOn`]: '',
  [`citations[${row}].newSource.url`]: '',
  [`citations[${row}].newSource.availability`]: 'live',
  [`citations[${row}].newSource.archiveUrl`]: '',
});

/** The event form as the browser posts it: one existing actor, one existing source, the fixture's policy. */
function eventForm(fx: Fixtures, fields: Fields = {}): Fields {
  return {
    slug: '',
    title: `Signing postponed ${fx.key}`,
    summary: 'The signing of the review order was postponed.',
    date: '2026-05-21',
    type: 'postponed',
    jurisdiction: 'US',
    policy: fx.policy,
    newPolicyTitle: '',
    newPolicySummary: '',
    topics: '',
    'actors[0].key': 'a0',
    'actors[0].actor': fx.actor,
    'actors[0].role': 'decision-maker',
    'actors[0].newName': '',
    'actors[0].newKind': 'person',
    'citations[0].key': 'c0',
    'citations[0].source': fx.source,
    'citations[0].quote': 'The signing has been postponed.',
    ...blankNewSource(0),
    ...fields,
  };
}

/** A citation row describing a new source instead of picking one. */
const newSourceRow = (row: number, fields: Partial<Record<'title' | 'publisher' | 'publishedOn' | 'url' | 'availability' | 'archiveUrl', string>>): Fields => ({
  [`citations[${row}].key`]: `c${row}`,
  [`citations[${row}].source`]: '',
  ...blankNewSource(row),
  ...Object.fromEntries(Object.entries(fields).map(([field, value]) => [`citations[${row}].newSource.${field}`, value])),
});

const eventRow = (slug: string) => db.event.findUniqueOrThrow({ where: { slug } });
const snapshotOf = async (slug: string): Promise<DatasetEvent> =>
  eventToDataset(await db.event.findUniqueOrThrow({ where: { slug }, include: eventExportInclude }));

/** Creates an event through the form and returns its stored row. */
async function createEvent(fx: Fixtures, fields: Fields = {}) {
  const slug = typeof fields.slug === 'string' && fields.slug ? fields.slug : unique('event');
  const state = await submit(saveEventAction, eventForm(fx, { ...fields, slug }));
  expect(state.errors).toBeUndefined();
  expect(state.redirectedTo).toBe(`/events/${slug}`);
  return eventRow(slug);
}

describe('event actions', () => {
  beforeEach(() => signOut());

  it('refuses an anonymous caller for every action and writes nothing', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const event = await createEvent(fx);
    const [revision] = await listRevisions('event', event.id);
    signOut();
    const before = await writableRowCounts();
    const snapshot = await snapshotOf(event.slug);
    dataChanges.mark();

    const attempts = [
      await submit(saveEventAction, eventForm(fx, { slug: unique('anonymous') })),
      await submit(saveEventAction, eventForm(fx, { id: event.id, version: event.version, slug: event.slug, title: 'Defaced' })),
      await submit(saveEventAction, eventForm(fx, { intent: 'add:actors' })),
      await submit(deleteEventAction, { id: event.id, version: event.version }),
      await submit(restoreEventRevisionAction, { revision: revision.id, version: event.version }),
    ];
    for (const state of attempts) {
      expect(state.status).toBe('error');
      expect(state.message).toBe('Your session has ended. Sign in again to continue.');
      expect(state.redirectedTo).toBeUndefined();
    }
    expect(await writableRowCounts()).toEqual(before);
    expect(await snapshotOf(event.slug)).toEqual(snapshot);
    expect(await eventRow(event.slug)).toMatchObject({ version: 1, deletedAt: null });
    expect(dataChanges.since()).toBe(0);
  });

  it('creates an event with an existing actor, an actor and a source created inline, and records a revision for each', async () => {
    const fx = await fixtures();
    await signInAs('editor', 'Erin Editor');
    const slug = unique('created');
    const newActorName = `Jane Doe ${fx.key}`;
    const sourceTitle = `White House postpones signing ${fx.key}`;
    dataChanges.mark();

    const state = await submit(
      saveEventAction,
      eventForm(fx, {
        slug,
        // A topic of this test's own (the shared database may hold the default dataset's topics), and one it may share.
        topics: `Frontier models, Pre-release review ${fx.key}`,
        'actors[1].key': 'a1',
        'actors[1].actor': '',
        'actors[1].role': 'subject',
        'actors[1].newName': newActorName,
        'actors[1].newKind': 'person',
        ...newSourceRow(0, {
          title: sourceTitle,
          publisher: 'CNN Business',
          publishedOn: '2026-05-21',
          url: 'https://example.org/cnn/postponed',
          availability: 'removed',
          archiveUrl: 'https://web.archive.org/web/2026/https://example.org/cnn/postponed',
        }),
        'citations[0].quote': 'The White House postponed the signing.',
        'relations[0].key': 'r0',
        'relations[0].type': 'follows',
        'relations[0].event': fx.earlier,
      }),
    );

    expect(state.redirectedTo).toBe(`/events/${slug}`);
    expect(dataChanges.since()).toBeGreaterThan(0);
    const event = await eventRow(slug);
    expect(event).toMatchObject({ title: `Signing postponed ${fx.key}`, date: '2026-05-21', dateSortKey: '2026-05-21', type: 'postponed', version: 1 });

    const newActor = await db.actor.findUniqueOrThrow({ where: { slug: slugify(newActorName) } });
    expect(newActor).toMatchObject({ name: newActorName, kind: 'person', parentId: null, deletedAt: null });
    const newSource = await db.source.findUniqueOrThrow({ where: { id: slugify(`CNN Business ${sourceTitle}`) } });
    expect(newSource).toMatchObject({
      title: sourceTitle,
      publisher: 'CNN Business',
      publishedOn: '2026-05-21',
      availability: 'removed',
      url: 'https://example.org/cnn/postponed',
      archiveUrl: 'https://web.archive.org/web/2026/https://example.org/cnn/postponed',
    });

    for (const [entityType, entityId] of [['event', event.id], ['actor', newActor.id], ['source', newSource.id]] as const) {
      const revisions = await listRevisions(entityType, entityId);
      expect(revisions).toHaveLength(1);
      expect(revisions[0]).toMatchObject({ action: 'create', version: 1, authorLabel: 'Erin Editor' });
    }
    expect((await listRevisions('event', event.id))[0].after).toEqual(await snapshotOf(slug));

    // What a reader sees on the event's page.
    const detail = await getEventBySlug(slug);
    expect(detail?.actors).toEqual([
      { slug: fx.actor, name: fx.actorName, kind: 'government', role: 'decision-maker' },
      { slug: newActor.slug, name: newActorName, kind: 'person', role: 'subject' },
    ]);
    expect(detail?.citations).toHaveLength(1);
    expect(detail?.citations[0]).toMatchObject({
      quote: 'The White House postponed the signing.',
      source: { id: newSource.id, title: sourceTitle, publisher: 'CNN Business', availability: 'removed' },
    });
    expect(detail?.policy).toEqual({ slug: fx.policy, title: `Review order ${fx.key}` });
    expect(detail?.topics).toEqual([
      { slug: 'frontier-models', name: 'Frontier models' },
      { slug: slugify(`Pre-release review ${fx.key}`), name: `Pre-release review ${fx.key}` },
    ]);
    expect(detail?.relations).toEqual([{ type: 'follows', direction: 'outgoing', event: { slug: fx.earlier, title: `Event ${fx.earlier}`, date: '2026-04' } }]);
    expect((await getEventBySlug(fx.earlier))?.relations).toEqual([
      { type: 'follows', direction: 'incoming', event: { slug, title: `Signing postponed ${fx.key}`, date: '2026-05-21' } },
    ]);
  });

  it('makes the slug from the title and keeps markup in the title as plain text', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const title = `<img src=x onerror=alert(1)> Order & "signing" ${fx.key}`;
    const state = await submit(saveEventAction, eventForm(fx, { title, summary: '<b>Not bold</b>' }));
    const event = await db.event.findFirstOrThrow({ where: { title } });
    expect(event.slug).toBe(`img-src-x-onerror-alert-1-order-and-signing-${fx.key}`);
    expect(state.redirectedTo).toBe(`/events/${event.slug}`);
    expect(await getEventBySlug(event.slug)).toMatchObject({ title, summary: '<b>Not bold</b>' });
  });

  it('stores a topic typed twice in two spellings once', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const slug = unique('topics');
    const state = await submit(saveEventAction, eventForm(fx, { slug, topics: `Safety ${fx.key}, SAFETY ${fx.key}\nsafety-${fx.key}` }));
    expect(state.redirectedTo).toBe(`/events/${slug}`);
    expect((await getEventBySlug(slug))?.topics).toEqual([{ slug: `safety-${fx.key}`, name: `Safety ${fx.key}` }]);
  });

  it('stores a date written as an editor writes it as its EDTF, with the bounds of that EDTF', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const slug = unique('natural');
    const state = await submit(saveEventAction, eventForm(fx, { slug, date: 'c. May 2026' }));
    expect(state.redirectedTo).toBe(`/events/${slug}`);
    expect(await eventRow(slug)).toMatchObject({ date: '2026-05~', dateEarliest: '2026-05-01', dateLatest: '2026-05-31' });
  });

  it('relates to an event named by its title, and lists the slugs when several events share the title', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const slug = unique('by-title');
    const byTitle = { 'relations[0].key': 'r0', 'relations[0].type': 'follows', 'relations[0].event': `Event ${fx.earlier}` };
    const state = await submit(saveEventAction, eventForm(fx, { slug, ...byTitle }));
    expect(state.redirectedTo).toBe(`/events/${slug}`);
    expect((await getEventBySlug(slug))?.relations).toEqual([{ type: 'follows', direction: 'outgoing', event: { slug: fx.earlier, title: `Event ${fx.earlier}`, date: '2026-04' } }]);

    // A second event with the same title makes the title ambiguous: the editor is told which slugs to choose from.
    await applyDocument(documentOf({ sources: [sourceInput(fx.source, { title: `Order drafted ${fx.key}` })], events: [eventInput(`${fx.key}-twin`, '2026-06', fx.source, { title: `Event ${fx.earlier}` })] }));
    const again = await submit(saveEventAction, eventForm(fx, { slug: unique('ambiguous'), ...byTitle }));
    expect(again.status).toBe('error');
    expect(again.errors?.['relations.0.event']).toBe(`2 events have this title; type the slug of the one you mean: ${fx.earlier} (April 2026), ${fx.key}-twin (June 2026)`);
  });

  describe('refuses hostile or wrong input with a field error and writes nothing', () => {
    const URL_ERROR = 'A URL must be an absolute http:// or https:// address';
    const cases: Array<[string, (fx: Fixtures) => Fields, (fx: Fixtures) => Record<string, string | RegExp>]> = [
      ['a javascript: source URL', () => newSourceRow(0, { title: 'Evil', url: 'javascript:alert(document.cookie)' }), () => ({ 'citations.0.newSource.url': URL_ERROR })],
      ['a data: archive URL', () => newSourceRow(0, { title: 'Evil', url: 'https://example.org/a', archiveUrl: 'data:text/html,<script>alert(1)</script>' }), () => ({ 'citations.0.newSource.archiveUrl': URL_ERROR })],
      ['an ftp:// source URL', () => newSourceRow(0, { title: 'Old', url: 'ftp://example.org/order.pdf' }), () => ({ 'citations.0.newSource.url': URL_ERROR })],
      ['a 201-character title', () => ({ title: 't'.repeat(201) }), () => ({ title: 'A title is at most 200 characters' })],
      ['an impossible day', () => ({ date: '2026-02-30' }), () => ({ date: '"2026-02-30" is not a valid EDTF date: February 2026 has no day 30' })],
      ['a thirteenth month', () => ({ date: '2026-13' }), () => ({ date: /^"2026-13" is not a valid EDTF date/ })],
      ['an unknown actor', (fx) => ({ 'actors[0].actor': `${fx.key}-nobody` }), (fx) => ({ 'actors.0.actor': `No actor "${fx.key}-nobody" exists; pick one from the list` })],
      ['an unknown source', (fx) => ({ 'citations[0].source': `${fx.key}-nowhere` }), (fx) => ({ 'citations.0.source': `No source "${fx.key}-nowhere" exists; pick one from the list` })],
      [
        'an unknown relation target',
        (fx) => ({ 'relations[0].type': 'follows', 'relations[0].event': `${fx.key}-never-happened` }),
        (fx) => ({ 'relations.0.event': `No event has the title or slug "${fx.key}-never-happened"; pick one from the suggestions, or type its slug` }),
      ],
      [
        'a relation to itself',
        (fx) => ({ slug: `${fx.key}-self`, 'relations[0].type': 'follows', 'relations[0].event': `${fx.key}-self` }),
        () => ({ 'relations.0.event': 'An event cannot relate to itself' }),
      ],
      ['a slug another event uses', (fx) => ({ slug: fx.earlier }), (fx) => ({ slug: `Another event already uses the slug "${fx.earlier}"; choose another` })],
      [
        'a new actor named like an existing one',
        (fx) => ({ 'actors[1].key': 'a1', 'actors[1].role': 'subject', 'actors[1].newName': fx.actorName.toUpperCase(), 'actors[1].newKind': 'government' }),
        (fx) => ({ 'actors.1.newName': `An actor named like this already exists (${fx.actor}); pick it from the list instead` }),
      ],
      ['a title no slug can be made from', () => ({ title: '?!…' }), () => ({ slug: 'No slug can be made from this title; type one' })],
      [
        'a new actor name no slug can be made from',
        () => ({ 'actors[1].key': 'a1', 'actors[1].role': 'subject', 'actors[1].newName': '!!!', 'actors[1].newKind': 'person' }),
        () => ({ 'actors.1.newName': 'No slug can be made from this name; use some letters or digits' }),
      ],
      [
        'a new policy title no slug can be made from',
        () => ({ policy: '', newPolicyTitle: '***', newPolicySummary: 'A policy.' }),
        () => ({ newPolicyTitle: 'No slug can be made from this title; use some letters or digits' }),
      ],
      [
        'a new policy titled like an existing one',
        (fx) => ({ policy: '', newPolicyTitle: `Review order ${fx.key}`, newPolicySummary: 'Again.' }),
        (fx) => ({ newPolicyTitle: `A policy with this title already exists (${fx.policy}); pick it from the list instead` }),
      ],
    ];

    it.each(cases)('%s', async (_label, fieldsFor, expectedFor) => {
      const fx = await fixtures();
      await signInAs('editor');
      const before = await writableRowCounts();
      const fields = eventForm(fx, fieldsFor(fx));
      const state = await submit(saveEventAction, fields);
      expect(state.status).toBe('error');
      expect(state.message).toBe(INVALID_FORM_MESSAGE);
      expect(state.redirectedTo).toBeUndefined();
      const expected = expectedFor(fx);
      expect(Object.keys(state.errors ?? {})).toEqual(Object.keys(expected));
      for (const [field, message] of Object.entries(expected)) {
        if (typeof message === 'string') expect(state.errors?.[field]).toBe(message);
        else expect(state.errors?.[field]).toMatch(message);
      }
      // The form comes back as typed, so nothing is lost.
      expect(state.values?.title).toBe(fields.title);
      expect(state.values?.date).toBe(fields.date);
      expect(await writableRowCounts()).toEqual(before);
    });
  });

  describe('rolls back the inline actor, source, policy and topic when another field is wrong', () => {
    const wrong: Array<[string, (fx: Fixtures) => Fields, (fx: Fixtures) => string]> = [
      ['an unknown relation target', (fx) => ({ 'relations[0].type': 'follows', 'relations[0].event': `${fx.key}-missing` }), () => 'relations.0.event'],
      ['an unknown source in a later citation', (fx) => ({ 'citations[1].key': 'c1', 'citations[1].source': `${fx.key}-missing`, ...blankNewSource(1) }), () => 'citations.1.source'],
      ['an unknown actor in a later row', (fx) => ({ 'actors[2].key': 'a2', 'actors[2].actor': `${fx.key}-missing`, 'actors[2].role': 'issuer' }), () => 'actors.2.actor'],
      ['a slug another event uses', (fx) => ({ slug: fx.earlier }), () => 'slug'],
    ];

    it.each(wrong)('%s', async (_label, fieldsFor, fieldFor) => {
      const fx = await fixtures();
      await signInAs('editor');
      const before = await writableRowCounts();
      const newActorName = `Inline Actor ${fx.key}`;
      const sourceTitle = `Inline source ${fx.key}`;
      const policyTitle = `Inline policy ${fx.key}`;
      const topic = `Inline topic ${fx.key}`;
      const state = await submit(
        saveEventAction,
        eventForm(fx, {
          slug: unique('rollback'),
          policy: '',
          newPolicyTitle: policyTitle,
          newPolicySummary: 'Created with the event.',
          topics: topic,
          'actors[1].key': 'a1',
          'actors[1].actor': '',
          'actors[1].role': 'subject',
          'actors[1].newName': newActorName,
          'actors[1].newKind': 'company',
          ...newSourceRow(0, { title: sourceTitle, url: 'https://example.org/inline' }),
          ...fieldsFor(fx),
        }),
      );
      expect(state.status).toBe('error');
      expect(Object.keys(state.errors ?? {})).toEqual([fieldFor(fx)]);
      expect(await db.actor.findUnique({ where: { slug: slugify(newActorName) } })).toBeNull();
      expect(await db.source.findFirst({ where: { title: sourceTitle } })).toBeNull();
      expect(await db.policy.findUnique({ where: { slug: slugify(policyTitle) } })).toBeNull();
      expect(await db.topic.findUnique({ where: { slug: slugify(topic) } })).toBeNull();
      expect(await writableRowCounts()).toEqual(before);
    });
  });

  it('adds and removes rows on request without saving anything', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const slug = unique('rows');
    const form = eventForm(fx, {
      slug,
      'actors[1].key': 'a1',
      'actors[1].actor': '',
      'actors[1].role': 'subject',
      'actors[1].newName': `Typed Name ${fx.key}`,
      'actors[1].newKind': 'company',
    });
    const before = await writableRowCounts();

    const added = await submit(saveEventAction, { ...form, intent: 'add:actors' });
    expect(added.status).toBe('idle');
    expect(added.errors).toBeUndefined();
    expect(added.values?.title).toBe(form.title);
    expect(added.values?.actors).toHaveLength(3);
    expect(added.values?.actors.slice(0, 2)).toEqual([
      { key: 'a0', actor: fx.actor, role: 'decision-maker', newName: '', newKind: 'person' },
      { key: 'a1', actor: '', role: 'subject', newName: `Typed Name ${fx.key}`, newKind: 'company' },
    ]);
    const newRow = added.values?.actors[2];
    expect(newRow).toMatchObject({ actor: '', role: 'participant', newName: '', newKind: 'person' });
    expect(newRow?.key).toMatch(/^[0-9a-f-]{12}$/);

    const removed = await submit(saveEventAction, { ...form, intent: 'remove:actors:a0' });
    expect(removed.status).toBe('idle');
    expect(removed.values?.actors).toEqual([{ key: 'a1', actor: '', role: 'subject', newName: `Typed Name ${fx.key}`, newKind: 'company' }]);
    expect(removed.values?.citations.map((row) => row.key)).toEqual(['c0']);

    expect(await db.event.findUnique({ where: { slug } })).toBeNull();
    expect(await db.actor.findUnique({ where: { slug: slugify(`Typed Name ${fx.key}`) } })).toBeNull();
    expect(await writableRowCounts()).toEqual(before);
  });

  it('gives one success and one conflict to two edits of the same version, and keeps the loser\'s input', async () => {
    const fx = await fixtures();
    await signInAs('editor', 'First Editor');
    const event = await createEvent(fx, { title: 'Original title' });
    const slug = event.slug;
    const original = eventForm(fx, { id: event.id, version: 1, slug, title: 'Original title' });

    const first = await submit(saveEventAction, { ...original, title: 'First edit' });
    expect(first.redirectedTo).toBe(`/events/${slug}`);

    await signInAs('editor', 'Second Editor');
    const loser = { ...original, summary: 'The second editor\'s summary.', 'actors[0].role': 'issuer' };
    const second = await submit(saveEventAction, loser);
    expect(second.status).toBe('error');
    expect(second.message).toContain('This event was changed by First Editor after you opened this form');
    expect(second.conflict).toEqual({
      version: 2,
      changedMeanwhile: [{ field: 'title', before: 'Original title', after: 'First edit', by: 'First Editor' }],
    });
    expect(second.values).toMatchObject({ title: 'Original title', summary: 'The second editor\'s summary.' });
    expect(second.values?.actors[0]).toMatchObject({ actor: fx.actor, role: 'issuer' });
    expect(await eventRow(slug)).toMatchObject({ title: 'First edit', summary: 'The signing of the review order was postponed.', version: 2 });

    // Saving again over the version now stored is a deliberate overwrite.
    const retry = await submit(saveEventAction, { ...loser, version: second.conflict?.version });
    expect(retry.redirectedTo).toBe(`/events/${slug}`);
    expect(await eventRow(slug)).toMatchObject({ title: 'Original title', summary: 'The second editor\'s summary.', version: 3 });
    expect((await getEventBySlug(slug))?.actors.map((actor) => actor.role)).toEqual(['issuer']);
    expect((await listRevisions('event', event.id)).map((revision) => [revision.action, revision.version, revision.authorLabel])).toEqual([
      ['update', 3, 'Second Editor'],
      ['update', 2, 'First Editor'],
      ['create', 1, 'First Editor'],
    ]);
  });

  it('restores the exact earlier values, including a changed slug, as a new revision', async () => {
    const fx = await fixtures();
    await signInAs('editor', 'Rita Restorer');
    const event = await createEvent(fx, {
      topics: `Review ${fx.key}, Delays ${fx.key}`,
      'actors[1].key': 'a1',
      'actors[1].actor': fx.otherActor,
      'actors[1].role': 'supporter',
      'citations[0].quote': 'Original quote.',
      'relations[0].type': 'responds-to',
      'relations[0].event': fx.earlier,
    });
    const originalSlug = event.slug;
    const original = await snapshotOf(originalSlug);
    const [created] = await listRevisions('event', event.id);

    const renamed = unique('renamed');
    const edited = await submit(saveEventAction, {
      id: event.id,
      version: 1,
      slug: renamed,
      title: 'Edited title',
      summary: 'Edited summary.',
      date: '2026-06~',
      type: 'signed',
      jurisdiction: 'US-CA',
      policy: '',
      topics: `Something else ${fx.key}`,
      'actors[0].actor': fx.otherActor,
      'actors[0].role': 'issuer',
      'citations[0].source': fx.source,
      'citations[0].quote': '',
    });
    expect(edited.redirectedTo).toBe(`/events/${renamed}`);
    const changed = await snapshotOf(renamed);
    expect(changed).not.toEqual(original);

    const restored = await submit(restoreEventRevisionAction, { revision: created.id, version: (await eventRow(renamed)).version });
    expect(restored.redirectedTo).toBe(`/events/${originalSlug}/history?restored=1`);
    expect(await snapshotOf(originalSlug)).toEqual(original);
    expect(await db.event.findUnique({ where: { slug: renamed } })).toBeNull();
    expect(await eventRow(originalSlug)).toMatchObject({ version: 3, dateSortKey: '2026-05-21', deletedAt: null });

    const [restore, update] = await listRevisions('event', event.id);
    expect(restore).toMatchObject({ action: 'restore', version: 3, authorLabel: 'Rita Restorer', after: original });
    expect(update).toMatchObject({ action: 'update', version: 2, after: changed });
    expect(restore.changes.map((change) => change.field)).toEqual(
      expect.arrayContaining(['slug', 'title', 'summary', 'date', 'type', 'jurisdiction', 'policy', 'topics', 'actors', 'citations', 'relations']),
    );
  });

  it('refuses to restore a revision whose actor has since been deleted, and changes nothing', async () => {
    const fx = await fixtures();
    await signInAs('editor');
    const event = await createEvent(fx, { 'actors[1].key': 'a1', 'actors[1].actor': fx.otherActor, 'actors[1].role': 'supporter' });
    const [created] = await listRevisions('event', event.id);
    // The actor leaves the event, so it may be deleted.
    await submit(saveEventAction, eventForm(fx, { id: event.id, version: 1, slug: event.slug }));
    const actor = await db.actor.findUniqueOrThrow({ where: { slug: fx.otherActor } });
    const deleted = await submit(deleteActorAction, { id: actor.id, version: actor.version });
    expect(deleted.redirectedTo).toContain('/admin/trash');

    const before = await snapshotOf(event.slug);
    const revisions = await db.revision.count();
    const state = await submit(restoreEventRevisionAction, { revision: created.id, version: (await eventRow(event.slug)).version });
    expect(state.status).toBe('error');
    expect(state.message).toBe(`This revision cannot be restored: Its actor "${fx.otherActor}" no longer exists.`);
    expect(await snapshotOf(event.slug)).toEqual(before);
    expect(await db.revision.count()).toBe(revisions);
  });

  it('refuses to restore a revision that does not exist', async () => {
    await signInAs('editor');
    for (const revision of ['not-a-number', '', '1.5', '-3', String(2 ** 40), '2147483647']) {
      const state = await submit(restoreEventRevisionAction, { revision, version: 1 });
      expect(state).toMatchObject({ status: 'error', message: 'That revision does not exist.' });
    }
  });

  it('lists the history newest first with the authors\' names', async () => {
    const fx = await fixtures();
    await signInAs('editor', 'Ann Author');
    const event = await createEvent(fx, { title: 'First title' });
    await signInAs('admin', 'Ben Admin');
    await submit(saveEventAction, eventForm(fx, { id: event.id, version: 1, slug: event.slug, title: 'Second title' }));
    const [, created] = await listRevisions('event', event.id);
    await signInAs('editor', 'Cal Curator');
    await submit(restoreEventRevisionAction, { revision: created.id, version: 2 });

    const history = await getEventHistory(event.slug);
    expect(history?.title).toBe('First title');
    expect(history?.revisions.map((revision) => [revision.action, revision.version, revision.authorLabel])).toEqual([
      ['restore', 3, 'Cal Curator'],
      ['update', 2, 'Ben Admin'],
      ['create', 1, 'Ann Author'],
    ]);
    expect(history?.revisions[1].changes).toEqual([{ field: 'title', before: 'First title', after: 'Second title' }]);
    expect(history?.revisions[0].changes).toEqual([{ field: 'title', before: 'Second title', after: 'First title' }]);
    expect(await getEventHistory(`${fx.key}-no-such-event`)).toBeNull();
  });

  it('previews how a date will read, or why it is not valid', async () => {
    await signInAs('editor');
    expect(await previewDate('2026-05-21')).toBe('Will read: May 21, 2026 · stored as 2026-05-21');
    expect(await previewDate('21 May 2026')).toBe('Will read: May 21, 2026 · stored as 2026-05-21');
    expect(await previewDate('  ')).toBe('');
    expect(await previewDate('2026-02-30')).toBe('"2026-02-30" is not a valid EDTF date: February 2026 has no day 30');
  });
});
