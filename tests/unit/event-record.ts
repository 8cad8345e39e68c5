import { parseEdtf } from '@/lib/dates';
import type { EventRecord } from '@/lib/exports/event-records';

/** An event as the feeds and exports receive it, for unit tests of the pure mappings. */
export function eventRecord(date: string, fields: Partial<Omit<EventRecord, 'date'>> = {}): EventRecord {
  const parsed = parseEdtf(date);
  if (!parsed.ok) throw new Error(parsed.error);
  return {
    id: 'event-id',
    slug: 'an-event',
    title: 'An event',
    summary: 'What happened.',
    date: parsed.date,
    type: 'announced',
    jurisdiction: 'US',
    updatedAt: new Date('2026-05-22T10:00:00Z'),
    policy: null,
    topics: [],
    actors: [],
    citations: [],
    ...fields,
  };
}
