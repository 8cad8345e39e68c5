import { LRUCache } from 'lru-cache';
import { dataVersion } from '@/lib/data-version';
import { resolveEventFilter } from '@/lib/event-filter';
import { monthlyActivity, pageOfEvents, type EventPage, type MonthlyActivity } from '@/lib/events';
import { computeFacets, type FacetOption, type Facets } from '@/lib/facets';
import { appliedOrder, PAGE_SIZE, type EventFilter, type TimelineQuery } from '@/lib/filters';

/**
 * The timeline view, in one place for every page that lists events (the
 * chronology, an actor's record, a policy's storyline) and the JSON API: a
 * query in, a page of events with its facets and monthly activity out, every
 * count made by the database. Views are cached by their query and the data
 * version (lib/data-version.ts), so a view many readers ask for is computed
 * once per change of the data, and a save shows at the next request.
 */

/** Choices shown for a long facet (actors, agencies, policies, topics): the ones with most events, and any selected. */
export const FACET_LIMIT = 30;

export interface ShownFacets extends Facets {
  /** Choices with events that were not shown, per facet, because only the FACET_LIMIT with most events are. */
  hidden: Partial<Record<keyof Facets, number>>;
}

export interface TimelineView {
  /** The query as applied: unknown filter values removed, relevance only with a usable search. */
  query: TimelineQuery;
  page: EventPage;
  facets: ShownFacets | null;
  activity: MonthlyActivity | null;
  /** Display names of the applied actors, agencies, topics and policies, by slug. */
  names: Record<string, string>;
  /** The normalized search terms, for highlighting. */
  terms: string[];
  /** Why parts of the filter were ignored (the page adds its own parsing notices). */
  notices: string[];
}

export interface ViewOptions {
  facets?: boolean;
  activity?: boolean;
  pageSize?: number;
}

function shown(options: FacetOption[], selected: string[]): { options: FacetOption[]; hidden: number } {
  if (options.length <= FACET_LIMIT) return { options, hidden: 0 };
  // Options come sorted by count; a selected one further down is kept in its place.
  const kept = options.filter((option, index) => index < FACET_LIMIT || selected.includes(option.value));
  return { options: kept, hidden: options.length - kept.length };
}

function limitFacets(facets: Facets, filter: EventFilter): ShownFacets {
  const hidden: ShownFacets['hidden'] = {};
  const limit = (name: 'actors' | 'agencies' | 'policies' | 'topics') => {
    const result = shown(facets[name], filter[name]);
    if (result.hidden > 0) hidden[name] = result.hidden;
    return result.options;
  };
  return { ...facets, actors: limit('actors'), agencies: limit('agencies'), policies: limit('policies'), topics: limit('topics'), hidden };
}

async function computeView(requested: TimelineQuery, options: ViewOptions): Promise<TimelineView> {
  const resolved = await resolveEventFilter(requested.filter);
  // A search with no usable words is dropped, and its relevance order with it.
  const order = appliedOrder(requested.order, resolved.applied.q);
  const query: TimelineQuery = { ...requested, filter: resolved.applied, order };
  const source = { filter: resolved };
  const [page, activity, facets] = await Promise.all([
    pageOfEvents(query, source, options.pageSize ?? PAGE_SIZE),
    options.activity ? monthlyActivity(source) : null,
    options.facets ? computeFacets(resolved).then((all) => limitFacets(all, resolved.applied)) : null,
  ]);
  return { query, page, facets, activity, names: resolved.names, terms: resolved.terms, notices: resolved.notices };
}

interface CacheState {
  views: LRUCache<string, Promise<TimelineView>>;
}

const KEY = Symbol.for('ai-policy-timeline.timeline-views');
const holder = globalThis as unknown as { [KEY]?: CacheState };
/** At most this many views are kept; each holds one page of events and the shown facets (tens of kB). */
const MAX_CACHED_VIEWS = 200;
const cache = (holder[KEY] ??= { views: new LRUCache({ max: MAX_CACHED_VIEWS }) });

/**
 * The view of a query. Concurrent requests for the same view share one
 * computation; a failed one is not kept.
 */
export async function timelineView(requested: TimelineQuery, options: ViewOptions = {}): Promise<TimelineView> {
  const version = await dataVersion();
  const key = JSON.stringify([version, requested, options.facets ?? false, options.activity ?? false, options.pageSize ?? PAGE_SIZE]);
  const cached = cache.views.get(key);
  if (cached) return cached;
  const computing = computeView(requested, options);
  cache.views.set(key, computing);
  computing.catch(() => cache.views.delete(key));
  return computing;
}
