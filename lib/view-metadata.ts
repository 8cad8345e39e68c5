import type { Metadata } from 'next';
import { resolveEventFilter } from '@/lib/event-filter';
import { viewTitle } from '@/lib/exports/view-title';
import { defaultOrderFor, isFilterActive, parseTimelineQuery, timelineHref, type SearchParams } from '@/lib/filters';
import { pageMetadata, SITE_DESCRIPTION } from '@/lib/page-metadata';

/**
 * The title and card of a timeline view (`/` with its filters): named after
 * the filter as feeds are (lib/exports/view-title.ts), so two shared views
 * read differently in a tab, a bookmark and a chat preview.
 */
export async function timelineViewMetadata(params: SearchParams): Promise<Metadata> {
  // Read as the page reads it (newest first by default), so the card's address is the page's own.
  const { query } = parseTimelineQuery(params, { chronological: defaultOrderFor('/') });
  const resolved = await resolveEventFilter(query.filter);
  const title = viewTitle(resolved.applied, resolved.names);
  return pageMetadata({
    title,
    absoluteTitle: true,
    description: isFilterActive(resolved.applied)
      ? `The AI-policy events of this view (${title.replace(/^[^:]*: /, '')}), each dated as precisely as it is known and backed by its sources.`
      : SITE_DESCRIPTION,
    path: timelineHref({ filter: resolved.applied, order: query.order }),
  });
}
