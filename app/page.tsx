import { permanentRedirect } from 'next/navigation';
import { ActivitySection } from '@/components/timeline/activity-section';
import { EmbedSnippet } from '@/components/timeline/embed-snippet';
import { Notices } from '@/components/timeline/notices';
import { ResultsHeading } from '@/components/timeline/results-heading';
import { SubscribeLinks } from '@/components/timeline/subscribe-links';
import { TimeAxis } from '@/components/timeline/time-axis';
import { TimelineFacets } from '@/components/timeline/timeline-facets';
import { TimelineFilters } from '@/components/timeline/timeline-filters';
import { TimelineView } from '@/components/timeline/timeline-view';
import { viewTitle } from '@/lib/exports/view-title';
import { cleanSearch, parseTimelineQuery, timelineHref, type SearchParams } from '@/lib/filters';
import { timelineView } from '@/lib/timeline';
import { timelineViewMetadata } from '@/lib/view-metadata';

/** The title and share card name the filtered view (lib/view-metadata.ts). */
export async function generateMetadata({ searchParams }: { searchParams: Promise<SearchParams> }) {
  return timelineViewMetadata(await searchParams);
}

const EVENTS_HEADING = 'events-heading';

/**
 * The chronology. The events come first — on the first screen of a laptop and
 * of a phone, newest first — under a compact filter bar and a time axis; the
 * other facets and the activity chart sit beside them on wide screens, and
 * behind "More filters" and after the list on narrow ones.
 */
export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  // A plain form submit sends every field, empty or not; a shared link should not carry `q=&from=&to=`.
  const clean = cleanSearch(params);
  if (clean !== null) permanentRedirect(clean ? `/?${clean}` : '/');

  const { query: requested, notices } = parseTimelineQuery(params, { chronological: 'desc' });
  const view = await timelineView(requested, { facets: true, activity: true });
  const { query, page } = view;
  // Choosing a period keeps every other filter and narrows the dates to it.
  const rangeHref = (from: string, to: string) => timelineHref({ filter: { ...query.filter, from, to }, order: query.order });

  return (
    <>
      <a className="skip-link" href={`#${EVENTS_HEADING}`}>
        Skip to the events
      </a>
      <div className="timeline-intro">
        <h1>AI policy timeline</h1>
        <p className="lede">Executive orders, agency announcements and the pressure around them, each dated as precisely as it is known and backed by its sources.</p>
      </div>
      <Notices notices={[...notices, ...view.notices, ...page.notices]} />
      <div className="timeline-layout">
        <div className="timeline-layout__bar">
          <TimelineFilters query={query} names={view.names} facets={view.facets ?? undefined} hidden={view.facets?.hidden} />
        </div>
        {view.facets && (
          <div className="timeline-layout__facets">
            <TimelineFacets facets={view.facets} filter={query.filter} names={view.names} />
          </div>
        )}
        <section className="timeline-layout__events" aria-labelledby={EVENTS_HEADING}>
          {view.activity && <TimeAxis activity={view.activity} query={query} page={page} />}
          <ResultsHeading id={EVENTS_HEADING}>Events</ResultsHeading>
          <TimelineView query={query} page={page} terms={view.terms} anchor={EVENTS_HEADING} />
          <SubscribeLinks filter={query.filter} />
          <EmbedSnippet view={{ filter: query.filter, order: query.order }} title={viewTitle(query.filter, view.names)} />
        </section>
        <div className="timeline-layout__chart">
          <ActivitySection activity={view.activity!} rangeHref={rangeHref} />
        </div>
      </div>
    </>
  );
}
