import { ActivitySection } from '@/components/timeline/activity-section';
import { Notices } from '@/components/timeline/notices';
import { TimelineFilters } from '@/components/timeline/timeline-filters';
import { TimelineView } from '@/components/timeline/timeline-view';
import { AGENCY_KINDS, listActorOptions } from '@/lib/actors';
import { listEvents, monthlyActivity, resolveEventFilter } from '@/lib/events';
import { parseTimelineQuery, type SearchParams } from '@/lib/filters';

export default async function TimelinePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { query: requested, notices } = parseTimelineQuery(await searchParams);
  const resolved = await resolveEventFilter(requested.filter);
  const query = { ...requested, filter: resolved.applied };
  const [page, activity, actorOptions] = await Promise.all([
    listEvents(query, resolved.where),
    monthlyActivity(resolved.where),
    listActorOptions(),
  ]);

  return (
    <>
      <h1>AI policy timeline</h1>
      <p className="lede">
        Executive orders, agency announcements and the pressure around them — each dated as precisely as it is known and
        backed by its sources.
      </p>
      <Notices notices={[...notices, ...resolved.notices, ...page.notices]} />
      <TimelineFilters
        query={query}
        names={resolved.names}
        actorOptions={actorOptions}
        agencyOptions={actorOptions.filter((actor) => AGENCY_KINDS.includes(actor.kind))}
      />
      <ActivitySection activity={activity} />
      <section aria-labelledby="events-heading">
        <h2 id="events-heading">Events</h2>
        <TimelineView query={query} page={page} />
      </section>
    </>
  );
}
