import { filterParams, type EventFilter } from '@/lib/filters';

/** Feeds and downloads of exactly the events on screen: every format honours the same filters. */
export function SubscribeLinks({ filter }: { filter: EventFilter }) {
  const search = filterParams(filter).toString();
  const withFilter = (path: string) => (search ? `${path}?${search}` : path);
  return (
    <nav className="subscribe" aria-label="Follow or download this view">
      <span className="muted">This view as:</span>
      <a href={withFilter('/feed.xml')} type="application/atom+xml">
        Atom feed
      </a>
      <a href={withFilter('/events.ics')} type="text/calendar">
        Calendar (iCal)
      </a>
      <a href={withFilter('/events.csv')} type="text/csv">
        CSV
      </a>
      <a href={withFilter('/api/events')} type="application/json">
        JSON
      </a>
      <a href={withFilter('/api/export')} type="application/json">
        Dataset export
      </a>
      <a href={withFilter('/api/timelinejs')} type="application/json">
        TimelineJS
      </a>
    </nav>
  );
}
