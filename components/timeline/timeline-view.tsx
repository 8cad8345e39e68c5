import Link from 'next/link';
import { Pagination } from '@/components/timeline/pagination';
import { EventCard } from '@/components/timeline/event-card';
import { TimelineList } from '@/components/timeline/timeline-list';
import type { EventPage } from '@/lib/events';
import { defaultOrderFor, EMPTY_FILTER, PAGE_SIZE, isFilterActive, timelineHref, type TimelineQuery } from '@/lib/filters';

interface TimelineViewProps {
  query: TimelineQuery;
  page: EventPage;
  basePath?: string;
  headingLevel?: 2 | 3;
  /** What to say when nothing at all is recorded (no filters involved). */
  emptyMessage?: string;
  /** Search terms to mark in titles and snippets. */
  terms?: string[];
  /** The id of the heading above the list: page links land there. */
  anchor?: string;
}

const ORDER_LABELS = { asc: 'oldest first', desc: 'newest first', relevance: 'best match first' } as const;

const count = (total: number) => `${total.toLocaleString('en-US')} ${total === 1 ? 'event' : 'events'}`;

/** "1,953 events match these filters; page 2 of 40, events 51–100, newest first." — what a page turn or filter change announces. */
export function resultSummary(query: TimelineQuery, page: EventPage): string {
  const matching = isFilterActive(query.filter) ? (page.total === 1 ? ' matches these filters' : ' match these filters') : '';
  let position = '';
  if (page.total > page.events.length) {
    const size = PAGE_SIZE;
    const pages = Math.max(1, Math.ceil(page.total / size));
    const number = Math.min(pages, Math.floor(page.offset / size) + 1);
    const range = `events ${(page.offset + 1).toLocaleString('en-US')}–${(page.offset + page.events.length).toLocaleString('en-US')}`;
    position = pages > 1 ? `; page ${number} of ${pages}, ${range}` : `; showing ${range}`;
  }
  return `${count(page.total)}${matching}${position}, ${ORDER_LABELS[query.order]}.`;
}

/** One page of events with its count, pagination and empty state: shared by the chronology, actor and policy pages. */
export function TimelineView({ query, page, basePath = '/', headingLevel = 3, emptyMessage = 'No events are recorded yet.', terms = [], anchor }: TimelineViewProps) {
  if (page.events.length === 0) {
    const filtered = isFilterActive(query.filter);
    return (
      <div className="notice" role="status" data-testid="empty-timeline">
        {filtered ? (
          <p>
            No events match these filters.{' '}
            <Link href={timelineHref({ filter: EMPTY_FILTER, order: query.order === 'relevance' ? defaultOrderFor(basePath) : query.order }, basePath)}>Clear the filters</Link> to see
            every event.
          </p>
        ) : (
          <p>{emptyMessage}</p>
        )}
      </div>
    );
  }
  return (
    <>
      <p className="result-summary" role="status" data-testid="result-count">
        {resultSummary(query, page)}
      </p>
      {query.order === 'relevance' ? (
        <ol className="timeline-events" data-testid="timeline">
          {page.events.map((event) => (
            <EventCard key={event.slug} event={event} headingLevel={(headingLevel + 1) as 3 | 4} terms={terms} />
          ))}
        </ol>
      ) : (
        <TimelineList events={page.events} headingLevel={headingLevel} terms={terms} />
      )}
      <Pagination query={query} page={page} basePath={basePath} anchor={anchor} />
    </>
  );
}
