import { parseEdtf } from '@/lib/dates';
import type { TimelineQuery } from '@/lib/filters';
import { dateBound, PAGE_SIZE } from '@/lib/filters';
import type { ResolvedFilter } from '@/lib/event-filter';
import { activityCounts, chronologicalIds, matchesBefore, rankedIds, selectEvents, type SortPosition } from '@/lib/event-index';
import { Prisma } from '@/lib/db';
import { snippetAround } from '@/lib/search';
import { readRow, readRows } from '@/lib/sql-reader';
import type { ActorKind, ActorRole, Availability, EventType, RelationType } from '@/lib/vocabulary';

export { resolveEventFilter, type EventWhere, type ResolvedFilter } from '@/lib/event-filter';

export interface EventSummary {
  slug: string;
  title: string;
  date: string;
  type: EventType;
  jurisdiction: string;
  policy: { slug: string; title: string } | null;
  actors: Array<{ slug: string; name: string; role: ActorRole }>;
  sourceCount: number;
  /** For search results: the passage (summary or quote) where the terms occur. */
  snippet?: string;
}

interface SummaryRow {
  id: string;
  slug: string;
  title: string;
  summary: string;
  date: string;
  type: string;
  jurisdiction: string;
  policySlug: string | null;
  policyTitle: string | null;
  sourceCount: number;
}

/** An event row's policy, from the "policy" columns of its join, or null. */
const policyOf = (row: { policySlug: string | null; policyTitle: string | null }) =>
  row.policySlug !== null && row.policyTitle !== null ? { slug: row.policySlug, title: row.policyTitle } : null;

/** Summaries of these events with their actors in order, keyed by id. */
async function loadSummaries(ids: string[]): Promise<Map<string, SummaryRow & { actors: EventSummary['actors'] }>> {
  if (ids.length === 0) return new Map();
  const list = Prisma.join(ids);
  const [rows, links] = await Promise.all([
    readRows<SummaryRow>(Prisma.sql`
      SELECT "Event"."id", "Event"."slug", "Event"."title", "Event"."summary", "Event"."date", "Event"."type", "Event"."jurisdiction",
        "Policy"."slug" AS "policySlug", "Policy"."title" AS "policyTitle",
        (SELECT COUNT(*) FROM "Citation" WHERE "Citation"."eventId" = "Event"."id") AS "sourceCount"
      FROM "Event" LEFT JOIN "Policy" ON "Policy"."id" = "Event"."policyId"
      WHERE "Event"."id" IN (${list})`),
    readRows<{ eventId: string; role: string; slug: string; name: string }>(Prisma.sql`
      SELECT "EventActor"."eventId", "EventActor"."role", "Actor"."slug", "Actor"."name"
      FROM "EventActor" JOIN "Actor" ON "Actor"."id" = "EventActor"."actorId"
      WHERE "EventActor"."eventId" IN (${list}) ORDER BY "EventActor"."eventId", "EventActor"."position"`),
  ]);
  const actors = new Map<string, EventSummary['actors']>();
  for (const link of links) {
    const list = actors.get(link.eventId) ?? [];
    list.push({ slug: link.slug, name: link.name, role: link.role as ActorRole });
    actors.set(link.eventId, list);
  }
  return new Map(rows.map((row) => [row.id, { ...row, actors: actors.get(row.id) ?? [] }]));
}

function toSummary(row: SummaryRow & { actors: EventSummary['actors'] }): EventSummary {
  return {
    slug: row.slug,
    title: row.title,
    date: row.date,
    type: row.type as EventType,
    jurisdiction: row.jurisdiction,
    policy: policyOf(row),
    actors: row.actors,
    sourceCount: Number(row.sourceCount),
  };
}

/** Summaries in the order of `ids` (ids no longer found are left out). */
async function summariesInOrder(ids: string[]) {
  const byId = await loadSummaries(ids);
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export interface EventPage {
  events: EventSummary[];
  total: number;
  /** Cursors for the neighbouring pages in chronological order, or null at either end. */
  nextAfter: string | null;
  previousBefore: string | null;
  /** Page numbers for the neighbouring pages in relevance order, or null. */
  nextPage: number | null;
  previousPage: number | null;
  /** How many matching events come before this page in its order (so the page is the ⌊offset / size⌋ + 1st). */
  offset: number;
  notices: string[];
}

type Direction = 'asc' | 'desc';

/**
 * The chronology's order: by the day an event sorts on; among events starting
 * the same day, the less precise first ("May 2026" before "May 1–22, 2026"),
 * as an undated-within-the-period event heads its period; then by slug.
 * `desc` is the exact reverse.
 */
export function chronologicalOrder(direction: Direction): Prisma.EventOrderByWithRelationInput[] {
  const reverse: Direction = direction === 'asc' ? 'desc' : 'asc';
  return [{ dateSortKey: direction }, { dateLatest: reverse }, { slug: direction }];
}

/** Where a view's events come from: a resolved filter, optionally narrowed by the caller's own condition over "Event". */
export interface EventSource {
  filter: ResolvedFilter;
  scope?: Prisma.Sql;
}

/**
 * One page of the chronology. Pages are cut by keyset — the sort position of
 * the event at a page's edge — so a page deep in thousands of events costs the
 * same as the first, and a cursor works even if that event is outside the
 * filter or has since been deleted. The filter index (lib/event-index.ts) finds
 * the page's events and the total; the database gives their rows.
 */
export async function listEvents(query: TimelineQuery, source: EventSource, pageSize = PAGE_SIZE): Promise<EventPage> {
  const notices: string[] = [];
  const cursorSlug = query.after ?? query.before;
  const cursor = cursorSlug
    ? ((await readRow<SortPosition>(
        Prisma.sql`SELECT "dateSortKey", "dateLatest", "slug" FROM "Event" WHERE "slug" = ${cursorSlug}`,
      )) ?? null)
    : null;
  if (cursorSlug && !cursor) notices.push('That page position no longer exists; showing the first page.');
  const after = cursor && query.after ? cursor : null;
  const before = cursor && query.before ? cursor : null;

  // Reading backwards (a "previous" page) walks the order in reverse, then flips the rows back.
  const order: Direction = query.order === 'desc' ? 'desc' : 'asc';
  const readDirection: Direction = before ? (order === 'asc' ? 'desc' : 'asc') : order;
  const edge = after ?? before;
  // A jump to a year or month starts the page at the first event sorting into it (or, newest first, at its end).
  const jump = !edge && query.at ? dateBound(query.at, order === 'asc' ? 'from' : 'to') : null;
  const selection = await selectEvents(source.filter.parts, source.scope);
  const ids = chronologicalIds(selection, readDirection, edge ? { beyond: edge } : jump ? { from: jump } : null, pageSize + 1);
  if (jump && ids.length === 0 && selection.total > 0) {
    const side = order === 'asc' ? 'from' : 'up to';
    const fallback = await listEvents({ ...query, at: null }, source, pageSize);
    return { ...fallback, notices: [...notices, `No events are recorded ${side} ${query.at}; showing the first page.`, ...fallback.notices] };
  }
  const hasMore = ids.length > pageSize;
  const pageIds = hasMore ? ids.slice(0, pageSize) : ids;
  if (before) pageIds.reverse();
  // The matching events before the page in its order.
  const offset = pageIds.length === 0 ? 0 : matchesBefore(selection, pageIds[0], order);
  const page = await summariesInOrder(pageIds);
  const first = page[0]?.slug ?? null;
  const last = page[page.length - 1]?.slug ?? null;
  return {
    events: page.map(toSummary),
    total: selection.total,
    // Going forward there is a next page when a row was left over; coming back, there is always the page we came from.
    nextAfter: (before ? page.length > 0 : hasMore) ? last : null,
    previousBefore: offset > 0 ? first : null,
    nextPage: null,
    previousPage: null,
    offset,
    notices,
  };
}

/**
 * One page of search results, best match first (ties in chronological order).
 * Every match is scored by the database, so pages are numbered rather than cut by date.
 */
export async function searchEvents(query: TimelineQuery, source: EventSource, pageSize = PAGE_SIZE): Promise<EventPage> {
  const { terms } = source.filter;
  const selection = await selectEvents(source.filter.parts, source.scope);
  const { total } = selection;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const notices = query.page > pages ? [`There is no page ${query.page}; showing the first page.`] : [];
  const pageNumber = query.page > pages ? 1 : query.page;
  const ids = rankedIds(selection, (pageNumber - 1) * pageSize, pageSize);
  const [rows, quotes] = await Promise.all([
    summariesInOrder(ids),
    ids.length === 0
      ? []
      : readRows<{ eventId: string; quote: string | null }>(
          Prisma.sql`SELECT "eventId", "quote" FROM "Citation" WHERE "eventId" IN (${Prisma.join(ids)}) ORDER BY "eventId", "position"`,
        ),
  ]);
  const quotesOf = new Map<string, string[]>();
  for (const row of quotes) quotesOf.set(row.eventId, [...(quotesOf.get(row.eventId) ?? []), row.quote ?? '']);
  const events = rows.map((row) => {
    const passages = [row.summary, ...(quotesOf.get(row.id) ?? [])];
    const snippet = passages.map((passage) => snippetAround(passage, terms)).find((found) => found !== null) ?? undefined;
    return { ...toSummary(row), snippet };
  });
  return {
    events,
    total,
    nextAfter: null,
    previousBefore: null,
    nextPage: pageNumber < pages ? pageNumber + 1 : null,
    previousPage: pageNumber > 1 ? pageNumber - 1 : null,
    offset: (pageNumber - 1) * pageSize,
    notices,
  };
}

/** A page of events in the order the query asks for. */
export async function pageOfEvents(query: TimelineQuery, source: EventSource, pageSize = PAGE_SIZE): Promise<EventPage> {
  return query.order === 'relevance' && source.filter.terms.length > 0 ? searchEvents(query, source, pageSize) : listEvents(query, source, pageSize);
}

export interface MonthlyActivity {
  /** Every month from the first to the last dated one, with zero-count months filled in. */
  months: Array<{ month: string; count: number; byType: Partial<Record<EventType, number>> }>;
  /** Events that belong to no month: dated only to a year, or with an unknown (open) start. */
  yearOnly: number;
  openStart: number;
}

const monthKey = (year: number, month: number) => `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;

/**
 * Events per month under a filter, by the month each event starts in, split by
 * event type; counted by the filter index from the derived start month.
 */
export async function monthlyActivity(source: EventSource): Promise<MonthlyActivity> {
  const { byMonth, yearOnly, openStart } = activityCounts(await selectEvents(source.filter.parts, source.scope));
  const keys = [...byMonth.keys()].sort();
  const months: MonthlyActivity['months'] = [];
  if (keys.length > 0) {
    let [year, month] = keys[0].split('-').map(Number);
    const [lastYear, lastMonth] = keys[keys.length - 1].split('-').map(Number);
    while (year < lastYear || (year === lastYear && month <= lastMonth)) {
      const key = monthKey(year, month);
      const byType: Partial<Record<EventType, number>> = {};
      for (const [type, count] of byMonth.get(key) ?? []) byType[type as EventType] = count;
      months.push({ month: key, count: Object.values(byType).reduce((sum, count) => sum + (count ?? 0), 0), byType });
      month = month === 12 ? 1 : month + 1;
      if (month === 1) year++;
    }
  }
  return { months, yearOnly, openStart };
}

export interface EventDetail {
  id: string;
  slug: string;
  title: string;
  summary: string;
  date: string;
  type: EventType;
  jurisdiction: string;
  updatedAt: Date;
  policy: { slug: string; title: string } | null;
  topics: Array<{ slug: string; name: string }>;
  actors: Array<{ slug: string; name: string; kind: ActorKind; role: ActorRole }>;
  citations: Array<{
    id: number;
    quote: string | null;
    source: {
      id: string;
      title: string;
      publisher: string | null;
      publishedOn: string | null;
      url: string | null;
      availability: Availability;
      archiveUrl: string | null;
    };
  }>;
  /** Related events, each read from this event's side ("Follows", "Followed by"). */
  relations: Array<{ type: RelationType; direction: 'outgoing' | 'incoming'; event: { slug: string; title: string; date: string } }>;
}

/** A live event with everything its page shows, read in six small queries by the event's id. */
export async function getEventBySlug(slug: string): Promise<EventDetail | null> {
  const event = await readRow<{
    id: string;
    slug: string;
    title: string;
    summary: string;
    date: string;
    type: string;
    jurisdiction: string;
    updatedAt: string;
    policySlug: string | null;
    policyTitle: string | null;
  }>(Prisma.sql`
    SELECT "Event"."id", "Event"."slug", "Event"."title", "Event"."summary", "Event"."date", "Event"."type", "Event"."jurisdiction",
      "Event"."updatedAt", "Policy"."slug" AS "policySlug", "Policy"."title" AS "policyTitle"
    FROM "Event" LEFT JOIN "Policy" ON "Policy"."id" = "Event"."policyId"
    WHERE "Event"."slug" = ${slug} AND "Event"."deletedAt" IS NULL`);
  if (!event) return null;
  const id = event.id;
  type Related = { type: string; slug: string; title: string; date: string };
  const [topics, actors, citations, outgoing, incoming] = await Promise.all([
    readRows<{ slug: string; name: string }>(Prisma.sql`
      SELECT "Topic"."slug", "Topic"."name" FROM "EventTopic" JOIN "Topic" ON "Topic"."id" = "EventTopic"."topicId"
      WHERE "EventTopic"."eventId" = ${id} ORDER BY "Topic"."name" ASC`),
    readRows<{ role: string; slug: string; name: string; kind: string }>(Prisma.sql`
      SELECT "EventActor"."role", "Actor"."slug", "Actor"."name", "Actor"."kind" FROM "EventActor" JOIN "Actor" ON "Actor"."id" = "EventActor"."actorId"
      WHERE "EventActor"."eventId" = ${id} ORDER BY "EventActor"."position" ASC`),
    readRows<{
      id: number;
      quote: string | null;
      sourceId: string;
      title: string;
      publisher: string | null;
      publishedOn: string | null;
      url: string | null;
      availability: string;
      archiveUrl: string | null;
    }>(Prisma.sql`
      SELECT "Citation"."id", "Citation"."quote", "Source"."id" AS "sourceId", "Source"."title", "Source"."publisher", "Source"."publishedOn",
        "Source"."url", "Source"."availability", "Source"."archiveUrl"
      FROM "Citation" JOIN "Source" ON "Source"."id" = "Citation"."sourceId"
      WHERE "Citation"."eventId" = ${id} ORDER BY "Citation"."position" ASC`),
    readRows<Related>(Prisma.sql`
      SELECT "EventRelation"."type", "Event"."slug", "Event"."title", "Event"."date" FROM "EventRelation" JOIN "Event" ON "Event"."id" = "EventRelation"."toEventId"
      WHERE "EventRelation"."fromEventId" = ${id} AND "Event"."deletedAt" IS NULL`),
    readRows<Related>(Prisma.sql`
      SELECT "EventRelation"."type", "Event"."slug", "Event"."title", "Event"."date" FROM "EventRelation" JOIN "Event" ON "Event"."id" = "EventRelation"."fromEventId"
      WHERE "EventRelation"."toEventId" = ${id} AND "Event"."deletedAt" IS NULL`),
  ]);
  const related = (relation: Related, direction: 'outgoing' | 'incoming') => ({
    type: relation.type as RelationType,
    direction,
    event: { slug: relation.slug, title: relation.title, date: relation.date },
  });
  const relations: EventDetail['relations'] = [...outgoing.map((relation) => related(relation, 'outgoing')), ...incoming.map((relation) => related(relation, 'incoming'))];
  relations.sort((a, b) => {
    const aKey = parseEdtf(a.event.date);
    const bKey = parseEdtf(b.event.date);
    return (aKey.ok ? aKey.date.sortKey : '').localeCompare(bKey.ok ? bKey.date.sortKey : '') || a.event.slug.localeCompare(b.event.slug);
  });
  return {
    id,
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    date: event.date,
    type: event.type as EventType,
    jurisdiction: event.jurisdiction,
    updatedAt: new Date(event.updatedAt),
    policy: policyOf(event),
    topics,
    actors: actors.map((actor) => ({ slug: actor.slug, name: actor.name, kind: actor.kind as ActorKind, role: actor.role as ActorRole })),
    citations: citations.map((citation) => ({
      id: citation.id,
      quote: citation.quote,
      source: {
        id: citation.sourceId,
        title: citation.title,
        publisher: citation.publisher,
        publishedOn: citation.publishedOn,
        url: citation.url,
        availability: citation.availability as Availability,
        archiveUrl: citation.archiveUrl,
      },
    })),
    relations,
  };
}
