import { resolveEventFilter, type ResolvedFilter } from '@/lib/event-filter';
import { appliedOrder, parseTimelineQuery, type EventFilter, type SearchParams, type TimelineQuery } from '@/lib/filters';
import { siteOrigin } from '@/lib/exports/site-origin';

/**
 * A request for events in some format, read exactly as the timeline page reads
 * its URL: the same filter parameters, the same notices for values that make no
 * sense, the same fallback when a search has no usable words.
 */
export interface EventView {
  /** The query as applied: unknown filter values removed. */
  query: TimelineQuery;
  /**
   * The filter as asked for (well-formed values, known or not): what a feed's
   * self link names, so a subscription keeps a filter that matches nothing yet.
   */
  requested: EventFilter;
  resolved: ResolvedFilter;
  /** Every parameter that was ignored, and why. */
  notices: string[];
  /** Where absolute links point (see siteOrigin). */
  origin: string;
  /** The raw parameters, for ones only some formats read (`limit`). */
  params: URLSearchParams;
}

/** URL parameters in the shape the page receives them: a repeated key becomes a list. */
export function searchParamsOf(params: URLSearchParams): SearchParams {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    result[key] = all.length === 1 ? all[0] : all;
  }
  return result;
}

export async function readEventView(request: Request): Promise<EventView> {
  const url = new URL(request.url);
  const { query: requested, notices } = parseTimelineQuery(searchParamsOf(url.searchParams));
  const resolved = await resolveEventFilter(requested.filter);
  // A search with no usable words is dropped, and its relevance order with it (as on the timeline page).
  const order = appliedOrder(requested.order, resolved.applied.q);
  return {
    query: { ...requested, filter: resolved.applied, order },
    requested: requested.filter,
    resolved,
    notices: [...notices, ...resolved.notices],
    origin: siteOrigin(request.url),
    params: url.searchParams,
  };
}

/** Notices for a format that holds every matching event, where page positions mean nothing. */
export function wholeSetNotices(view: EventView): string[] {
  const { after, before, page } = view.query;
  return after || before || page > 1 ? ['Ignored the page position: this format holds every matching event.'] : [];
}
