import { pageOfEvents } from '@/lib/events';
import { timelineHref, type TimelineQuery } from '@/lib/filters';
import { eventJson, type EventJson } from '@/lib/exports/event-json';
import { loadEventRecordsBySlug } from '@/lib/exports/event-records';
import { readEventView } from '@/lib/exports/event-view';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;

/** The `limit` parameter: events per page, 1–200; anything else is reported and replaced. */
export function parseLimit(raw: string | null): { limit: number; notices: string[] } {
  if (raw === null || raw.trim() === '') return { limit: DEFAULT_LIMIT, notices: [] };
  const number = Number(raw.trim());
  if (Number.isInteger(number) && number > MAX_LIMIT) {
    return { limit: MAX_LIMIT, notices: [`Pages hold at most ${MAX_LIMIT} events; showing ${MAX_LIMIT}.`] };
  }
  if (Number.isInteger(number) && number >= 1) return { limit: number, notices: [] };
  return {
    limit: DEFAULT_LIMIT,
    notices: [`Ignored limit "${raw.slice(0, 40)}": use a whole number from 1 to ${MAX_LIMIT}; showing ${DEFAULT_LIMIT}.`],
  };
}

export interface EventsApiPage {
  events: EventJson[];
  /** Every event matching the filter, across all pages. */
  total: number;
  /** Absolute URLs of the neighbouring pages, with the same filter, order and limit; null at either end. */
  next: string | null;
  previous: string | null;
  notices: string[];
}

/**
 * GET /api/events: one page of the events matching the timeline's filters, cut
 * the same way as the timeline — keyset cursors (`after`/`before`) in
 * chronological order, page numbers in relevance order.
 */
export async function eventsApiPage(request: Request): Promise<EventsApiPage> {
  const view = await readEventView(request);
  const { limit, notices: limitNotices } = parseLimit(view.params.get('limit'));
  const page = await pageOfEvents(view.query, { filter: view.resolved }, limit);
  const records = await loadEventRecordsBySlug(page.events.map((event) => event.slug));

  const link = (position: Partial<Pick<TimelineQuery, 'after' | 'before' | 'page'>>) => {
    const url = new URL(timelineHref({ filter: view.query.filter, order: view.query.order, ...position }, '/api/events'), `${view.origin}/`);
    if (limit !== DEFAULT_LIMIT) url.searchParams.set('limit', String(limit));
    return url.toString();
  };
  const next = page.nextAfter ? link({ after: page.nextAfter }) : page.nextPage ? link({ page: page.nextPage }) : null;
  const previous = page.previousBefore
    ? link({ before: page.previousBefore })
    : page.previousPage
      ? link({ page: page.previousPage })
      : null;

  return {
    events: records.map((record) => eventJson(record, view.origin)),
    total: page.total,
    next,
    previous,
    notices: [...view.notices, ...limitNotices, ...page.notices],
  };
}
