import ical, { ICalEventTransparency, type ICalCalendar } from 'ical-generator';
import { withoutUnwritableCharacters } from '@/lib/characters';
import { displayDate } from '@/lib/exports/date-display';
import type { EventCore } from '@/lib/exports/event-records';
import { foldIcalLines } from '@/lib/exports/ical-fold';
import { allDayRange, dateCaveats, utcMidnight } from '@/lib/exports/ical-dates';
import { eventUrl } from '@/lib/exports/site-origin';
import { SITE_TITLE } from '@/lib/exports/view-title';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

export interface CalendarOptions {
  origin: string;
  /** The calendar's name in the reader's list (the view's title). */
  title: string;
  /** The page of the same view on the site. */
  viewUrl: string;
}

/** "Title (start unknown; date uncertain)": what the all-day block itself cannot show. */
export function calendarSummary(event: EventCore): string {
  const caveats = dateCaveats(event.date);
  return caveats.length ? `${event.title} (${caveats.join('; ')})` : event.title;
}

/** The calendar itself, with no events yet: its name, description, product id, link and refresh interval. */
function newCalendar(options: CalendarOptions): ICalCalendar {
  return ical({
    name: options.title,
    description: 'Events of the AI Policy Timeline, each on the days its date may cover.',
    prodId: { company: SITE_TITLE, product: 'Events', language: 'EN' },
    url: options.viewUrl,
    // Asks subscribed calendars to refresh hourly.
    ttl: 60 * 60,
  });
}

function addEvents(calendar: ICalCalendar, events: EventCore[], origin: string): ICalCalendar {
  const host = new URL(origin).hostname;
  for (const event of events) {
    const range = allDayRange(event.date);
    const url = eventUrl(origin, event.slug);
    calendar.createEvent({
      id: `${event.slug}@${host}`,
      allDay: true,
      start: utcMidnight(range.start),
      // A range cut short at 9999-12-31 has no later day to end on; without DTEND it is one day.
      end: range.end > range.start ? utcMidnight(range.end) : null,
      summary: calendarSummary(event),
      description: `Date: ${displayDate(event.date)}\n\n${event.summary}\n\n${url}`,
      url,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      categories: [{ name: EVENT_TYPE_LABELS[event.type] }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar;
}

/**
 * An iCalendar file of all-day events (see ical-dates.ts for how each date
 * becomes a range). No time zone is set, so every DATE value is written from
 * the day's own calendar parts. Events are transparent: following the timeline
 * never marks anyone busy for a month.
 */
export function eventsCalendar(events: EventCore[], options: CalendarOptions): string {
  return withoutUnwritableCharacters(addEvents(newCalendar(options), events, options.origin).toString());
}

const CALENDAR_END = 'END:VCALENDAR';

/**
 * The same file in pieces, for a stream. ical-generator writes a calendar as
 * its properties, each event's toString(), and END:VCALENDAR, then folds every
 * line on its own; so the calendar without events, cut before END:VCALENDAR,
 * is the head, and each batch's events, written by the library and folded
 * line by line (ical-fold.ts), are exactly what the whole file holds.
 */
export async function* eventsCalendarPieces(
  batches: AsyncIterable<EventCore[]>,
  options: CalendarOptions,
): AsyncGenerator<string, void, undefined> {
  const empty = newCalendar(options).toString();
  if (!empty.endsWith(`\r\n${CALENDAR_END}`)) throw new Error('ical-generator no longer ends a calendar with END:VCALENDAR');
  yield withoutUnwritableCharacters(empty.slice(0, -CALENDAR_END.length));
  for await (const events of batches) {
    const calendar = addEvents(newCalendar(options), events, options.origin);
    yield withoutUnwritableCharacters(foldIcalLines(calendar.events().map((event) => event.toString()).join('')));
  }
  yield CALENDAR_END;
}
