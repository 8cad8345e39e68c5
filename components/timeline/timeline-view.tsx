import Link from 'next/link';
import { Pagination } from '@/components/timeline/pagination';
import { EventCard } from '@/components/timeline/event-card';
import { TimelineList } from '@/components/timeline/timeline-list';
import type { EventPage } from '@/lib/events';
import { EMPTY_FILTER, isFilterActive, timelineHref, type TimelineQuery } from '@/lib/filters';

interface TimelineViewProps {
  query: TimelineQuery;
  page: EventPage;
  basePath?: string;
  headingLevel?: 2 | 3;
  /** What to say when nothing at all is recorded (no filters involved). */
  emptyMessage?: string;
  /** Search terms to mark in titles and snippets. */
  terms?: string[];
}

const ORDER_LABELS = { asc: 'oldest first', desc: 'newest first', relevance: 'best match first' } as const;

/** One page of events with its count, pagination and empty state: shared by the chronology, actor and policy pages. */
export function TimelineView({ query, page, basePath = '/', headingLevel = 3, emptyMessage = 'No events are recorded yet.', terms = [] }: TimelineViewProps) {
  if (page.events.length === 0) {
    const filtered = isFilterActive(query.filter);
    return (
      <div className="notice" role="status" data-testid="empty-timeline">
        {filtered ? (
          <p>
            No events match these filters.{' '}
            <Link href={timelineHref({ filter: EMPTY_FILTER, order: query.order === 'desc' ? 'desc' : 'asc' }, basePath)}>Clear the filters</Link> to see
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
        {page.total} {page.total === 1 ? 'event' : 'events'}
        {isFilterActive(query.filter) ? (page.total === 1 ? ' matches these filters' : ' match these filters') : ''}
        {page.total > page.events.length ? `; showing ${page.events.length} on this page` : ''}, {ORDER_LABELS[query.order]}.
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
      <Pagination query={query} page={page} basePath={basePath} />
    </>
  );
}
