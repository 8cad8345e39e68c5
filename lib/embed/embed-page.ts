import { EMBED_PATH } from '@/lib/embed/embed-code';
import { embedHtml } from '@/lib/embed/embed-html';
import { searchParamsOf } from '@/lib/exports/event-view';
import { absoluteUrl } from '@/lib/exports/site-origin';
import { viewTitle } from '@/lib/exports/view-title';
import { parseTimelineQuery, timelineHref } from '@/lib/filters';
import { timelineView } from '@/lib/timeline';

/** An embed holds fewer events than the site's page: it sits in an article, ~600 px tall. */
export const EMBED_PAGE_SIZE = 6;

/**
 * The embed page for a request: the timeline view of its query (lib/timeline.ts,
 * cached per data version like every reader view), written as HTML.
 */
export async function embedPage(url: URL, origin: string, nonce: string): Promise<string> {
  const { query: requested } = parseTimelineQuery(searchParamsOf(url.searchParams));
  const view = await timelineView(requested, { activity: true, pageSize: EMBED_PAGE_SIZE });
  const { query, page } = view;
  const base = { filter: query.filter, order: query.order };
  const previous = page.previousBefore
    ? timelineHref({ ...base, before: page.previousBefore }, EMBED_PATH)
    : page.previousPage
      ? timelineHref({ ...base, page: page.previousPage }, EMBED_PATH)
      : null;
  const next = page.nextAfter
    ? timelineHref({ ...base, after: page.nextAfter }, EMBED_PATH)
    : page.nextPage
      ? timelineHref({ ...base, page: page.nextPage }, EMBED_PATH)
      : null;
  const directions: [string, string] = { asc: ['Earlier', 'Later'], desc: ['Later', 'Earlier'], relevance: ['Better matches', 'Weaker matches'] }[
    query.order
  ] as [string, string];
  return embedHtml({
    title: viewTitle(query.filter, view.names),
    page,
    activity: view.activity,
    origin,
    fullViewUrl: absoluteUrl(origin, timelineHref(base)),
    previousHref: previous,
    nextHref: next,
    directions,
    nonce,
  });
}
