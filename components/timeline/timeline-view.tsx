import Link from 'next/link';
import { Pagination } from '@/components/timeline/pagination';
import { TimelineList } from '@/components/timeline/timeline-list';
import type { EventPage } from '@/lib/events';
import { isFilterActive, timelineHref, type TimelineQuery } from '@/lib/filters';

interface TimelineViewProps {
  query: TimelineQuery;
  page: EventPage;
  basePath?: string;
  headingLevel?: 2 | 3;
  /** What to say when nothing at all is recorded (no filters involved). */
  emptyMessage?: string;
}

/** One page of events with its count, pagination and empty state: shared by the chronology, actor and policy pages. */
export function TimelineView({ query, page, basePath = '/', headingLevel = 3, emptyMessage = 'No events are recorded yet.' }: TimelineViewProps) {
  if (page.events.length === 0) {
    const filtered = isFilterActive(query.filter);
    return (
      <div className="notice" role="status" data-testid="empty-timeline">
        {filtered ? (
          <p>
            No events match these filters.{' '}
            <Link href={timelineHref({ filter: { actors: [], agencies: [] }, order: query.order }, basePath)}>Clear the filters</Link> to see
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
        {isFilterActive(query.filter) ? ' match these filters' : ''}
        {page.total > page.events.length ? `; showing ${page.events.length} on this page` : ''}, {query.order === 'asc' ? 'oldest' : 'newest'}{' '}
        first.
      </p>
      <TimelineList events={page.events} headingLevel={headingLevel} />
      <Pagination query={query} page={page} basePath={basePath} />
    </>
  );
}
