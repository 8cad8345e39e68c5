import { ActivitySection } from '@/components/timeline/activity-section';
import { Notices } from '@/components/timeline/notices';
import { SubscribeLinks } from '@/components/timeline/subscribe-links';
import { TimelineFilters } from '@/components/timeline/timeline-filters';
import { TimelineView } from '@/components/timeline/timeline-view';
import { monthlyActivity, pageOfEvents, resolveEventFilter } from '@/lib/events';
import { computeFacets } from '@/lib/facets';
import { parseTimelineQuery, timelineHref, type SearchParams } from '@/lib/filters';

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query: requested, notices } = parseTimelineQuery(await searchParams);
  const resolved = await resolveEventFilter(requested.filter);
  const query = { ...requested, filter: resolved.applied, order: resolved.applied.q || requested.order !== 'relevance' ? requested.order : 'asc' };
  const [page, activity, facets] = await Promise.all([
    pageOfEvents(query, resolved.where, resolved.terms),
    monthlyActivity(resolved.where),
    computeFacets(resolved),
  ]);
  // Clicking a month keeps every other filter and narrows the dates to that month.
  const monthHref = (month: string) => timelineHref({ filter: { ...query.filter, from: month, to: month }, order: query.order });

  return (
    <>
      <h1>AI policy timeline</h1>
      <p className="lede">
        Executive orders, agency announcements and the pressure around them — each dated as precisely as it is known and
        backed by its sources.
      </p>
      <Notices notices={[...notices, ...resolved.notices, ...page.notices]} />
      <TimelineFilters query={query} names={resolved.names} facets={facets} />
      <ActivitySection activity={activity} monthHref={monthHref} />
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <SubscribeLinks filter={query.filter} />
        <TimelineView query={query} page={page} terms={resolved.terms} />
      </section>
    </>
  );
}
