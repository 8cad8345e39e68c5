import { filterParams, timelineHref } from '@/lib/filters';
import { eventsAtom, FEED_SIZE } from '@/lib/exports/atom';
import { eventsCalendar } from '@/lib/exports/calendar';
import { eventsCsv } from '@/lib/exports/csv';
import { loadEventRecords } from '@/lib/exports/event-records';
import { readEventView, wholeSetNotices, type EventView } from '@/lib/exports/event-view';
import type { DataOut } from '@/lib/exports/responses';
import { absoluteUrl } from '@/lib/exports/site-origin';
import { timelineDocument, type TimelineDocument } from '@/lib/exports/timelinejs';
import { viewTitle } from '@/lib/exports/view-title';

/**
 * The feeds and files of a timeline view: every one reads the request's filter
 * as the timeline page does (event-view.ts) and holds every matching event —
 * except the Atom feed, which holds the newest FEED_SIZE.
 */

const titleOf = (view: EventView) => viewTitle(view.query.filter, view.resolved.names);

/** The timeline page of the same view, in the given order. */
const viewUrl = (view: EventView, order: 'asc' | 'desc' = 'asc') =>
  absoluteUrl(view.origin, timelineHref({ filter: view.requested, order }));

/** A path with the requested filter, e.g. /feed.xml?actor=donald-trump. */
const withFilter = (view: EventView, path: string) => {
  const search = filterParams(view.requested).toString();
  return absoluteUrl(view.origin, search ? `${path}?${search}` : path);
};

/** /events.csv: in the order asked for (`order=desc` newest first; a search's relevance order reads as chronological). */
export async function csvFile(request: Request): Promise<DataOut> {
  const view = await readEventView(request);
  const events = await loadEventRecords(view.resolved.where, view.query.order === 'desc' ? 'desc' : 'asc');
  return { body: eventsCsv(events, view.origin), notices: [...view.notices, ...wholeSetNotices(view)] };
}

/** /events.ics */
export async function calendarFile(request: Request): Promise<DataOut> {
  const view = await readEventView(request);
  const events = await loadEventRecords(view.resolved.where, 'asc');
  const body = eventsCalendar(events, { origin: view.origin, title: titleOf(view), viewUrl: viewUrl(view) });
  return { body, notices: [...view.notices, ...wholeSetNotices(view)] };
}

/** /feed.xml: the newest events by date, whatever `order` says. */
export async function atomFeed(request: Request): Promise<DataOut> {
  const view = await readEventView(request);
  const events = await loadEventRecords(view.resolved.where, 'desc', FEED_SIZE);
  const body = eventsAtom(events, {
    origin: view.origin,
    title: titleOf(view),
    selfUrl: withFilter(view, '/feed.xml'),
    viewUrl: viewUrl(view, 'desc'),
  });
  return { body, notices: [...view.notices, ...wholeSetNotices(view)] };
}

/** /api/timelinejs: the document, with the notices beside it (TimelineJS ignores fields it does not know). */
export async function timelineJs(request: Request): Promise<TimelineDocument & { notices: string[] }> {
  const view = await readEventView(request);
  const events = await loadEventRecords(view.resolved.where, 'asc');
  const document = timelineDocument(events, { origin: view.origin, title: titleOf(view), viewUrl: viewUrl(view) });
  return { ...document, notices: [...view.notices, ...wholeSetNotices(view)] };
}
