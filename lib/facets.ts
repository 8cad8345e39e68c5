import { catalog } from '@/lib/catalog';
import type { ResolvedFilter } from '@/lib/event-filter';
import { facetCounts, selectEvents } from '@/lib/event-index';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@/lib/vocabulary';

/**
 * Facet counts: for each filter, how many events each choice would give under
 * all the other active filters (the filter's own choices combine with OR, so
 * its own selection does not narrow its counts). Counted by the filter index
 * (lib/event-index.ts) in one pass over the live events per facet.
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
const FACETS = ['types', 'actors', 'agencies', 'topics', 'jurisdictions', 'policies'] as const satisfies readonly FacetName[];

// Ties between equal names fall back to the slug, so the order never depends on how rows were read.
const byCountThenLabel = (a: FacetOption, b: FacetOption) => b.count - a.count || a.label.localeCompare(b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);

/** Options with events, plus the selected ones even at zero, so a selection never disappears from its list. */
function visible(options: FacetOption[], selected: string[]): FacetOption[] {
  return options.filter((option) => option.count > 0 || selected.includes(option.value));
}

export async function computeFacets(resolved: ResolvedFilter): Promise<Facets> {
  const [selection, names] = await Promise.all([selectEvents(resolved.parts), catalog()]);
  const counts = facetCounts(selection, [...FACETS], resolved.active);
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
