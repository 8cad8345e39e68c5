import { findActorsBySlugs, withDescendantIds, AGENCY_KINDS } from '@/lib/actors';
import { db } from '@/lib/db';
import { parseEdtf } from '@/lib/dates';
import type { EventFilter, TimelineQuery } from '@/lib/filters';
import { PAGE_SIZE } from '@/lib/filters';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { ActorKind, ActorRole, Availability, EventType, RelationType } from '@/lib/vocabulary';

/** A condition selecting events, as built by resolveEventFilter or a page's own scope. */
export type EventWhere = Prisma.EventWhereInput;

export interface ResolvedFilter {
  where: Prisma.EventWhereInput;
  /** The filter with unknown values removed, as it was applied. */
  applied: EventFilter;
  /** Display names of the applied actors and agencies, by slug. */
  names: Record<string, string>;
  notices: string[];
}

/** Turns slugs into database conditions; unknown slugs become notices and are left out. */
export async function resolveEventFilter(filter: EventFilter): Promise<ResolvedFilter> {
  const notices: string[] = [];
  const names: Record<string, string> = {};
  const conditions: Prisma.EventWhereInput[] = [];
  const found = await findActorsBySlugs([...filter.actors, ...filter.agencies]);
  const bySlug = new Map(found.map((actor) => [actor.slug, actor]));

  const actors = filter.actors.filter((slug) => {
    const actor = bySlug.get(slug);
    if (!actor) notices.push(`No actor "${slug}" is recorded; that filter was ignored.`);
    else names[slug] = actor.name;
    return Boolean(actor);
  });
  if (actors.length > 0) {
    const ids = actors.map((slug) => bySlug.get(slug)!.id);
    conditions.push({ actors: { some: { actorId: { in: ids } } } });
  }

  const agencies = filter.agencies.filter((slug) => {
    const actor = bySlug.get(slug);
    if (!actor) notices.push(`No agency "${slug}" is recorded; that filter was ignored.`);
    else if (!AGENCY_KINDS.includes(actor.kind as ActorKind)) {
      notices.push(`"${actor.name}" is not an agency; use it as an actor filter instead. That filter was ignored.`);
      return false;
    } else names[slug] = actor.name;
    return Boolean(actor);
  });
  if (agencies.length > 0) {
    const ids = await withDescendantIds(agencies.map((slug) => bySlug.get(slug)!.id));
    conditions.push({ actors: { some: { actorId: { in: ids } } } });
  }

  return { where: conditions.length > 0 ? { AND: conditions } : {}, applied: { actors, agencies }, names, notices };
}

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
  /** Cursors for the neighbouring pages, or null at either end. */
  nextAfter: string | null;
  previousBefore: string | null;
  notices: string[];
}

function chronologicalOrder(direction: 'asc' | 'desc'): Prisma.EventOrderByWithRelationInput[] {
  return [{ dateSortKey: direction }, { dateLatest: direction }, { slug: direction }];
}

/**
 * One page of the chronology. Pages are cut by keyset (the slug of a page's
 * edge event), so a page deep in thousands of events costs the same as the first.
 */
export async function listEvents(query: TimelineQuery, where: Prisma.EventWhereInput, pageSize = PAGE_SIZE): Promise<EventPage> {
  const notices: string[] = [];
  let { after, before } = query;
  const cursorSlug = after ?? before;
  if (cursorSlug && !(await db.event.findUnique({ where: { slug: cursorSlug }, select: { slug: true } }))) {
    notices.push('That page position no longer exists; showing the first page.');
    after = null;
    before = null;
  }

  const orderBy = chronologicalOrder(query.order);
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      select: eventSummarySelect,
      orderBy,
      ...(after ? { cursor: { slug: after }, skip: 1 } : {}),
      ...(before ? { cursor: { slug: before }, skip: 1, take: -(pageSize + 1) } : { take: pageSize + 1 }),
    }),
    db.event.count({ where }),
  ]);

  const hasMore = rows.length > pageSize;
  // With a negative take the extra row is the first one; otherwise it is the last.
  const page = hasMore ? (before ? rows.slice(1) : rows.slice(0, pageSize)) : rows;
  const first = page[0]?.slug ?? null;
  const last = page[page.length - 1]?.slug ?? null;
  return {
    events: page.map(toSummary),
    total,
    nextAfter: (before ? true : hasMore) ? last : null,
    previousBefore: (before ? hasMore : Boolean(after)) ? first : null,
    notices,
  };
}

export interface MonthlyActivity {
  /** Every month from the first to the last dated one, with zero-count months filled in. */
  months: Array<{ month: string; count: number }>;
  /** Events dated only to a year (or open at the start), which belong to no month. */
  withoutMonth: number;
}

/** Events per month under a filter, by the month each event starts in. */
export async function monthlyActivity(where: Prisma.EventWhereInput): Promise<MonthlyActivity> {
  const rows = await db.event.findMany({ where, select: { date: true } });
  const counts = new Map<string, number>();
  let withoutMonth = 0;
  for (const row of rows) {
    const parsed = parseEdtf(row.date);
    const start = parsed.ok ? parsed.date.start : null;
    if (!start || start.month === undefined) {
      withoutMonth++;
      continue;
    }
    const key = `${String(start.year).padStart(4, '0')}-${String(start.month).padStart(2, '0')}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()].sort();
  const months: MonthlyActivity['months'] = [];
  if (keys.length > 0) {
    let [year, month] = keys[0].split('-').map(Number);
    const [lastYear, lastMonth] = keys[keys.length - 1].split('-').map(Number);
    while (year < lastYear || (year === lastYear && month <= lastMonth)) {
      const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      months.push({ month: key, count: counts.get(key) ?? 0 });
      month = month === 12 ? 1 : month + 1;
      if (month === 1) year++;
    }
  }
  return { months, withoutMonth };
}

const eventDetailInclude = {
  policy: { select: { slug: true, title: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
  actors: {
    select: { role: true, actor: { select: { slug: true, name: true, kind: true } } },
    orderBy: { position: 'asc' },
  },
  citations: { include: { source: true }, orderBy: { position: 'asc' } },
  relationsFrom: { select: { type: true, to: { select: { slug: true, title: true, date: true } } } },
  relationsTo: { select: { type: true, from: { select: { slug: true, title: true, date: true } } } },
} satisfies Prisma.EventInclude;

type EventDetailRow = Prisma.EventGetPayload<{ include: typeof eventDetailInclude }>;

export interface EventDetail {
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
  const row = await db.event.findUnique({ where: { slug }, include: eventDetailInclude });
  return row ? toDetail(row) : null;
}
