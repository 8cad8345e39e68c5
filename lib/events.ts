import { OPEN_START, parseEdtf } from '@/lib/dates';
import type { TimelineQuery } from '@/lib/filters';
import { dateBound, PAGE_SIZE } from '@/lib/filters';
import { Prisma } from '@/lib/generated/prisma/client';
import { snippetAround } from '@/lib/search';
import { containsFlag } from '@/lib/sql-dialect';
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

interface SortPosition {
  dateSortKey: string;
  dateLatest: string;
  slug: string;
}

/** The chronology's order as SQL (see chronologicalOrder). */
const orderSql = (direction: Direction) =>
  direction === 'asc'
    ? Prisma.sql`"Event"."dateSortKey" ASC, "Event"."dateLatest" DESC, "Event"."slug" ASC`
    : Prisma.sql`"Event"."dateSortKey" DESC, "Event"."dateLatest" ASC, "Event"."slug" DESC`;

/** Events strictly after a position when reading the chronology in `direction`. */
function beyond({ dateSortKey, dateLatest, slug }: SortPosition, direction: Direction): Prisma.Sql {
  // The first comparison is implied by the rest, but lets the index jump straight to the cursor.
  return direction === 'asc'
    ? Prisma.sql`"Event"."dateSortKey" >= ${dateSortKey} AND ("Event"."dateSortKey" > ${dateSortKey} OR ("Event"."dateSortKey" = ${dateSortKey} AND "Event"."dateLatest" < ${dateLatest}) OR ("Event"."dateSortKey" = ${dateSortKey} AND "Event"."dateLatest" = ${dateLatest} AND "Event"."slug" > ${slug}))`
    : Prisma.sql`"Event"."dateSortKey" <= ${dateSortKey} AND ("Event"."dateSortKey" < ${dateSortKey} OR ("Event"."dateSortKey" = ${dateSortKey} AND "Event"."dateLatest" > ${dateLatest}) OR ("Event"."dateSortKey" = ${dateSortKey} AND "Event"."dateLatest" = ${dateLatest} AND "Event"."slug" < ${slug}))`;
}

async function countEvents(condition: Prisma.Sql): Promise<number> {
  const row = await readRow<{ total: number }>(Prisma.sql`SELECT COUNT(*) AS "total" FROM "Event" WHERE ${condition}`);
  return Number(row?.total ?? 0);
}

/**
 * One page of the chronology. Pages are cut by keyset — the sort position of
 * the event at a page's edge — so a page deep in thousands of events costs the
 * same as the first, and a cursor works even if that event is outside the
 * filter or has since been deleted. `condition` is a filter's SQL (ResolvedFilter.sql()).
 */
export async function listEvents(query: TimelineQuery, condition: Prisma.Sql, pageSize = PAGE_SIZE): Promise<EventPage> {
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
  const pageCondition = edge
    ? Prisma.sql`${condition} AND ${beyond(edge, readDirection)}`
    : jump
      ? Prisma.sql`${condition} AND "Event"."dateSortKey" ${order === 'asc' ? Prisma.sql`>=` : Prisma.sql`<=`} ${jump}`
      : condition;

  const [positionRows, total] = await Promise.all([
    readRows<SortPosition & { id: string }>(
      Prisma.sql`SELECT "Event"."id", "Event"."dateSortKey", "Event"."dateLatest", "Event"."slug" FROM "Event" WHERE ${pageCondition} ORDER BY ${orderSql(readDirection)} LIMIT ${pageSize + 1}`,
    ),
    countEvents(condition),
  ]);
  if (jump && positionRows.length === 0 && total > 0) {
    const side = order === 'asc' ? 'from' : 'up to';
    const fallback = await listEvents({ ...query, at: null }, condition, pageSize);
    return { ...fallback, notices: [...notices, `No events are recorded ${side} ${query.at}; showing the first page.`, ...fallback.notices] };
  }
  const hasMore = positionRows.length > pageSize;
  const positions = hasMore ? positionRows.slice(0, pageSize) : positionRows;
  if (before) positions.reverse();
  // The events before the page in its order, counted by the index the order reads.
  const offset = positions.length === 0 ? 0 : await countEvents(Prisma.sql`${condition} AND ${beyond(positions[0], order === 'asc' ? 'desc' : 'asc')}`);
  const page = await summariesInOrder(positions.map((row) => row.id));
  const first = page[0]?.slug ?? null;
  const last = page[page.length - 1]?.slug ?? null;
  return {
    events: page.map(toSummary),
    total,
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
 * How well an event matches, computed by the database over the normalized
 * columns (the same score as lib/search.ts relevance): per term 1, plus 5 when
 * the title contains it, 2 when the summary does, 1 when it is a whole word.
 */
function scoreSql(terms: string[]): Prisma.Sql {
  const parts = terms.map(
    (term) =>
      Prisma.sql`1 + 5 * ${containsFlag(Prisma.sql`"Event"."searchTitle"`, term)} + 2 * ${containsFlag(Prisma.sql`"Event"."searchSummary"`, term)} + ${containsFlag(Prisma.sql`"Event"."searchText"`, ` ${term} `)}`,
  );
  return Prisma.join(parts, ' + ');
}

/**
 * One page of search results, best match first (ties in chronological order).
 * Every match is scored by the database, so pages are numbered rather than cut by date.
 */
export async function searchEvents(query: TimelineQuery, condition: Prisma.Sql, terms: string[], pageSize = PAGE_SIZE): Promise<EventPage> {
  const total = await countEvents(condition);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const notices = query.page > pages ? [`There is no page ${query.page}; showing the first page.`] : [];
  const pageNumber = query.page > pages ? 1 : query.page;
  const idRows = await readRows<{ id: string }>(Prisma.sql`
    SELECT "Event"."id" FROM "Event" WHERE ${condition}
    ORDER BY (${scoreSql(terms)}) DESC, ${orderSql('asc')}
    LIMIT ${pageSize} OFFSET ${(pageNumber - 1) * pageSize}`);
  const ids = idRows.map((row) => row.id);
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
export async function pageOfEvents(query: TimelineQuery, condition: Prisma.Sql, terms: string[], pageSize = PAGE_SIZE): Promise<EventPage> {
  return query.order === 'relevance' && terms.length > 0 ? searchEvents(query, condition, terms, pageSize) : listEvents(query, condition, pageSize);
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
 * event type; counted by the database from the derived start month.
 */
export async function monthlyActivity(condition: Prisma.Sql): Promise<MonthlyActivity> {
  const [rows, withoutMonth] = await Promise.all([
    readRows<{ month: string; type: string; count: number }>(Prisma.sql`
      SELECT "Event"."dateStartMonth" AS "month", "Event"."type" AS "type", COUNT(*) AS "count" FROM "Event"
      WHERE ${condition} AND "Event"."dateStartMonth" IS NOT NULL GROUP BY "Event"."dateStartMonth", "Event"."type"`),
    readRow<{ total: number; open: number | null }>(Prisma.sql`
      SELECT COUNT(*) AS "total", SUM(CASE WHEN "Event"."dateEarliest" = ${OPEN_START} THEN 1 ELSE 0 END) AS "open" FROM "Event"
      WHERE ${condition} AND "Event"."dateStartMonth" IS NULL`),
  ]);
  const counts = new Map<string, Partial<Record<EventType, number>>>();
  for (const row of rows) {
    const byType = counts.get(row.month) ?? {};
    byType[row.type as EventType] = Number(row.count);
    counts.set(row.month, byType);
  }
  const openStart = Number(withoutMonth?.open ?? 0);
  const yearOnly = Number(withoutMonth?.total ?? 0) - openStart;

  const keys = [...counts.keys()].sort();
  const months: MonthlyActivity['months'] = [];
  if (keys.length > 0) {
    let [year, month] = keys[0].split('-').map(Number);
    const [lastYear, lastMonth] = keys[keys.length - 1].split('-').map(Number);
    while (year < lastYear || (year === lastYear && month <= lastMonth)) {
      const key = monthKey(year, month);
      const byType = counts.get(key) ?? {};
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
