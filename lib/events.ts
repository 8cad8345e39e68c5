import { db } from '@/lib/db';
import { OPEN_START, parseEdtf } from '@/lib/dates';
import type { EventWhere } from '@/lib/event-filter';
import type { TimelineQuery } from '@/lib/filters';
import { PAGE_SIZE } from '@/lib/filters';
import type { Prisma } from '@/lib/generated/prisma/client';
import { relevance, snippetAround } from '@/lib/search';
import type { ActorKind, ActorRole, Availability, EventType, RelationType } from '@/lib/vocabulary';

export { resolveEventFilter, type EventWhere, type ResolvedFilter } from '@/lib/event-filter';

const eventSummarySelect = {
  slug: true,
  title: true,
  date: true,
  type: true,
  jurisdiction: true,
  policy: { select: { slug: true, title: true } },
  actors: {
    select: { role: true, actor: { select: { slug: true, name: true } } },
    orderBy: { position: 'asc' },
  },
  _count: { select: { citations: true } },
} satisfies Prisma.EventSelect;

type EventSummaryRow = Prisma.EventGetPayload<{ select: typeof eventSummarySelect }>;

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

function toSummary(row: EventSummaryRow): EventSummary {
  return {
    slug: row.slug,
    title: row.title,
    date: row.date,
    type: row.type as EventType,
    jurisdiction: row.jurisdiction,
    policy: row.policy,
    actors: row.actors.map((link) => ({ slug: link.actor.slug, name: link.actor.name, role: link.role as ActorRole })),
    sourceCount: row._count.citations,
  };
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

/** Events strictly after a position when reading the chronology in `direction`. */
function beyond(position: SortPosition, direction: Direction): Prisma.EventWhereInput {
  const forward = direction === 'asc' ? 'gt' : 'lt';
  const backward = direction === 'asc' ? 'lt' : 'gt';
  const { dateSortKey, dateLatest, slug } = position;
  return {
    // Implied by the OR below, but lets the index jump straight to the cursor instead of scanning from the start.
    dateSortKey: { [direction === 'asc' ? 'gte' : 'lte']: dateSortKey },
    OR: [
      { dateSortKey: { [forward]: dateSortKey } },
      { dateSortKey, dateLatest: { [backward]: dateLatest } },
      { dateSortKey, dateLatest, slug: { [forward]: slug } },
    ],
  };
}

/**
 * One page of the chronology. Pages are cut by keyset — the sort position of
 * the event at a page's edge — so a page deep in thousands of events costs the
 * same as the first, and a cursor works even if that event is outside the
 * filter or has since been deleted.
 */
export async function listEvents(query: TimelineQuery, where: EventWhere, pageSize = PAGE_SIZE): Promise<EventPage> {
  const notices: string[] = [];
  const cursorSlug = query.after ?? query.before;
  const cursor = cursorSlug
    ? await db.event.findUnique({ where: { slug: cursorSlug }, select: { dateSortKey: true, dateLatest: true, slug: true } })
    : null;
  if (cursorSlug && !cursor) notices.push('That page position no longer exists; showing the first page.');
  const after = cursor && query.after ? cursor : null;
  const before = cursor && query.before ? cursor : null;

  // Reading backwards (a "previous" page) walks the order in reverse, then flips the rows back.
  const order: Direction = query.order === 'desc' ? 'desc' : 'asc';
  const readDirection: Direction = before ? (order === 'asc' ? 'desc' : 'asc') : order;
  const edge = after ?? before;
  const pageWhere: EventWhere = edge ? { AND: [where, beyond(edge, readDirection)] } : where;

  const [rows, total] = await Promise.all([
    db.event.findMany({ where: pageWhere, select: eventSummarySelect, orderBy: chronologicalOrder(readDirection), take: pageSize + 1 }),
    db.event.count({ where }),
  ]);

  const hasMore = rows.length > pageSize;
  const page = hasMore ? rows.slice(0, pageSize) : rows;
  if (before) page.reverse();
  const first = page[0]?.slug ?? null;
  const last = page[page.length - 1]?.slug ?? null;
  return {
    events: page.map(toSummary),
    total,
    // Going forward there is a next page when a row was left over; coming back, there is always the page we came from.
    nextAfter: (before ? page.length > 0 : hasMore) ? last : null,
    previousBefore: (before ? hasMore : Boolean(after)) ? first : null,
    nextPage: null,
    previousPage: null,
    notices,
  };
}

/**
 * One page of search results, best match first (ties in chronological order).
 * Every match is scored, so pages are numbered rather than cut by date.
 */
export async function searchEvents(query: TimelineQuery, where: EventWhere, terms: string[], pageSize = PAGE_SIZE): Promise<EventPage> {
  const matches = await db.event.findMany({
    where,
    select: { id: true, title: true, summary: true, searchText: true },
    orderBy: chronologicalOrder('asc'),
  });
  const ranked = matches
    .map((event, position) => ({ id: event.id, position, score: relevance(event, terms) }))
    .sort((a, b) => b.score - a.score || a.position - b.position);
  const pages = Math.max(1, Math.ceil(ranked.length / pageSize));
  const notices = query.page > pages ? [`There is no page ${query.page}; showing the first page.`] : [];
  const pageNumber = query.page > pages ? 1 : query.page;
  const ids = ranked.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((match) => match.id);
  const rows = await db.event.findMany({
    where: { id: { in: ids } },
    select: { ...eventSummarySelect, id: true, summary: true, citations: { select: { quote: true }, orderBy: { position: 'asc' } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const events = ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const passages = [row.summary, ...row.citations.map((citation) => citation.quote ?? '')];
    const snippet = passages.map((passage) => snippetAround(passage, terms)).find((found) => found !== null) ?? undefined;
    return [{ ...toSummary(row), snippet }];
  });
  return {
    events,
    total: ranked.length,
    nextAfter: null,
    previousBefore: null,
    nextPage: pageNumber < pages ? pageNumber + 1 : null,
    previousPage: pageNumber > 1 ? pageNumber - 1 : null,
    notices,
  };
}

/** A page of events in the order the query asks for. */
export async function pageOfEvents(query: TimelineQuery, where: EventWhere, terms: string[], pageSize = PAGE_SIZE): Promise<EventPage> {
  return query.order === 'relevance' && terms.length > 0 ? searchEvents(query, where, terms, pageSize) : listEvents(query, where, pageSize);
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
export async function monthlyActivity(where: EventWhere): Promise<MonthlyActivity> {
  const [rows, withoutMonth] = await Promise.all([
    db.event.groupBy({ by: ['dateStartMonth', 'type'], where: { AND: [where, { dateStartMonth: { not: null } }] }, _count: { _all: true } }),
    db.event.groupBy({ by: ['dateEarliest'], where: { AND: [where, { dateStartMonth: null }] }, _count: { _all: true } }),
  ]);
  const counts = new Map<string, Partial<Record<EventType, number>>>();
  for (const row of rows) {
    const byType = counts.get(row.dateStartMonth!) ?? {};
    byType[row.type as EventType] = row._count._all;
    counts.set(row.dateStartMonth!, byType);
  }
  const openStart = withoutMonth.filter((row) => row.dateEarliest === OPEN_START).reduce((sum, row) => sum + row._count._all, 0);
  const yearOnly = withoutMonth.reduce((sum, row) => sum + row._count._all, 0) - openStart;

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

const eventDetailInclude = {
  policy: { select: { slug: true, title: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
  actors: {
    select: { role: true, actor: { select: { slug: true, name: true, kind: true } } },
    orderBy: { position: 'asc' },
  },
  citations: { include: { source: true }, orderBy: { position: 'asc' } },
  relationsFrom: { where: { to: { deletedAt: null } }, select: { type: true, to: { select: { slug: true, title: true, date: true } } } },
  relationsTo: { where: { from: { deletedAt: null } }, select: { type: true, from: { select: { slug: true, title: true, date: true } } } },
} satisfies Prisma.EventInclude;

type EventDetailRow = Prisma.EventGetPayload<{ include: typeof eventDetailInclude }>;

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

function toDetail(row: EventDetailRow): EventDetail {
  const relations: EventDetail['relations'] = [
    ...row.relationsFrom.map((relation) => ({ type: relation.type as RelationType, direction: 'outgoing' as const, event: relation.to })),
    ...row.relationsTo.map((relation) => ({ type: relation.type as RelationType, direction: 'incoming' as const, event: relation.from })),
  ];
  relations.sort((a, b) => {
    const aKey = parseEdtf(a.event.date);
    const bKey = parseEdtf(b.event.date);
    return (aKey.ok ? aKey.date.sortKey : '').localeCompare(bKey.ok ? bKey.date.sortKey : '') || a.event.slug.localeCompare(b.event.slug);
  });
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    date: row.date,
    type: row.type as EventType,
    jurisdiction: row.jurisdiction,
    updatedAt: row.updatedAt,
    policy: row.policy,
    topics: row.topics.map((link) => link.topic),
    actors: row.actors.map((link) => ({
      slug: link.actor.slug,
      name: link.actor.name,
      kind: link.actor.kind as ActorKind,
      role: link.role as ActorRole,
    })),
    citations: row.citations.map((citation) => ({
      id: citation.id,
      quote: citation.quote,
      source: { ...citation.source, availability: citation.source.availability as Availability },
    })),
    relations,
  };
}

export async function getEventBySlug(slug: string): Promise<EventDetail | null> {
  const row = await db.event.findFirst({ where: { slug, deletedAt: null }, include: eventDetailInclude });
  return row ? toDetail(row) : null;
}
