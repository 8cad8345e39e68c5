import { AGENCY_KINDS } from '@/lib/actors';
import { catalog } from '@/lib/catalog';
import { LRUCache } from 'lru-cache';
import { dataVersion } from '@/lib/data-version';
import type { Dimension, ResolvedFilter } from '@/lib/event-filter';
import { Prisma } from '@/lib/generated/prisma/client';
import { readRows } from '@/lib/sql-reader';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@/lib/vocabulary';

/**
 * Facet counts: for each filter, how many events each choice would give under
 * all the other active filters (the filter's own choices combine with OR, so
 * its own selection does not narrow its counts). Counted by the database in one
 * statement: each distinct set of conditions is one common table expression,
 * and every facet groups the events of its set.
 */

export interface FacetOption {
  value: string;
  label: string;
  count: number;
}

export interface Facets {
  types: FacetOption[];
  actors: FacetOption[];
  agencies: FacetOption[];
  topics: FacetOption[];
  jurisdictions: FacetOption[];
  policies: FacetOption[];
}

type FacetName = keyof Facets;

const FACET_DIMENSION: Record<FacetName, Dimension> = {
  types: 'types',
  actors: 'actors',
  agencies: 'agencies',
  topics: 'topics',
  jurisdictions: 'jurisdictions',
  policies: 'policies',
};

// Ties between equal names fall back to the slug, so the order never depends on how rows were read.
const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Options with events, plus the selected ones even at zero, so a selection never disappears from its list. */
function visible(options: FacetOption[], selected: string[]): FacetOption[] {
  return options.filter((option) => option.count > 0 || selected.includes(option.value));
}

/** How one facet is grouped, over the events whose ids `ids` selects. */
function groupQuery(facet: FacetName, events: Prisma.Sql): Prisma.Sql {
  const name = Prisma.sql`${facet}`;
  switch (facet) {
    case 'types':
      return Prisma.sql`SELECT ${name} AS "facet", "type" AS "value", COUNT(*) AS "count" FROM "Event" WHERE ${events} GROUP BY "type"`;
    case 'jurisdictions':
      return Prisma.sql`SELECT ${name} AS "facet", "jurisdiction" AS "value", COUNT(*) AS "count" FROM "Event" WHERE ${events} GROUP BY "jurisdiction"`;
    case 'policies':
      return Prisma.sql`SELECT ${name} AS "facet", "policyId" AS "value", COUNT(*) AS "count" FROM "Event" WHERE ${events} AND "policyId" IS NOT NULL GROUP BY "policyId"`;
    case 'topics':
      return Prisma.sql`SELECT ${name} AS "facet", "topicId" AS "value", COUNT(*) AS "count" FROM "EventTopic" WHERE "eventId" IN (SELECT "Event"."id" FROM "Event" WHERE ${events}) GROUP BY "topicId"`;
    case 'actors':
      // An actor can hold two roles in one event: its events are counted once.
      return Prisma.sql`SELECT ${name} AS "facet", "actorId" AS "value", COUNT(DISTINCT "eventId") AS "count" FROM "EventActor" WHERE "eventId" IN (SELECT "Event"."id" FROM "Event" WHERE ${events}) GROUP BY "actorId"`;
    case 'agencies':
      // An agency counts the events of everything under it, each event once.
      return Prisma.sql`SELECT ${name} AS "facet", "agencyTree"."agencyId" AS "value", COUNT(DISTINCT "EventActor"."eventId") AS "count" FROM "EventActor" JOIN "agencyTree" ON "agencyTree"."actorId" = "EventActor"."actorId" WHERE "EventActor"."eventId" IN (SELECT "Event"."id" FROM "Event" WHERE ${events}) GROUP BY "agencyTree"."agencyId"`;
  }
}

/** Every live agency with the live actors under it (itself included); UNION stops at a cycle. */
const agencyTree = Prisma.sql`"agencyTree"("agencyId", "actorId") AS (
  SELECT "id", "id" FROM "Actor" WHERE "deletedAt" IS NULL AND "kind" IN (${Prisma.join(AGENCY_KINDS)})
  UNION
  SELECT "agencyTree"."agencyId", "Actor"."id" FROM "agencyTree" JOIN "Actor" ON "Actor"."parentId" = "agencyTree"."actorId" WHERE "Actor"."deletedAt" IS NULL
)`;

type CountRow = { facet: FacetName; value: string; count: bigint | number };
type Counts = Map<FacetName, Map<string, number>>;

/**
 * Counts of some facets over one set of events, in one statement. Kept per
 * data version and set: facets of the dimension a filter narrows are counted
 * without it, and such sets recur across many filters (every filter on one
 * actor counts its actor facet over all events), so most are counted once.
 */
const setCounts = new LRUCache<string, Promise<Counts>>({ max: 100 });

async function countSet(version: string, where: Prisma.Sql, facets: FacetName[]): Promise<Counts> {
  const key = JSON.stringify([version, facets, where.sql, where.values]);
  const cached = setCounts.get(key);
  if (cached) return cached;
  const counting = (async () => {
    const groups = facets.map((facet) => groupQuery(facet, where));
    const rows = await readRows<CountRow>(Prisma.sql`WITH RECURSIVE ${agencyTree} ${Prisma.join(groups, ' UNION ALL ')}`);
    const counts: Counts = new Map(facets.map((facet) => [facet, new Map()]));
    for (const row of rows) counts.get(row.facet)?.set(row.value, Number(row.count));
    return counts;
  })();
  setCounts.set(key, counting);
  counting.catch(() => setCounts.delete(key));
  return counting;
}

/** Counts per facet and value under a filter. */
export async function facetCounts(resolved: ResolvedFilter, facets: FacetName[]): Promise<Counts> {
  // Facets of dimensions the filter does not narrow share the filter's own set of events.
  const sets = new Map<string, { where: Prisma.Sql; facets: FacetName[] }>();
  for (const facet of facets) {
    const dimension = FACET_DIMENSION[facet];
    const key = resolved.active.includes(dimension) ? dimension : 'all';
    const set = sets.get(key) ?? { where: resolved.sql(key === 'all' ? undefined : dimension), facets: [] };
    set.facets.push(facet);
    sets.set(key, set);
  }
  const version = await dataVersion();
  const counts: Counts = new Map();
  for (const set of sets.values()) {
    for (const [facet, values] of await countSet(version, set.where, set.facets)) counts.set(facet, values);
  }
  return counts;
}

export async function computeFacets(resolved: ResolvedFilter): Promise<Facets> {
  const [counts, names] = await Promise.all([facetCounts(resolved, Object.keys(FACET_DIMENSION) as FacetName[]), catalog()]);
  const count = (facet: FacetName, value: string) => counts.get(facet)?.get(value) ?? 0;
  const { applied } = resolved;

  const types = visible(
    EVENT_TYPES.map((type: EventType) => ({ value: type, label: EVENT_TYPE_LABELS[type], count: count('types', type) })),
    applied.types,
  );
  const jurisdictions = [...(counts.get('jurisdictions') ?? new Map<string, number>())].map(([value, total]) => ({ value, label: value, count: total }));
  for (const selected of applied.jurisdictions) {
    if (!jurisdictions.some((option) => option.value === selected)) jurisdictions.push({ value: selected, label: selected, count: 0 });
  }
  const policies = names.policies.map((policy) => ({ value: policy.slug, label: policy.title, count: count('policies', policy.id) }));
  const topics = names.topics.map((topic) => ({ value: topic.slug, label: topic.name, count: count('topics', topic.id) }));
  const actors = names.actors.map((actor) => ({ value: actor.slug, label: actor.name, count: count('actors', actor.id) }));
  const agencies = names.actors
    .filter((actor) => names.isAgency(actor))
    .map((agency) => ({ value: agency.slug, label: agency.name, count: count('agencies', agency.id) }));
  return {
    types,
    jurisdictions: jurisdictions.sort(byCountThenLabel),
    policies: visible(policies, applied.policies).sort(byCountThenLabel),
    topics: visible(topics, applied.topics).sort(byCountThenLabel),
    actors: visible(actors, applied.actors).sort(byCountThenLabel),
    agencies: visible(agencies, applied.agencies).sort(byCountThenLabel),
  };
}
