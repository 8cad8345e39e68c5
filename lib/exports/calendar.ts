import ical, { ICalEventTransparency } from 'ical-generator';
import { withoutUnwritableCharacters } from '@/lib/characters';
import { formatParsedEdtf } from '@/lib/dates';
import type { EventRecord } from '@/lib/exports/event-records';
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
export function calendarSummary(event: EventRecord): string {
  const caveats = dateCaveats(event.date);
  return caveats.length ? `${event.title} (${caveats.join('; ')})` : event.title;
}

/**
 * An iCalendar file of all-day events (see ical-dates.ts for how each date
 * becomes a range). No time zone is set, so every DATE value is written from
 * the day's own calendar parts. Events are transparent: following the timeline
 * never marks anyone busy for a month.
 */
export function eventsCalendar(events: EventRecord[], options: CalendarOptions): string {
  const host = new URL(options.origin).hostname;
  const calendar = ical({
    name: options.title,
    description: 'Events of the AI Policy Timeline, each on the days its date may cover.',
    prodId: { company: SITE_TITLE, product: 'Events', language: 'EN' },
    url: options.viewUrl,
    // Asks subscribed calendars to refresh hourly.
    ttl: 60 * 60,
  });
  for (const event of events) {
    const range = allDayRange(event.date);
    const url = eventUrl(options.origin, event.slug);
    calendar.createEvent({
      id: `${event.slug}@${host}`,
      allDay: true,
      start: utcMidnight(range.start),
      // A range cut short at 9999-12-31 has no later day to end on; without DTEND it is one day.
      end: range.end > range.start ? utcMidnight(range.end) : null,
      summary: calendarSummary(event),
      description: `Date: ${formatParsedEdtf(event.date)}\n\n${event.summary}\n\n${url}`,
      url,
      stamp: event.updatedAt,
      lastModified: event.updatedAt,
      categories: [{ name: EVENT_TYPE_LABELS[event.type] }],
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return withoutUnwritableCharacters(calendar.toString());
}
