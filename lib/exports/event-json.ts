import { OPEN_END, OPEN_START, type ParsedEdtf } from '@/lib/dates';
import { displayDate } from '@/lib/exports/date-display';
import type { EventRecord } from '@/lib/exports/event-records';
import { eventUrl } from '@/lib/exports/site-origin';

/** The first and last day a date may cover, `null` for an open end (instead of the stored sentinels). */
export function dateBounds(date: ParsedEdtf): { earliest: string | null; latest: string | null } {
  return {
    earliest: date.earliest === OPEN_START ? null : date.earliest,
    latest: date.latest === OPEN_END ? null : date.latest,
  };
}

/** One event as /api/events answers it. */
export function eventJson(event: EventRecord, origin: string) {
  return {
    slug: event.slug,
    url: eventUrl(origin, event.slug),
    title: event.title,
    summary: event.summary,
    date: event.date.edtf,
    dateDisplay: displayDate(event.date),
    ...dateBounds(event.date),
    precision: event.date.precision,
    type: event.type,
    jurisdiction: event.jurisdiction,
    policy: event.policy,
    topics: event.topics,
    actors: event.actors,
    sourceCount: event.citations.length,
    citations: event.citations,
    updatedAt: event.updatedAt.toISOString(),
  };
}

export type EventJson = ReturnType<typeof eventJson>;
