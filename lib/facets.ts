import { AGENCY_KINDS } from '@/lib/actors';
import { db } from '@/lib/db';
import type { ResolvedFilter } from '@/lib/event-filter';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type ActorKind, type EventType } from '@/lib/vocabulary';

/**
 * Facet counts: for each filter, how many events each choice would give under
 * all the other active filters (the filter's own choices combine with OR, so
 * its own selection does not narrow its counts).
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

const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label);

/** Options with events, plus the selected ones even at zero, so a selection never disappears from its list. */
function visible(options: FacetOption[], selected: string[]): FacetOption[] {
  return options.filter((option) => option.count > 0 || selected.includes(option.value));
}

async function typeFacet(resolved: ResolvedFilter): Promise<FacetOption[]> {
  const rows = await db.event.groupBy({ by: ['type'], where: resolved.whereWithout('types'), _count: { _all: true } });
  const counts = new Map(rows.map((row) => [row.type, row._count._all]));
  const options = EVENT_TYPES.map((type: EventType) => ({ value: type, label: EVENT_TYPE_LABELS[type], count: counts.get(type) ?? 0 }));
  return visible(options, resolved.applied.types);
}

async function jurisdictionFacet(resolved: ResolvedFilter): Promise<FacetOption[]> {
  const rows = await db.event.groupBy({ by: ['jurisdiction'], where: resolved.whereWithout('jurisdictions'), _count: { _all: true } });
  const options = rows.map((row) => ({ value: row.jurisdiction, label: row.jurisdiction, count: row._count._all }));
  for (const selected of resolved.applied.jurisdictions) {
    if (!options.some((option) => option.value === selected)) options.push({ value: selected, label: selected, count: 0 });
  }
  return options.sort(byCountThenLabel);
}

async function policyFacet(resolved: ResolvedFilter): Promise<FacetOption[]> {
  const [rows, policies] = await Promise.all([
    db.event.groupBy({ by: ['policyId'], where: resolved.whereWithout('policies'), _count: { _all: true } }),
    db.policy.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, title: true } }),
  ]);
  const counts = new Map(rows.map((row) => [row.policyId, row._count._all]));
  const options = policies.map((policy) => ({ value: policy.slug, label: policy.title, count: counts.get(policy.id) ?? 0 }));
  return visible(options, resolved.applied.policies).sort(byCountThenLabel);
}

async function topicFacet(resolved: ResolvedFilter): Promise<FacetOption[]> {
  const [rows, topics] = await Promise.all([
    db.eventTopic.groupBy({ by: ['topicId'], where: { event: resolved.whereWithout('topics') }, _count: { _all: true } }),
    db.topic.findMany({ select: { id: true, slug: true, name: true } }),
  ]);
  const counts = new Map(rows.map((row) => [row.topicId, row._count._all]));
  const options = topics.map((topic) => ({ value: topic.slug, label: topic.name, count: counts.get(topic.id) ?? 0 }));
  return visible(options, resolved.applied.topics).sort(byCountThenLabel);
}

/** The distinct events of each actor under a condition (an actor can hold two roles in one event). */
async function eventsByActor(resolved: ResolvedFilter, dimension: 'actors' | 'agencies'): Promise<Map<string, Set<string>>> {
  const links = await db.eventActor.groupBy({ by: ['actorId', 'eventId'], where: { event: resolved.whereWithout(dimension) } });
  const events = new Map<string, Set<string>>();
  for (const link of links) {
    const set = events.get(link.actorId) ?? new Set<string>();
    set.add(link.eventId);
    events.set(link.actorId, set);
  }
  return events;
}

type ActorRow = { id: string; slug: string; name: string; kind: string; parentId: string | null };

async function actorFacets(resolved: ResolvedFilter): Promise<{ actors: FacetOption[]; agencies: FacetOption[] }> {
  const [actors, forActors, forAgencies] = await Promise.all([
    db.actor.findMany({ where: { deletedAt: null }, select: { id: true, slug: true, name: true, kind: true, parentId: true } }),
    eventsByActor(resolved, 'actors'),
    eventsByActor(resolved, 'agencies'),
  ]);
  const actorOptions = actors.map((actor) => ({ value: actor.slug, label: actor.name, count: forActors.get(actor.id)?.size ?? 0 }));

  // An agency counts the events of everything under it, each event once.
  const children = new Map<string, ActorRow[]>();
  for (const actor of actors) {
    if (actor.parentId) children.set(actor.parentId, [...(children.get(actor.parentId) ?? []), actor]);
  }
  const agencyOptions = actors
    .filter((actor) => AGENCY_KINDS.includes(actor.kind as ActorKind))
    .map((agency) => {
      const events = new Set<string>();
      const seen = new Set<string>();
      const stack: ActorRow[] = [agency];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (seen.has(current.id)) continue;
        seen.add(current.id);
        forAgencies.get(current.id)?.forEach((id) => events.add(id));
        stack.push(...(children.get(current.id) ?? []));
      }
      return { value: agency.slug, label: agency.name, count: events.size };
    });
  return {
    actors: visible(actorOptions, resolved.applied.actors).sort(byCountThenLabel),
    agencies: visible(agencyOptions, resolved.applied.agencies).sort(byCountThenLabel),
  };
}

export async function computeFacets(resolved: ResolvedFilter): Promise<Facets> {
  const [types, jurisdictions, policies, topics, { actors, agencies }] = await Promise.all([
    typeFacet(resolved),
    jurisdictionFacet(resolved),
    policyFacet(resolved),
    topicFacet(resolved),
    actorFacets(resolved),
  ]);
  return { types, actors, agencies, topics, jurisdictions, policies };
}
