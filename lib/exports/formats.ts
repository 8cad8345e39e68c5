import { filterParams, timelineHref } from '@/lib/filters';
import { eventsAtom, FEED_SIZE } from '@/lib/exports/atom';
import { textStream } from '@/lib/exports/body-stream';
import { eventsCalendarPieces } from '@/lib/exports/calendar';
import { eventsCsvPieces } from '@/lib/exports/csv';
import { countEventRecords, csvEventBatches, eventCoreBatches, loadEventRecords } from '@/lib/exports/event-records';
import { readEventView, wholeSetNotices, type EventView } from '@/lib/exports/event-view';
import type { DataOut } from '@/lib/exports/responses';
import { absoluteUrl } from '@/lib/exports/site-origin';
import { timelineJsonPieces } from '@/lib/exports/timelinejs';
import { viewTitle } from '@/lib/exports/view-title';

/**
 * The feeds and files of a timeline view: every one reads the request's filter
 * as the timeline page does (event-view.ts) and holds every matching event —
 * except the Atom feed, which holds the newest FEED_SIZE. Those of every event
 * stream: they read the events in batches and write each batch as the client
 * takes it, so memory stays flat however many events match.
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

/** How the exports of every matching event read them: in batches, for a stream. */
export interface StreamOptions {
  /** Events per query (EXPORT_BATCH_SIZE unless a test asks for another). */
  batchSize?: number;
}

const noticesOf = (view: EventView) => [...view.notices, ...wholeSetNotices(view)];

const streamed = (pieces: AsyncIterable<string>, view: EventView): DataOut => ({ body: textStream(pieces), notices: noticesOf(view) });

/** /events.csv: in the order asked for (`order=desc` newest first; a search's relevance order reads as chronological). */
export async function csvFile(request: Request, { batchSize }: StreamOptions = {}): Promise<DataOut> {
  const view = await readEventView(request);
  const batches = csvEventBatches(view.resolved.where, view.query.order === 'desc' ? 'desc' : 'asc', batchSize);
  return streamed(eventsCsvPieces(batches, view.origin), view);
}

/** /events.ics */
export async function calendarFile(request: Request, { batchSize }: StreamOptions = {}): Promise<DataOut> {
  const view = await readEventView(request);
  const batches = eventCoreBatches(view.resolved.where, 'asc', batchSize);
  return streamed(eventsCalendarPieces(batches, { origin: view.origin, title: titleOf(view), viewUrl: viewUrl(view) }), view);
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
  return { body, notices: noticesOf(view) };
}

/**
 * /api/timelinejs: the document, with the notices beside it (TimelineJS ignores
 * fields it does not know). Its title slide counts the events, so they are
 * counted first; an event saved while the document streams can make the
 * count differ by one from the slides, as two requests would.
 */
export async function timelineJs(request: Request, { batchSize }: StreamOptions = {}): Promise<DataOut> {
  const view = await readEventView(request);
  const count = await countEventRecords(view.resolved.where);
  const batches = eventCoreBatches(view.resolved.where, 'asc', batchSize);
  const notices = noticesOf(view);
  const options = { origin: view.origin, title: titleOf(view), viewUrl: viewUrl(view) };
  return { body: textStream(timelineJsonPieces(count, batches, options, { notices })), notices };
}
