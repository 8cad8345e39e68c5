import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { getActorBySlug } from '@/lib/actors';
import { applyDataset, type ApplyReport } from '@/lib/dataset/apply';
import { DEFAULT_DATASET_PATH, seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { exportDataset } from '@/lib/dataset/export';
import { DATASET_FORMAT, type Dataset } from '@/lib/dataset/format';
import { db } from '@/lib/db';
import { getEventBySlug } from '@/lib/events';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import {
  applyDocument,
  documentOf,
  eventInput,
  sourceInput,
  uniquePrefix,
  validated,
  type DocumentInput,
  type EventInput,
} from '@/tests/integration/factories';

/**
 * Each test builds its own document under a fresh prefix, so tests do not depend
 * on one another and never touch records of other files in the shared database.
 */
function buildDocument(P: string): DocumentInput {
  const s = (name: string) => `${P}-${name}`;
  return documentOf({
    topics: [{ slug: s('topic-declared'), name: 'Declared topic' }],
    actors: [
      // The parent comes later in the document than its child.
      { slug: s('child'), name: 'Child Agency', kind: 'agency', parent: s('parent') },
      { slug: s('parent'), name: 'Parent Government', kind: 'government' },
      { slug: s('person'), name: 'Pat Person', kind: 'person', aliases: ['P. Person', 'The Minister'] },
    ],
    sources: [
      sourceInput(s('src-live'), { title: 'Live article', publisher: 'Example News', publishedOn: '2026-02' }),
      sourceInput(s('src-removed'), {
        title: 'Removed notice',
        availability: 'removed',
        archiveUrl: `https://web.archive.org/web/2026/https://example.org/${s('src-removed')}`,
      }),
      { id: s('src-bare'), title: 'A document without an address', availability: 'unknown' },
    ],
    policies: [{ slug: s('policy'), title: 'Apply policy', summary: 'A policy of the apply test.' }],
    events: [
      // Listed before the event its relation points to.
      eventInput(s('e-second'), '2026-02-03', s('src-live'), {
        type: 'signed',
        policy: s('policy'),
        topics: [s('topic-declared')],
        actors: [{ actor: s('child'), role: 'issuer' }],
        citations: [{ source: s('src-removed'), quote: 'It is signed.' }],
        relations: [{ type: 'follows', event: s('e-first') }],
      }),
      eventInput(s('e-first'), '2026-01', s('src-live'), {
        type: 'proposed',
        policy: s('policy'),
        topics: [s('topic-declared'), s('topic-implicit')],
        actors: [
          { actor: s('person'), role: 'decision-maker' },
          { actor: s('child'), role: 'issuer' },
        ],
        citations: [{ source: s('src-live'), quote: 'A proposal was published.' }, { source: s('src-bare') }],
      }),
      eventInput(s('e-third'), '../2026-03-01', s('src-live'), {
        type: 'statement',
        relations: [
          { type: 'follows', event: s('e-first') },
          { type: 'responds-to', event: s('e-second') },
        ],
      }),
    ],
  });
}

const counts = (created: number, updated: number, unchanged: number) => ({ created, updated, unchanged });

function eventOf(document: DocumentInput, slug: string): EventInput {
  const event = document.events?.find((item) => item.slug === slug);
  if (!event) throw new Error(`No event ${slug} in the test document`);
  return event;
}

/** When each of this prefix's records was last written, by kind and key. */
async function writeTimes(P: string): Promise<Record<string, number>> {
  const where = { startsWith: `${P}-` };
  const [actors, sources, policies, events] = await Promise.all([
    db.actor.findMany({ where: { slug: where }, select: { slug: true, updatedAt: true } }),
    db.source.findMany({ where: { id: where }, select: { id: true, updatedAt: true } }),
    db.policy.findMany({ where: { slug: where }, select: { slug: true, updatedAt: true } }),
    db.event.findMany({ where: { slug: where }, select: { slug: true, updatedAt: true } }),
  ]);
  return Object.fromEntries([
    ...actors.map((row) => [`actor:${row.slug}`, row.updatedAt.getTime()]),
    ...sources.map((row) => [`source:${row.id}`, row.updatedAt.getTime()]),
    ...policies.map((row) => [`policy:${row.slug}`, row.updatedAt.getTime()]),
    ...events.map((row) => [`event:${row.slug}`, row.updatedAt.getTime()]),
  ]);
}

/** Citation, actor-link and relation rows of this prefix's events; recreating them changes the citation ids. */
async function linkRows(P: string) {
  const events = { event: { slug: { startsWith: `${P}-` } } };
  const [citations, actors, relations, topics] = await Promise.all([
    db.citation.findMany({ where: events, select: { id: true }, orderBy: { id: 'asc' } }),
    db.eventActor.count({ where: events }),
    db.eventRelation.count({ where: { from: { slug: { startsWith: `${P}-` } } } }),
    db.eventTopic.count({ where: events }),
  ]);
  return { citationIds: citations.map((row) => row.id), actors, relations, topics };
}

describe('applyDataset', () => {
  it('creates every record of a new document and reports the counts', async () => {
    const P = uniquePrefix('ap');
    const report = await applyDocument(buildDocument(P));
    expect(report).toEqual({
      // One topic declared, one only named by an event.
      topics: counts(2, 0, 0),
      actors: counts(3, 0, 0),
      sources: counts(3, 0, 0),
      policies: counts(1, 0, 0),
      events: counts(3, 0, 0),
    });

    const first = await db.event.findUnique({ where: { slug: `${P}-e-first` } });
    expect(first).toMatchObject({
      date: '2026-01',
      dateEarliest: '2026-01-01',
      dateLatest: '2026-01-31',
      dateSortKey: '2026-01-01',
      datePrecision: 'month',
    });
    const third = await db.event.findUnique({ where: { slug: `${P}-e-third` } });
    expect(third).toMatchObject({ dateEarliest: '0000-01-01', dateLatest: '2026-03-01', dateSortKey: '2026-03-01', datePrecision: 'day' });

    const implicit = await db.topic.findUnique({ where: { slug: `${P}-topic-implicit` } });
    expect(implicit?.name).toBe(`Ap ${P.slice('ap-'.length)} topic implicit`);

    const detail = await getEventBySlug(`${P}-e-first`);
    expect(detail!.actors.map((actor) => [actor.slug, actor.role])).toEqual([
      [`${P}-person`, 'decision-maker'],
      [`${P}-child`, 'issuer'],
    ]);
    expect(detail!.citations.map((citation) => [citation.source.id, citation.quote])).toEqual([
      [`${P}-src-live`, 'A proposal was published.'],
      [`${P}-src-bare`, null],
    ]);
    expect(detail!.policy?.slug).toBe(`${P}-policy`);
  });

  it('sets an actor parent that is listed later in the document', async () => {
    const P = uniquePrefix('ap');
    await applyDocument(buildDocument(P));
    const child = await getActorBySlug(`${P}-child`);
    expect(child!.parent).toEqual({ slug: `${P}-parent`, name: 'Parent Government' });
    const parent = await getActorBySlug(`${P}-parent`);
    expect(parent!.children).toEqual([{ slug: `${P}-child`, name: 'Child Agency', kind: 'agency' }]);
  });

  it('applying the same document again reports everything unchanged and writes nothing', async () => {
    const P = uniquePrefix('ap');
    const document = buildDocument(P);
    await applyDocument(document);
    const timesBefore = await writeTimes(P);
    const linksBefore = await linkRows(P);
    await sleep(25); // so that any write would show in updatedAt

    const second = await applyDocument(document);
    expect(second).toEqual({
      topics: counts(0, 0, 2),
      actors: counts(0, 0, 3),
      sources: counts(0, 0, 3),
      policies: counts(0, 0, 1),
      events: counts(0, 0, 3),
    });
    expect(await writeTimes(P)).toEqual(timesBefore);
    expect(await linkRows(P)).toEqual(linksBefore);
  });

  it('changing one event title reports exactly that event as updated', async () => {
    const P = uniquePrefix('ap');
    const document = buildDocument(P);
    await applyDocument(document);
    const timesBefore = await writeTimes(P);
    await sleep(25);

    eventOf(document, `${P}-e-second`).title = 'A new title';
    const report = await applyDocument(document);
    expect(report).toEqual({
      topics: counts(0, 0, 2),
      actors: counts(0, 0, 3),
      sources: counts(0, 0, 3),
      policies: counts(0, 0, 1),
      events: counts(0, 1, 2),
    });

    const timesAfter = await writeTimes(P);
    const changedKey = `event:${P}-e-second`;
    expect(timesAfter[changedKey]).toBeGreaterThan(timesBefore[changedKey]);
    expect({ ...timesAfter, [changedKey]: 0 }).toEqual({ ...timesBefore, [changedKey]: 0 });

    // The updated event keeps its links, and the relation pointing at it survives.
    const detail = await getEventBySlug(`${P}-e-second`);
    expect(detail!.title).toBe('A new title');
    expect(detail!.actors.map((actor) => actor.slug)).toEqual([`${P}-child`]);
    expect(detail!.citations.map((citation) => citation.quote)).toEqual(['It is signed.']);
    expect(detail!.topics.map((topic) => topic.slug)).toEqual([`${P}-topic-declared`]);
    expect(detail!.relations.map((relation) => [relation.direction, relation.type, relation.event.slug])).toEqual([
      ['outgoing', 'follows', `${P}-e-first`],
      ['incoming', 'responds-to', `${P}-e-third`],
    ]);
  });

  it('reordering an event’s topics or relations is not a change', async () => {
    const P = uniquePrefix('ap');
    const document = buildDocument(P);
    await applyDocument(document);
    const timesBefore = await writeTimes(P);
    await sleep(25);

    const first = eventOf(document, `${P}-e-first`);
    first.topics = [...(first.topics ?? [])].reverse();
    const third = eventOf(document, `${P}-e-third`);
    third.relations = [...(third.relations ?? [])].reverse();
    const report = await applyDocument(document);
    expect(report.events).toEqual(counts(0, 0, 3));
    expect(await writeTimes(P)).toEqual(timesBefore);
  });

  it('reordering an event’s actors is a change, and the new order is kept', async () => {
    const P = uniquePrefix('ap');
    const document = buildDocument(P);
    await applyDocument(document);

    const first = eventOf(document, `${P}-e-first`);
    first.actors = [...(first.actors ?? [])].reverse();
    const report = await applyDocument(document);
    expect(report.events).toEqual(counts(0, 1, 2));
    const detail = await getEventBySlug(`${P}-e-first`);
    expect(detail!.actors.map((actor) => actor.slug)).toEqual([`${P}-child`, `${P}-person`]);
  });

  it('exportDataset gives back the records that were applied', async () => {
    const P = uniquePrefix('ap');
    const document = buildDocument(P);
    const dataset = validated(document);
    await applyDataset(db, dataset, { author: COMMAND_LINE_AUTHOR });

    const mine = (key: string) => key.startsWith(`${P}-`);
    const exported = await exportDataset(db);
    expect(exported.format).toBe(DATASET_FORMAT);
    const exportedMine: Dataset = {
      format: exported.format,
      topics: exported.topics.filter((topic) => mine(topic.slug)),
      actors: exported.actors.filter((actor) => mine(actor.slug)),
      sources: exported.sources.filter((source) => mine(source.id)),
      policies: exported.policies.filter((policy) => mine(policy.slug)),
      events: exported.events.filter((event) => mine(event.slug)),
    };

    const bySlug = <T extends { slug: string }>(items: T[]) => [...items].sort((a, b) => (a.slug < b.slug ? -1 : 1));
    const eventOrder = ['e-first', 'e-second', 'e-third'].map((name) => `${P}-${name}`);
    expect(exportedMine.topics).toEqual([
      { slug: `${P}-topic-declared`, name: 'Declared topic' },
      { slug: `${P}-topic-implicit`, name: `Ap ${P.slice('ap-'.length)} topic implicit` },
    ]);
    expect(exportedMine.actors).toEqual(bySlug(dataset.actors));
    expect(exportedMine.sources).toEqual([...dataset.sources].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(exportedMine.policies).toEqual(dataset.policies);
    expect(exportedMine.events).toEqual(eventOrder.map((slug) => dataset.events.find((event) => event.slug === slug)));

    // Importing the export is a no-op.
    const roundTrip = await applyDataset(db, validated(exportedMine), { author: COMMAND_LINE_AUTHOR });
    expect(roundTrip).toEqual({
      topics: counts(0, 0, 2),
      actors: counts(0, 0, 3),
      sources: counts(0, 0, 3),
      policies: counts(0, 0, 1),
      events: counts(0, 0, 3),
    });
  });
});

describe('the default dataset', () => {
  interface RawDefault {
    topics: Array<{ slug: string }>;
    actors: unknown[];
    sources: unknown[];
    policies: unknown[];
    events: Array<{ slug: string; topics?: string[] }>;
  }
  const raw = JSON.parse(readFileSync(DEFAULT_DATASET_PATH, 'utf8')) as RawDefault;
  const topicCount = new Set([...raw.topics.map((topic) => topic.slug), ...raw.events.flatMap((event) => event.topics ?? [])]).size;
  const totals = { topics: topicCount, actors: raw.actors.length, sources: raw.sources.length, policies: raw.policies.length, events: raw.events.length };
  const slugs = raw.events.map((event) => event.slug);

  it('loads, and loading it a second time changes nothing', async () => {
    const first = await seedDefaultDataset(db, COMMAND_LINE_AUTHOR);
    for (const [collection, total] of Object.entries(totals)) {
      const { created, updated, unchanged } = first[collection as keyof ApplyReport];
      expect(created + updated + unchanged, collection).toBe(total);
    }
    expect(await db.event.count({ where: { slug: { in: slugs } } })).toBe(slugs.length);

    const before = await db.event.findMany({ where: { slug: { in: slugs } }, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
    await sleep(25);
    const second = await seedDefaultDataset(db, COMMAND_LINE_AUTHOR);
    expect(second).toEqual({
      topics: counts(0, 0, totals.topics),
      actors: counts(0, 0, totals.actors),
      sources: counts(0, 0, totals.sources),
      policies: counts(0, 0, totals.policies),
      events: counts(0, 0, totals.events),
    });
    const after = await db.event.findMany({ where: { slug: { in: slugs } }, select: { slug: true, updatedAt: true }, orderBy: { slug: 'asc' } });
    expect(after).toEqual(before);
  });

  it('records the postponed signing on 2026-05-21 with six citations', async () => {
    await seedDefaultDataset(db, COMMAND_LINE_AUTHOR);
    const row = await db.event.findUnique({
      where: { slug: 'signing-postponed' },
      select: { type: true, dateSortKey: true, datePrecision: true, _count: { select: { citations: true } } },
    });
    expect(row).toEqual({ type: 'postponed', dateSortKey: '2026-05-21', datePrecision: 'day', _count: { citations: 6 } });

    const detail = await getEventBySlug('signing-postponed');
    expect(detail!.citations).toHaveLength(6);
    expect(detail!.citations.every((citation) => citation.quote !== null)).toBe(true);
    expect(detail!.actors.map((actor) => [actor.slug, actor.role])).toEqual([
      ['donald-trump', 'decision-maker'],
      ['white-house', 'issuer'],
    ]);
  });
});
