import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as getExport } from '@/app/api/export/route';
import { GET as getTimelineJs } from '@/app/api/timelinejs/route';
import { GET as getCsv } from '@/app/events.csv/route';
import { GET as getCalendar } from '@/app/events.ics/route';
import {
  actorExportInclude,
  actorToDataset,
  datasetBatches,
  eventExportInclude,
  eventToDataset,
  policyToDataset,
  serializeDataset,
  serializedDatasetPieces,
  sourceToDataset,
  topicToDataset,
  type ActorForExport,
  type ExportSelection,
} from '@/lib/dataset/export';
import { DATASET_FORMAT, type Dataset, type DatasetEvent } from '@/lib/dataset/format';
import { db } from '@/lib/db';
import { chronologicalOrder } from '@/lib/events';
import { EXPORT_BATCH_SIZE } from '@/lib/exports/batches';
import { textOf } from '@/lib/exports/body-stream';
import { eventsCalendar } from '@/lib/exports/calendar';
import { eventsCsv } from '@/lib/exports/csv';
import { loadEventRecords } from '@/lib/exports/event-records';
import { readEventView, type EventView } from '@/lib/exports/event-view';
import { calendarFile, csvFile, timelineJs } from '@/lib/exports/formats';
import { absoluteUrl } from '@/lib/exports/site-origin';
import { timelineDocument } from '@/lib/exports/timelinejs';
import { viewTitle } from '@/lib/exports/view-title';
import { timelineHref } from '@/lib/filters';
import type { Prisma } from '@/lib/db';
import { ACTOR_ROLES, EVENT_TYPES, RELATION_TYPES } from '@/lib/vocabulary';
import { applyDocument, documentOf, sourceInput, uniquePrefix, type EventInput } from '@/tests/integration/factories';

/**
 * The streamed exports against the straightforward computation they replace:
 * every matching event read in one query and written as one string. Over more
 * events than a batch holds, with ties in the chronology, every kind of date
 * and text that quoting and line folding treat specially, the bytes must be
 * the same; and the body must really stream.
 */

const P = uniquePrefix('st');
const s = (name: string) => `${P}-${name}`;
const ALL = s('all');
/** More than two batches, and not a multiple of the batch size. */
const EVENT_COUNT = 2 * EXPORT_BATCH_SIZE + 234;
/** A batch size that divides nothing evenly, for cuts at other places. */
const SMALL_BATCH = 61;
const SOURCES = Array.from({ length: 12 }, (_, index) => s(`src-${index}`));
const ACTORS = [s('department'), s('agency'), s('office'), s('person'), s('company')];
// Few distinct dates, so many events tie on dateSortKey (and on dateLatest): the keyset must cut between them.
const DATES = ['2026-05-21', '2026-05', '2026', '2026-05-21/2026-06', '../2026-05-21', '2026-05-21/..', '2026-04?', '2026-04~', '1999', '2026-05-01', '2024-02-29', '2026-05/2026-05-21'];
const TITLES = ['Signing postponed', 'Order "revised", again', '=HYPERLINK("http://evil.example")', 'Déjà vu at the Ministère', 'Launch 🚀 review', 'Line; with, separators'];

function generatedEvent(index: number): EventInput {
  const pick = <T,>(items: readonly T[], salt: number) => items[(index * 7 + salt * 13 + Math.floor(index / 5)) % items.length];
  const actorCount = 1 + (index % 3);
  return {
    slug: s(`e-${String((index * 7919) % 10_000).padStart(4, '0')}-${index}`),
    title: `${pick(TITLES, 1)} ${index}`,
    // Long and multi-line, with wide characters, so calendar lines fold at every kind of character.
    summary: `Summary of event ${index}: ${'the review was postponed “again”, for the third time — ünïcödé 中文 🚀; '.repeat(1 + (index % 4))}\nSecond paragraph.`,
    date: pick(DATES, 2),
    type: pick(EVENT_TYPES, 3),
    jurisdiction: pick(['US', 'EU', 'GB'], 4),
    policy: index % 4 === 0 ? null : s(`policy-${index % 3}`),
    topics: [ALL, ...(index % 3 === 0 ? [s('topic-a')] : []), ...(index % 5 === 0 ? [s('topic-b')] : [])],
    actors: Array.from({ length: actorCount }, (_, position) => ({ actor: ACTORS[(index + position) % ACTORS.length], role: pick(ACTOR_ROLES, 5 + position) })),
    citations: Array.from({ length: 1 + (index % 2) }, (_, position) => ({
      source: SOURCES[(index + position * 5) % SOURCES.length],
      quote: position === 0 ? `Quoted, "as said" ${index}` : null,
    })),
    relations: index > 0 && index % 4 === 1 ? [{ type: pick(RELATION_TYPES, 6), event: generatedEvent(index - 1).slug }] : [],
  };
}

beforeAll(async () => {
  await applyDocument(
    documentOf({
      topics: [
        { slug: ALL, name: 'Streaming test' },
        { slug: s('topic-a'), name: 'Zeta topic' },
        { slug: s('topic-b'), name: 'Alpha topic' },
      ],
      actors: [
        { slug: s('department'), name: 'Department of Streams', kind: 'agency' },
        { slug: s('agency'), name: 'Agency of Batches', kind: 'agency', parent: s('department') },
        { slug: s('office'), name: 'Office, "Keysets"', kind: 'agency', parent: s('agency') },
        { slug: s('person'), name: 'Zoë Person', kind: 'person' },
        { slug: s('company'), name: 'Company Inc.', kind: 'company' },
        { slug: s('unreferenced'), name: 'Named by no event', kind: 'company' },
      ],
      sources: SOURCES.map((id, index) =>
        sourceInput(id, index % 4 === 3 ? { url: null, availability: 'unknown' } : index % 4 === 2 ? { availability: 'removed', archiveUrl: `https://archive.example.org/${id}` } : {}),
      ),
      policies: [0, 1, 2].map((index) => ({ slug: s(`policy-${index}`), title: `Streaming policy ${index}`, summary: 'A policy for the streaming tests.' })),
      events: Array.from({ length: EVENT_COUNT }, (_, index) => generatedEvent(index)),
    }),
  );
  // Trashed events stay out of every export, and relations pointing at them are dropped.
  const trashed = Array.from({ length: EVENT_COUNT }, (_, index) => index).filter((index) => index % 97 === 0);
  await db.event.updateMany({ where: { slug: { in: trashed.map((index) => generatedEvent(index).slug) } }, data: { deletedAt: new Date() } });
}, 240_000);

afterEach(() => {
  vi.restoreAllMocks();
});

const ORIGIN = 'http://localhost';
const request = (path: string) => new Request(`${ORIGIN}${path}`);
const encode = (text: string) => new TextEncoder().encode(text);
const bytesOf = async (response: Response) => new Uint8Array(await response.arrayBuffer());
const bytesOfBody = async (body: string | ReadableStream<Uint8Array>) => bytesOf(new Response(body));

/** What formats.ts names a view's calendar and TimelineJS document, worked out again. */
const viewOptions = (view: EventView) => ({
  origin: view.origin,
  title: viewTitle(view.query.filter, view.resolved.names),
  viewUrl: absoluteUrl(view.origin, timelineHref({ filter: view.requested, order: 'asc' })),
});

/** The interchange export as it was: every collection read whole, the selection cut in memory. */
async function referenceExport(selection: ExportSelection = {}): Promise<Dataset> {
  const live: Prisma.EventWhereInput = selection.eventWhere ? { AND: [{ deletedAt: null }, selection.eventWhere] } : { deletedAt: null };
  const [topics, actors, sources, policies, events] = await Promise.all([
    db.topic.findMany({ orderBy: { slug: 'asc' } }),
    db.actor.findMany({ where: { deletedAt: null }, include: actorExportInclude, orderBy: { slug: 'asc' } }),
    db.source.findMany({ where: { deletedAt: null }, orderBy: { id: 'asc' } }),
    db.policy.findMany({ where: { deletedAt: null }, orderBy: { slug: 'asc' } }),
    db.event.findMany({ where: live, include: eventExportInclude, orderBy: chronologicalOrder('asc') }),
  ]);
  const dataset: Dataset = {
    format: DATASET_FORMAT,
    topics: topics.map(topicToDataset),
    actors: actors.map(actorToDataset),
    sources: sources.map(sourceToDataset),
    policies: policies.map(policyToDataset),
    events: events.map(eventToDataset),
  };
  if (!selection.eventWhere) return dataset;
  const eventSlugs = new Set(dataset.events.map((event) => event.slug));
  const selected = dataset.events.map((event) => ({ ...event, relations: event.relations.filter((relation) => eventSlugs.has(relation.event)) }));
  const used = <T,>(pick: (event: DatasetEvent) => T[]) => new Set(selected.flatMap(pick));
  const actorSlugs = used((event) => event.actors.map((link) => link.actor));
  const bySlug = new Map(actors.map((actor) => [actor.slug, actor]));
  const kept = new Set<string>();
  for (const slug of actorSlugs) {
    for (let current: ActorForExport | undefined = bySlug.get(slug); current && !kept.has(current.slug); current = bySlug.get(current.parent?.slug ?? '')) {
      kept.add(current.slug);
    }
  }
  return {
    format: DATASET_FORMAT,
    topics: dataset.topics.filter((topic) => used((event) => event.topics).has(topic.slug)),
    actors: actors.filter((actor) => kept.has(actor.slug)).map(actorToDataset),
    sources: dataset.sources.filter((source) => used((event) => event.citations.map((citation) => citation.source)).has(source.id)),
    policies: dataset.policies.filter((policy) => used((event) => (event.policy ? [event.policy] : [])).has(policy.slug)),
    events: selected,
  };
}

describe('exports of more events than one batch', () => {
  it('holds the generated events, more than two batches of them', async () => {
    const records = await loadEventRecords((await readEventView(request(`/events.csv?topic=${ALL}`))).resolved.where, 'asc');
    expect(records.length).toBeGreaterThan(2 * EXPORT_BATCH_SIZE);
    expect(records.length).toBe(EVENT_COUNT - Math.ceil(EVENT_COUNT / 97));
  });

  it('/events.csv is byte for byte the file written from one query, in either order and at another batch size', async () => {
    for (const path of [`/events.csv?topic=${ALL}`, `/events.csv?topic=${ALL}&order=desc`, '/events.csv']) {
      const view = await readEventView(request(path));
      const records = await loadEventRecords(view.resolved.where, view.query.order === 'desc' ? 'desc' : 'asc');
      const expected = encode(eventsCsv(records, view.origin));
      expect(await bytesOf(await getCsv(request(path))), path).toEqual(expected);
      expect(await bytesOfBody((await csvFile(request(path), { batchSize: SMALL_BATCH })).body), path).toEqual(expected);
    }
    // '/events.csv' is every event the other test files stored too (thousands), written three times over.
  }, 180_000);

  it('/events.ics is byte for byte the calendar ical-generator writes of every event at once', async () => {
    for (const path of [`/events.ics?topic=${ALL}`, `/events.ics?topic=${ALL}&type=postponed`]) {
      const view = await readEventView(request(path));
      const expected = encode(eventsCalendar(await loadEventRecords(view.resolved.where, 'asc'), viewOptions(view)));
      expect(await bytesOf(await getCalendar(request(path))), path).toEqual(expected);
      expect(await bytesOfBody((await calendarFile(request(path), { batchSize: SMALL_BATCH })).body), path).toEqual(expected);
    }
  });

  it('/api/timelinejs is byte for byte the document stringified whole, notices included', async () => {
    for (const path of [`/api/timelinejs?topic=${ALL}`, `/api/timelinejs?topic=${ALL}&type=nope`, `/api/timelinejs?topic=${s('nothing')}&actor=${s('person')}`]) {
      const view = await readEventView(request(path));
      const records = await loadEventRecords(view.resolved.where, 'asc');
      const expected = encode(JSON.stringify({ ...timelineDocument(records, viewOptions(view)), notices: view.notices }));
      expect(await bytesOf(await getTimelineJs(request(path))), path).toEqual(expected);
      expect(await bytesOfBody((await timelineJs(request(path), { batchSize: SMALL_BATCH })).body), path).toEqual(expected);
    }
  });

  it('/api/export is byte for byte the dataset exported whole, for the whole dataset and for a selection', async () => {
    expect(await bytesOf(await getExport(request('/api/export')))).toEqual(encode(serializeDataset(await referenceExport())));
    for (const path of [`/api/export?topic=${ALL}`, `/api/export?topic=${ALL}&agency=${s('agency')}`, `/api/export?topic=${s('topic-b')}&type=postponed`]) {
      const { where } = (await readEventView(request(path))).resolved;
      const expected = serializeDataset(await referenceExport({ eventWhere: where }));
      expect(await bytesOf(await getExport(request(path))), path).toEqual(encode(expected));
      expect(await textOf(serializedDatasetPieces(datasetBatches(db, { eventWhere: where }, SMALL_BATCH))), path).toBe(expected);
    }
    // The whole dataset is every event the other test files stored too (thousands): exported four times over.
  }, 180_000);
});

/** Reads a body chunk by chunk, noting how many batch queries had run before each chunk arrived. */
async function readChunks(body: ReadableStream<Uint8Array>, queries: () => number) {
  const reader = body.getReader();
  const chunks: Array<{ bytes: number; queriesBefore: number }> = [];
  for (;;) {
    const queriesBefore = queries();
    const { done, value } = await reader.read();
    if (done) return chunks;
    chunks.push({ bytes: value.byteLength, queriesBefore });
  }
}

const ROUTES: Array<[string, (request: Request) => Promise<Response>]> = [
  [`/events.csv?topic=${ALL}`, getCsv],
  [`/events.ics?topic=${ALL}`, getCalendar],
  [`/api/timelinejs?topic=${ALL}`, getTimelineJs],
  [`/api/export?topic=${ALL}`, getExport],
];

describe('the exports stream', () => {
  const batches = Math.ceil((EVENT_COUNT - Math.ceil(EVENT_COUNT / 97)) / EXPORT_BATCH_SIZE);

  it('deliver the body in pieces, each batch read only when the client asks for more', async () => {
    for (const [path, route] of ROUTES) {
      const findMany = vi.spyOn(db.event, 'findMany');
      const response = await route(request(path));
      expect(response.body, path).toBeInstanceOf(ReadableStream);
      const chunks = await readChunks(response.body!, () => findMany.mock.calls.length);
      // A head, one piece per batch, a tail.
      expect(chunks.length, path).toBeGreaterThanOrEqual(batches + 1);
      // Before the client had taken the first piece, at most one batch was read ahead.
      expect(chunks[0].queriesBefore, path).toBeLessThanOrEqual(1);
      expect(findMany.mock.calls.length, path).toBeGreaterThanOrEqual(batches);
      findMany.mockRestore();
    }
  });

  it('end with an error, not a file that looks complete, when the database fails part-way', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [path, route] of ROUTES) {
      const findMany = db.event.findMany.bind(db.event);
      let calls = 0;
      const spy = vi.spyOn(db.event, 'findMany').mockImplementation(((args: Prisma.EventFindManyArgs) =>
        ++calls === 2 ? Promise.reject(new Error('disk I/O error')) : findMany(args)) as typeof db.event.findMany);
      const response = await route(request(path));
      expect(response.status, path).toBe(200);
      await expect(response.text(), path).rejects.toThrow('disk I/O error');
      spy.mockRestore();
    }
  });
});
