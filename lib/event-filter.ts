import { AGENCY_KINDS, findActorsBySlugs, withDescendantIds } from '@/lib/actors';
import { db } from '@/lib/db';
import type { EventFilter } from '@/lib/filters';
import { dateBound } from '@/lib/filters';
import type { Prisma } from '@/lib/generated/prisma/client';
import { searchTerms, wordStart } from '@/lib/search';
import type { ActorKind } from '@/lib/vocabulary';

/** A condition selecting events, as built here or by a page's own scope. */
export type EventWhere = Prisma.EventWhereInput;

export const DIMENSIONS = ['actors', 'agencies', 'types', 'topics', 'jurisdictions', 'policies', 'dates', 'q'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface ResolvedFilter {
  /** Every condition of the filter (and live events only). */
  where: EventWhere;
  /** The same without one dimension: what facet counts for that dimension are computed under. */
  whereWithout: (dimension: Dimension) => EventWhere;
  /** The filter with unknown values removed, as it was applied. */
  applied: EventFilter;
  /** Display names of the applied actors, agencies, topics and policies, by slug. */
  names: Record<string, string>;
  /** The normalized search terms, for ranking and highlighting. */
  terms: string[];
  notices: string[];
}

const LIVE: EventWhere = { deletedAt: null };

/** Keeps the slugs that exist, noting the others. */
function known<T extends { slug: string }>(slugs: string[], found: T[], label: string, notices: string[]): T[] {
  const bySlug = new Map(found.map((row) => [row.slug, row]));
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
  const conditions: Partial<Record<Dimension, EventWhere>> = {};

  const [actorRows, topicRows, policyRows] = await Promise.all([
    findActorsBySlugs([...filter.actors, ...filter.agencies]),
    filter.topics.length ? db.topic.findMany({ where: { slug: { in: filter.topics } }, select: { id: true, slug: true, name: true } }) : [],
    filter.policies.length
      ? db.policy.findMany({ where: { slug: { in: filter.policies }, deletedAt: null }, select: { id: true, slug: true, title: true } })
      : [],
  ]);

  const actors = known(filter.actors, actorRows, 'actor', notices);
  actors.forEach((actor) => (names[actor.slug] = actor.name));
  if (actors.length) conditions.actors = { actors: { some: { actorId: { in: actors.map((actor) => actor.id) } } } };

  const agencies = known(filter.agencies, actorRows, 'agency', notices).filter((actor) => {
    if (AGENCY_KINDS.includes(actor.kind as ActorKind)) return true;
    notices.push(`"${actor.name}" is not an agency; use it as an actor filter instead. That filter was ignored.`);
    return false;
  });
  agencies.forEach((agency) => (names[agency.slug] = agency.name));
  if (agencies.length) {
    const ids = await withDescendantIds(agencies.map((agency) => agency.id));
    conditions.agencies = { actors: { some: { actorId: { in: ids } } } };
  }

  if (filter.types.length) conditions.types = { type: { in: filter.types } };

  const topics = known(filter.topics, topicRows, 'topic', notices);
  topics.forEach((topic) => (names[topic.slug] = topic.name));
  if (topics.length) conditions.topics = { topics: { some: { topicId: { in: topics.map((topic) => topic.id) } } } };

  if (filter.jurisdictions.length) conditions.jurisdictions = { jurisdiction: { in: filter.jurisdictions } };

  const policies = known(filter.policies, policyRows, 'policy', notices);
  policies.forEach((policy) => (names[policy.slug] = policy.title));
  if (policies.length) conditions.policies = { policyId: { in: policies.map((policy) => policy.id) } };

  // Overlap: the event may have happened inside the window when its range meets it.
  const from = filter.from ? dateBound(filter.from, 'from') : null;
  const to = filter.to ? dateBound(filter.to, 'to') : null;
  if (from || to) {
    conditions.dates = { AND: [...(from ? [{ dateLatest: { gte: from } }] : []), ...(to ? [{ dateEarliest: { lte: to } }] : [])] };
  }

  const terms = filter.q ? searchTerms(filter.q) : [];
  if (filter.q && terms.length === 0) notices.push(`Ignored the search "${filter.q.slice(0, 40)}": search for words of two or more letters.`);
  if (terms.length) conditions.q = { AND: terms.map((term) => ({ searchText: { contains: wordStart(term) } })) };

  const combine = (except?: Dimension): EventWhere => ({
    AND: [LIVE, ...Object.entries(conditions).filter(([dimension]) => dimension !== except).map(([, condition]) => condition)],
  });

  return {
    where: combine(),
    whereWithout: combine,
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
