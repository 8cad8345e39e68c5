import type { EdtfPoint } from '@/lib/dates';
import { displayDate } from '@/lib/exports/date-display';
import type { EventCore } from '@/lib/exports/event-records';
import { escapeHtml } from '@/lib/exports/html';
import { eventUrl } from '@/lib/exports/site-origin';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

/**
 * The TimelineJS3 JSON format (timeline.knightlab.com/docs/json-format.html):
 * a title slide and one slide per event. A date gives only the parts it knows —
 * a month has no day, a year no month — so TimelineJS does not invent them, and
 * `display_date` shows the date as the site does ("c. May 2026"). Headlines and
 * text are HTML there, so every value is escaped.
 */

export interface TimelineDate {
  year: number;
  /** '' only in a start that must not compare equal to its end (see intervalStart). */
  month?: number | '';
  day?: number | '';
}

export interface TimelineText {
  headline: string;
  text: string;
}

export interface TimelineSlide {
  start_date: TimelineDate;
  end_date?: TimelineDate;
  text: TimelineText;
  group: string;
  unique_id: string;
  display_date: string;
}

export interface TimelineDocument {
  title: { text: TimelineText };
  events: TimelineSlide[];
}

export function timelineDate(point: EdtfPoint): TimelineDate {
  return {
    year: point.year,
    ...(point.month !== undefined ? { month: point.month } : {}),
    ...(point.day !== undefined ? { day: point.day } : {}),
  };
}

/**
 * TimelineJS drops an end date it finds "the same as" the start, comparing only
 * the fields the start has (TimelineConfig._processDates, 3.9.11): May 2026 to
 * May 21, 2026 would become a point in May. A start that agrees with its end on
 * every field it has gets the end's finer fields as '' — which TimelineJS
 * reads as the first month or day, and as no precision when it formats the
 * date — so the comparison fails and the interval keeps its end.
 */
export function intervalStart(start: TimelineDate, end: TimelineDate): TimelineDate {
  const sameSoFar = start.year === end.year && (start.month === undefined || start.month === end.month);
  if (!sameSoFar) return start;
  return {
    ...start,
    ...(start.month === undefined && end.month !== undefined ? { month: '' as const } : {}),
    ...(start.day === undefined && end.day !== undefined ? { day: '' as const } : {}),
  };
}

/**
 * One event as a slide. An interval spans start_date to end_date; an open
 * interval is placed at its one known end (the display date says "until …" or
 * "… onward"), since TimelineJS has no open ends.
 */
export function timelineSlide(event: EventCore, origin: string): TimelineSlide {
  const { start, end, isInterval } = event.date;
  const known = start ?? end;
  if (!known) throw new Error(`The date "${event.date.edtf}" has no known end`);
  const url = eventUrl(origin, event.slug);
  const span = isInterval && start && end ? { start: timelineDate(start), end: timelineDate(end) } : null;
  return {
    start_date: span ? intervalStart(span.start, span.end) : timelineDate(known),
    ...(span ? { end_date: span.end } : {}),
    text: {
      headline: escapeHtml(event.title),
      text: `<p>${escapeHtml(event.summary)}</p><p><a href="${escapeHtml(url)}">The event and its sources</a></p>`,
    },
    group: EVENT_TYPE_LABELS[event.type],
    unique_id: event.slug,
    display_date: displayDate(event.date),
  };
}

export interface TimelineOptions {
  origin: string;
  title: string;
  viewUrl: string;
}

/** The title slide, which says how many events follow. */
export function timelineTitle(eventCount: number, options: TimelineOptions): TimelineDocument['title'] {
  const count = `${eventCount} ${eventCount === 1 ? 'event' : 'events'}`;
  return {
    text: {
      headline: escapeHtml(options.title),
      text: `<p>${count}, each dated as precisely as it is known. <a href="${escapeHtml(options.viewUrl)}">This view on the site</a></p>`,
    },
  };
}

export function timelineDocument(events: EventCore[], options: TimelineOptions): TimelineDocument {
  return {
    title: timelineTitle(events.length, options),
    events: events.map((event) => timelineSlide(event, options.origin)),
  };
}

/**
 * `JSON.stringify({ ...timelineDocument(events, options), ...extra })` in
 * pieces, for a stream: the title slide (which needs the number of events
 * before the first one is read), the slides of each batch, then `extra`'s
 * fields (the notices).
 */
export async function* timelineJsonPieces(
  eventCount: number,
  batches: AsyncIterable<EventCore[]>,
  options: TimelineOptions,
  extra: Record<string, unknown>,
): AsyncGenerator<string, void, undefined> {
  yield `{"title":${JSON.stringify(timelineTitle(eventCount, options))},"events":[`;
  let separator = '';
  for await (const events of batches) {
    if (events.length === 0) continue;
    yield separator + events.map((event) => JSON.stringify(timelineSlide(event, options.origin))).join(',');
    separator = ',';
  }
  const tail = JSON.stringify(extra);
  yield tail === '{}' ? ']}' : `],${tail.slice(1)}`;
}
