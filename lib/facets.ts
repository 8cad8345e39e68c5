import { AGENCY_KINDS } from '@/lib/actors';
import { catalog } from '@/lib/catalog';
import { db } from '@/lib/db';
import type { Dimension, ResolvedFilter } from '@/lib/event-filter';
import { Prisma } from '@/lib/generated/prisma/client';
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

const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label);

/** Options with events, plus the selected ones even at zero, so a selection never disappears from its list. */
function visible(options: FacetOption[], selected: string[]): FacetOption[] {
  return options.filter((option) => option.count > 0 || selected.includes(option.value));
}

/** How one facet is grouped, over the events of the set `from`. */
function groupQuery(facet: FacetName, from: Prisma.Sql): Prisma.Sql {
  const name = Prisma.sql`${facet}`;
  switch (facet) {
    case 'types':
      return Prisma.sql`SELECT ${name} AS "facet", "type" AS "value", COUNT(*) AS "count" FROM ${from} GROUP BY "type"`;
    case 'jurisdictions':
      return Prisma.sql`SELECT ${name} AS "facet", "jurisdiction" AS "value", COUNT(*) AS "count" FROM ${from} GROUP BY "jurisdiction"`;
    case 'policies':
      return Prisma.sql`SELECT ${name} AS "facet", "policyId" AS "value", COUNT(*) AS "count" FROM ${from} WHERE "policyId" IS NOT NULL GROUP BY "policyId"`;
    case 'topics':
      return Prisma.sql`SELECT ${name} AS "facet", "EventTopic"."topicId" AS "value", COUNT(*) AS "count" FROM ${from} JOIN "EventTopic" ON "EventTopic"."eventId" = ${from}."id" GROUP BY "EventTopic"."topicId"`;
    case 'actors':
      // An actor can hold two roles in one event: its events are counted once.
      return Prisma.sql`SELECT ${name} AS "facet", "EventActor"."actorId" AS "value", COUNT(DISTINCT "EventActor"."eventId") AS "count" FROM ${from} JOIN "EventActor" ON "EventActor"."eventId" = ${from}."id" GROUP BY "EventActor"."actorId"`;
    case 'agencies':
      // An agency counts the events of everything under it, each event once.
      return Prisma.sql`SELECT ${name} AS "facet", "agencyTree"."agencyId" AS "value", COUNT(DISTINCT "EventActor"."eventId") AS "count" FROM ${from} JOIN "EventActor" ON "EventActor"."eventId" = ${from}."id" JOIN "agencyTree" ON "agencyTree"."actorId" = "EventActor"."actorId" GROUP BY "agencyTree"."agencyId"`;
  }
}

/** Every live agency with the live actors under it (itself included); UNION stops at a cycle. */
const agencyTree = Prisma.sql`"agencyTree"("agencyId", "actorId") AS (
  SELECT "id", "id" FROM "Actor" WHERE "deletedAt" IS NULL AND "kind" IN (${Prisma.join(AGENCY_KINDS)})
  UNION
  SELECT "agencyTree"."agencyId", "Actor"."id" FROM "agencyTree" JOIN "Actor" ON "Actor"."parentId" = "agencyTree"."actorId" WHERE "Actor"."deletedAt" IS NULL
)`;

type CountRow = { facet: FacetName; value: string; count: bigint | number };

/** Counts per facet and value, all from one statement. */
export async function facetCounts(resolved: ResolvedFilter, facets: FacetName[]): Promise<Map<FacetName, Map<string, number>>> {
  // Facets of dimensions the filter does not narrow share the filter's own set of events.
  const sets = new Map<string, { name: Prisma.Sql; where: Prisma.Sql; facets: FacetName[] }>();
  for (const facet of facets) {
    const dimension = FACET_DIMENSION[facet];
    const key = resolved.active.includes(dimension) ? dimension : 'all';
    const set = sets.get(key) ?? { name: Prisma.raw(`"events_${sets.size}"`), where: resolved.sql(key === 'all' ? undefined : dimension), facets: [] };
    set.facets.push(facet);
    sets.set(key, set);
  }
  const tables = [...sets.values()].map(
    (set) => Prisma.sql`${set.name} AS (SELECT "Event"."id", "Event"."type", "Event"."jurisdiction", "Event"."policyId" FROM "Event" WHERE ${set.where})`,
  );
  const groups = [...sets.values()].flatMap((set) => set.facets.map((facet) => groupQuery(facet, set.name)));
  const counts = new Map<FacetName, Map<string, number>>(facets.map((facet) => [facet, new Map()]));
  if (groups.length === 0) return counts;
  const rows = await db.$queryRaw<CountRow[]>`WITH RECURSIVE ${Prisma.join([agencyTree, ...tables], ', ')} ${Prisma.join(groups, ' UNION ALL ')}`;
  for (const row of rows) counts.get(row.facet)?.set(row.value, Number(row.count));
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
