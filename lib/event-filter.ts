import { catalog } from '@/lib/catalog';
import type { EventFilter } from '@/lib/filters';
import { dateBound } from '@/lib/filters';
import { Prisma } from '@/lib/db';
import { searchTerms, wordStart } from '@/lib/search';
import { eventMatchesTerms } from '@/lib/sql-dialect';

/** A condition selecting events, as built here or by a page's own scope. */
export type EventWhere = Prisma.EventWhereInput;

export const DIMENSIONS = ['actors', 'agencies', 'types', 'topics', 'jurisdictions', 'policies', 'dates', 'q'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ResolvedFilter {
  /** Every condition of the filter (and live events only). */
  where: EventWhere;
  /**
   * The same conditions as SQL over "Event" (for counts and ranking done by the
   * database), optionally without one dimension; a text search reads the
   * full-text index here, where `where` compares the search text.
   */
  sql: (except?: Dimension) => Prisma.Sql;
  /** The same conditions as values, for the filter index (lib/event-index.ts). */
  parts: FilterParts;
  /** The dimensions that narrow the events (a facet of any other is counted under `sql()` itself). */
  active: Dimension[];
  /** The filter with unknown values removed, as it was applied. */
  applied: EventFilter;
  /** Display names of the applied actors, agencies, topics and policies, by slug. */
  names: Record<string, string>;
  /** The normalized search terms, for ranking and highlighting. */
  terms: string[];
  notices: string[];
}

/**
 * A filter's conditions as values: ids of the actors (agencies with everything
 * under them), topics and policies an event must involve one of, the types and
 * jurisdictions it must have one of, the window its dates must meet, the terms
 * its text must hold. A dimension is present only when it narrows the events.
 */
export interface FilterParts {
  actors?: string[];
  agencies?: string[];
  types?: string[];
  topics?: string[];
  jurisdictions?: string[];
  policies?: string[];
  dates?: { from: string | null; to: string | null };
  q?: string[];
}

const LIVE: EventWhere = { deletedAt: null };
const LIVE_SQL = Prisma.sql`"Event"."deletedAt" IS NULL`;

/** A condition in both forms: for Prisma queries, and as SQL for the database's own counts. */
interface Condition {
  where: EventWhere;
  sql: Prisma.Sql;
}

const inList = (values: string[]) => Prisma.join(values);

/** Events involving any of these actors. */
function eventsOfActors(ids: string[]): Condition {
  return {
    where: { actors: { some: { actorId: { in: ids } } } },
    sql: Prisma.sql`"Event"."id" IN (SELECT "eventId" FROM "EventActor" WHERE "actorId" IN (${inList(ids)}))`,
  };
}

/** Keeps the slugs that exist, noting the others. */
function known<T extends { slug: string }>(slugs: string[], bySlug: Map<string, T>, label: string, notices: string[]): T[] {
  return slugs.flatMap((slug) => {
    const row = bySlug.get(slug);
    if (!row) notices.push(`No ${label} "${slug}" is recorded; that filter was ignored.`);
    return row ? [row] : [];
  });
}

/** Turns a parsed filter into database conditions; unknown values become notices and are left out. */
export async function resolveEventFilter(filter: EventFilter): Promise<ResolvedFilter> {
  const notices: string[] = [];
  const names: Record<string, string> = {};
  const conditions: Partial<Record<Dimension, Condition>> = {};
  const parts: FilterParts = {};
  const catalogue = await catalog();

  const actors = known(filter.actors, catalogue.actorBySlug, 'actor', notices);
  actors.forEach((actor) => (names[actor.slug] = actor.name));
  if (actors.length) {
    parts.actors = actors.map((actor) => actor.id);
    conditions.actors = eventsOfActors(parts.actors);
  }

  const agencies = known(filter.agencies, catalogue.actorBySlug, 'agency', notices).filter((actor) => {
    if (catalogue.isAgency(actor)) return true;
    notices.push(`"${actor.name}" is not an agency; use it as an actor filter instead. That filter was ignored.`);
    return false;
  });
  agencies.forEach((agency) => (names[agency.slug] = agency.name));
  if (agencies.length) {
    parts.agencies = catalogue.withDescendants(agencies.map((agency) => agency.id));
    conditions.agencies = eventsOfActors(parts.agencies);
  }

  if (filter.types.length) parts.types = filter.types;
  if (filter.types.length) conditions.types = { where: { type: { in: filter.types } }, sql: Prisma.sql`"Event"."type" IN (${inList(filter.types)})` };

  const topics = known(filter.topics, catalogue.topicBySlug, 'topic', notices);
  topics.forEach((topic) => (names[topic.slug] = topic.name));
  if (topics.length) {
    const ids = topics.map((topic) => topic.id);
    parts.topics = ids;
    conditions.topics = {
      where: { topics: { some: { topicId: { in: ids } } } },
      sql: Prisma.sql`"Event"."id" IN (SELECT "eventId" FROM "EventTopic" WHERE "topicId" IN (${inList(ids)}))`,
    };
  }

  if (filter.jurisdictions.length) {
    parts.jurisdictions = filter.jurisdictions;
    conditions.jurisdictions = {
      where: { jurisdiction: { in: filter.jurisdictions } },
      sql: Prisma.sql`"Event"."jurisdiction" IN (${inList(filter.jurisdictions)})`,
    };
  }

  const policies = known(filter.policies, catalogue.policyBySlug, 'policy', notices);
  policies.forEach((policy) => (names[policy.slug] = policy.title));
  if (policies.length) {
    const ids = policies.map((policy) => policy.id);
    parts.policies = ids;
    conditions.policies = { where: { policyId: { in: ids } }, sql: Prisma.sql`"Event"."policyId" IN (${inList(ids)})` };
  }

  // Overlap: the event may have happened inside the window when its range meets it.
  const from = filter.from ? dateBound(filter.from, 'from') : null;
  const to = filter.to ? dateBound(filter.to, 'to') : null;
  if (from || to) {
    parts.dates = { from, to };
    conditions.dates = {
      where: { AND: [...(from ? [{ dateLatest: { gte: from } }] : []), ...(to ? [{ dateEarliest: { lte: to } }] : [])] },
      sql: Prisma.join(
        [...(from ? [Prisma.sql`"Event"."dateLatest" >= ${from}`] : []), ...(to ? [Prisma.sql`"Event"."dateEarliest" <= ${to}`] : [])],
        ' AND ',
      ),
    };
  }

  const terms = filter.q ? searchTerms(filter.q) : [];
  if (filter.q && terms.length === 0) notices.push(`Ignored the search "${filter.q.slice(0, 40)}": search for words of two or more letters.`);
  if (terms.length) {
    parts.q = terms;
    conditions.q = { where: { AND: terms.map((term) => ({ searchText: { contains: wordStart(term) } })) }, sql: eventMatchesTerms(terms) };
  }

  const except = (dimension?: Dimension) => Object.entries(conditions).filter(([name]) => name !== dimension).map(([, condition]) => condition);
  const combineSql = (dimension?: Dimension): Prisma.Sql => Prisma.join([LIVE_SQL, ...except(dimension).map((condition) => condition.sql)], ' AND ');

  return {
    where: { AND: [LIVE, ...except().map((condition) => condition.where)] },
    sql: combineSql,
    parts,
    active: Object.keys(conditions) as Dimension[],
    applied: {
      actors: actors.map((actor) => actor.slug),
      agencies: agencies.map((agency) => agency.slug),
      types: filter.types,
      topics: topics.map((topic) => topic.slug),
      jurisdictions: filter.jurisdictions,
      policies: policies.map((policy) => policy.slug),
      from: filter.from,
      to: filter.to,
      q: terms.length ? filter.q : null,
    },
    names,
    terms,
    notices,
  };
}
