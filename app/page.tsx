import { ActivitySection } from '@/components/timeline/activity-section';
import { EmbedSnippet } from '@/components/timeline/embed-snippet';
import { Notices } from '@/components/timeline/notices';
import { SubscribeLinks } from '@/components/timeline/subscribe-links';
import { TimelineFilters } from '@/components/timeline/timeline-filters';
import { TimelineView } from '@/components/timeline/timeline-view';
import { viewTitle } from '@/lib/exports/view-title';
import { parseTimelineQuery, timelineHref, type SearchParams } from '@/lib/filters';
import { timelineView } from '@/lib/timeline';
import { timelineViewMetadata } from '@/lib/view-metadata';

/** The title and share card name the filtered view (lib/view-metadata.ts). */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return timelineViewMetadata(await searchParams);
}

/**
 * The chronology. The events come first — on the first screen of a laptop and
 * of a phone — with the filters and the activity chart beside them on wide
 * screens and after them on narrow ones (a link at the top leads there).
 */
export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query: requested, notices } = parseTimelineQuery(await searchParams);
  const view = await timelineView(requested, { facets: true, activity: true });
  const { query, page } = view;
  // Clicking a month keeps every other filter and narrows the dates to that month.
  const monthHref = (month: string) => timelineHref({ filter: { ...query.filter, from: month, to: month }, order: query.order });

  return (
    <>
      <h1>AI policy timeline</h1>
      <p className="lede">
        Executive orders, agency announcements and the pressure around them — each dated as precisely as it is known and
        backed by its sources.
      </p>
      <Notices notices={[...notices, ...view.notices, ...page.notices]} />
      <div className="timeline-layout">
        <section className="timeline-layout__events" aria-labelledby="events-heading">
          <div className="events-heading-row">
            <h2 id="events-heading">Events</h2>
            <a className="to-filters" href="#filters">
              Search and filter
            </a>
          </div>
          <TimelineView query={query} page={page} terms={view.terms} />
          <SubscribeLinks filter={query.filter} />
          <EmbedSnippet view={{ filter: query.filter, order: query.order }} title={viewTitle(query.filter, view.names)} />
        </section>
        <aside className="timeline-layout__side" id="filters" aria-label="Search, filters and activity">
          <TimelineFilters query={query} names={view.names} facets={view.facets ?? undefined} hidden={view.facets?.hidden} />
          <ActivitySection activity={view.activity!} monthHref={monthHref} />
        </aside>
      </div>
    </>
  );
}
