import Link from 'next/link';
import { timelineHref, type TimelineQuery } from '@/lib/filters';
import type { EventPage } from '@/lib/events';

export function Pagination({ query, page, basePath }: { query: TimelineQuery; page: EventPage; basePath: string }) {
  if (!page.nextAfter && !page.previousBefore) return null;
  const view = { filter: query.filter, order: query.order };
  return (
    <nav className="pagination" aria-label="Pages">
      {page.previousBefore ? (
        <Link href={timelineHref({ ...view, before: page.previousBefore }, basePath)} rel="prev">
          ← Previous {query.order === 'asc' ? '(earlier)' : '(later)'} events
        </Link>
      ) : (
        <span />
      )}
      {page.nextAfter && (
        <Link href={timelineHref({ ...view, after: page.nextAfter }, basePath)} rel="next">
          Next {query.order === 'asc' ? '(later)' : '(earlier)'} events →
        </Link>
      )}
    </nav>
  );
}
