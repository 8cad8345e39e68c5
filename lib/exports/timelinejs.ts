import { formatParsedEdtf, type EdtfPoint } from '@/lib/dates';
import type { EventRecord } from '@/lib/exports/event-records';
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
  month?: number;
  day?: number;
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
 * One event as a slide. An interval spans start_date to end_date; an open
 * interval is placed at its one known end (the display date says "until …" or
 * "… onward"), since TimelineJS has no open ends.
 */
export function timelineSlide(event: EventRecord, origin: string): TimelineSlide {
  const { start, end, isInterval } = event.date;
  const known = start ?? end;
  if (!known) throw new Error(`The date "${event.date.edtf}" has no known end`);
  const url = eventUrl(origin, event.slug);
  return {
    start_date: timelineDate(known),
    ...(isInterval && start && end ? { end_date: timelineDate(end) } : {}),
    text: {
      headline: escapeHtml(event.title),
      text: `<p>${escapeHtml(event.summary)}</p><p><a href="${escapeHtml(url)}">The event and its sources</a></p>`,
    },
    group: EVENT_TYPE_LABELS[event.type],
    unique_id: event.slug,
    display_date: formatParsedEdtf(event.date),
  };
}

export function timelineDocument(events: EventRecord[], options: { origin: string; title: string; viewUrl: string }): TimelineDocument {
  const count = `${events.length} ${events.length === 1 ? 'event' : 'events'}`;
  return {
    title: {
      text: {
        headline: escapeHtml(options.title),
        text: `<p>${count}, each dated as precisely as it is known. <a href="${escapeHtml(options.viewUrl)}">This view on the site</a></p>`,
      },
    },
    events: events.map((event) => timelineSlide(event, options.origin)),
  };
}
