import { parseEdtf, type EdtfParseResult, type ParsedEdtf } from '@/lib/dates';
import { db } from '@/lib/db';
import type { EventWhere } from '@/lib/event-filter';
import { chronologicalBatches } from '@/lib/exports/batches';
import { loadCsvRelations, type CsvRelations } from '@/lib/exports/event-relations';
import { chronologicalOrder } from '@/lib/events';
import type { Prisma } from '@/lib/db';
import type { ActorRole, Availability, EventType } from '@/lib/vocabulary';

/**
 * Events as the feeds and exports show them, never one query per event: a
 * page (the feed, /api/events) in one Prisma query with every relation; the
 * exports of every event in keyset batches (batches.ts), each reading only
 * what its format shows — EventCore for the calendar and TimelineJS, CsvEvent
 * for the CSV.
 */

/** What the calendar and TimelineJS show of an event: its own columns, no relations. */
const eventCoreSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  date: true,
  dateEarliest: true,
  dateLatest: true,
  dateSortKey: true,
  type: true,
  jurisdiction: true,
  updatedAt: true,
} satisfies Prisma.EventSelect;

/** The own columns the CSV shows, the position columns, and the policy's id, for loadCsvRelations. */
const csvEventSelect = {
  id: true,
  slug: true,
  title: true,
  summary: true,
  date: true,
  dateEarliest: true,
  dateLatest: true,
  dateSortKey: true,
  type: true,
  jurisdiction: true,
  policyId: true,
} satisfies Prisma.EventSelect;

const eventRecordSelect = {
  ...eventCoreSelect,
  policy: { select: { slug: true, title: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
  actors: { select: { role: true, actor: { select: { slug: true, name: true } } }, orderBy: { position: 'asc' } },
  citations: {
    select: {
      quote: true,
      source: { select: { id: true, title: true, publisher: true, url: true, availability: true, archiveUrl: true } },
    },
    orderBy: { position: 'asc' },
  },
} satisfies Prisma.EventSelect;

type EventCoreRow = Prisma.EventGetPayload<{ select: typeof eventCoreSelect }>;
type EventRecordRow = Prisma.EventGetPayload<{ select: typeof eventRecordSelect }>;

/**
 * Parsed dates by EDTF string. Parsing is the costliest step of writing an
 * event out, and an archive repeats dates (many events share a day or a
 * month), so each string is parsed once; the cache is emptied when it grows
 * past DATE_CACHE_SIZE, which bounds its memory whatever the number of events.
 * Parsed dates are only read, never changed, so one object can serve many events.
 */
const DATE_CACHE_SIZE = 20_000;
const parsedDates = new Map<string, EdtfParseResult>();

function parseStoredEdtf(edtf: string): EdtfParseResult {
  let parsed = parsedDates.get(edtf);
  if (!parsed) {
    if (parsedDates.size >= DATE_CACHE_SIZE) parsedDates.clear();
    parsed = parseEdtf(edtf);
    parsedDates.set(edtf, parsed);
  }
  return parsed;
}

/**
 * The stored EDTF date, parsed. Every write validates it, so this cannot fail
 * unless the parser itself changes; then the stored bounds still say honestly
 * which days the event may cover, so they stand in as a day-precision interval.
 */
function storedDate(row: Pick<EventRecordRow, 'date' | 'dateEarliest' | 'dateLatest'>): ParsedEdtf {
  const parsed = parseStoredEdtf(row.date);
  if (parsed.ok) return parsed.date;
  const fallback = parseEdtf(`${row.dateEarliest}/${row.dateLatest}`.replace('0000-01-01', '..').replace('9999-12-31', '..'));
  if (fallback.ok) return fallback.date;
  throw new Error(`The stored date "${row.date}" of an event can no longer be read`);
}

function toCore(row: EventCoreRow) {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    date: storedDate(row),
    type: row.type as EventType,
    jurisdiction: row.jurisdiction,
    updatedAt: row.updatedAt,
  };
}

/** An event's own fields, without its policy, topics, actors and citations. */
export type EventCore = ReturnType<typeof toCore>;

function toRecord(row: EventRecordRow) {
  return {
    ...toCore(row),
    policy: row.policy,
    topics: row.topics.map((link) => link.topic),
    actors: row.actors.map((link) => ({ slug: link.actor.slug, name: link.actor.name, role: link.role as ActorRole })),
    citations: row.citations.map((citation) => ({
      quote: citation.quote,
      source: { ...citation.source, availability: citation.source.availability as Availability },
    })),
  };
}

export type EventRecord = ReturnType<typeof toRecord>;

/** Every event matching `where`, in chronological order (or its reverse), optionally only the first `take`. */
export async function loadEventRecords(where: EventWhere, direction: 'asc' | 'desc', take?: number): Promise<EventRecord[]> {
  const rows = await db.event.findMany({ where, select: eventRecordSelect, orderBy: chronologicalOrder(direction), take });
  return rows.map(toRecord);
}

/** How many events match `where`. */
export function countEventRecords(where: EventWhere): Promise<number> {
  return db.event.count({ where });
}

function toCsvEvent(row: Prisma.EventGetPayload<{ select: typeof csvEventSelect }> & CsvRelations) {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    date: storedDate(row),
    type: row.type as EventType,
    jurisdiction: row.jurisdiction,
    policy: row.policy,
    topics: row.topics,
    actors: row.actors.map((actor) => ({ name: actor.name, role: actor.role as ActorRole })),
    citations: row.citations,
  };
}

/** What the CSV shows of an event (an EventRecord holds all of it). */
export type CsvEvent = ReturnType<typeof toCsvEvent>;

/**
 * The events matching `where` as the CSV shows them, in chronological order
 * (or its reverse), in batches of `batchSize` (see batches.ts).
 */
export async function* csvEventBatches(
  where: EventWhere,
  direction: 'asc' | 'desc',
  batchSize?: number,
): AsyncGenerator<CsvEvent[], void, undefined> {
  const batches = chronologicalBatches(where, direction, (query) => db.event.findMany({ ...query, select: csvEventSelect }), batchSize);
  for await (const rows of batches) {
    const relations = await loadCsvRelations(rows);
    yield rows.map((row, index) => toCsvEvent({ ...row, ...relations[index] }));
  }
}

/** The same events with only their own fields (EventCore): for formats that show no relations, a much cheaper read. */
export async function* eventCoreBatches(
  where: EventWhere,
  direction: 'asc' | 'desc',
  batchSize?: number,
): AsyncGenerator<EventCore[], void, undefined> {
  const batches = chronologicalBatches(where, direction, (query) => db.event.findMany({ ...query, select: eventCoreSelect }), batchSize);
  for await (const rows of batches) yield rows.map(toCore);
}

/** Live events by slug, in the order of `slugs` (a page already cut and ordered elsewhere). */
export async function loadEventRecordsBySlug(slugs: string[]): Promise<EventRecord[]> {
  if (slugs.length === 0) return [];
  const rows = await db.event.findMany({ where: { slug: { in: slugs }, deletedAt: null }, select: eventRecordSelect });
  const bySlug = new Map(rows.map((row) => [row.slug, row]));
  return slugs.flatMap((slug) => {
    const row = bySlug.get(slug);
    return row ? [toRecord(row)] : [];
  });
}
