import Link from 'next/link';
import { timelineHref, type TimelineQuery } from '@/lib/filters';
import type { EventPage } from '@/lib/events';

/** Previous / next links: by keyset in chronological order, by page number for ranked search results. */
export function Pagination({ query, page, basePath }: { query: TimelineQuery; page: EventPage; basePath: string }) {
  const view = { filter: query.filter, order: query.order };
  const previous = page.previousBefore
    ? timelineHref({ ...view, before: page.previousBefore }, basePath)
    : page.previousPage
      ? timelineHref({ ...view, page: page.previousPage }, basePath)
      : null;
  const next = page.nextAfter
    ? timelineHref({ ...view, after: page.nextAfter }, basePath)
    : page.nextPage
      ? timelineHref({ ...view, page: page.nextPage }, basePath)
      : null;
  if (!previous && !next) return null;
  const direction = { asc: ['earlier', 'later'], desc: ['later', 'earlier'], relevance: ['better matches', 'weaker matches'] }[query.order];
  return (
    <nav className="pagination" aria-label="Pages">
      {previous ? (
        <Link href={previous} rel="prev">
          ← Previous ({direction[0]}) events
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={next} rel="next">
          Next ({direction[1]}) events →
        </Link>
      )}
    </nav>
  );
}
