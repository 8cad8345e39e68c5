import Link from 'next/link';
import { timelineHref, type TimelineQuery } from '@/lib/filters';
import type { EventPage } from '@/lib/events';

/** Previous / next links: by keyset in chronological order, by page number for ranked search results. */
export function Pagination({ query, page, basePath, anchor }: { query: TimelineQuery; page: EventPage; basePath: string; anchor?: string }) {
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
  // Without JavaScript the new page opens at its list; with it, the focus moves to the list's heading (ResultsHeading).
  const at = (href: string) => (anchor ? `${href}#${anchor}` : href);
  const direction = { asc: ['earlier', 'later'], desc: ['later', 'earlier'], relevance: ['better matches', 'weaker matches'] }[query.order];
  return (
    <nav className="pagination" aria-label="Pages">
      {previous ? (
        <Link href={at(previous)} rel="prev" scroll={anchor ? false : undefined}>
          ← Previous ({direction[0]}) events
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link href={at(next)} rel="next" scroll={anchor ? false : undefined}>
          Next ({direction[1]}) events →
        </Link>
      )}
    </nav>
  );
}
