import Link from 'next/link';
import type { EventPage, MonthlyActivity } from '@/lib/events';
import { timelineHref, type TimelineQuery } from '@/lib/filters';
import { axisYears, bucketActivity, overlaps, pageSpan, type Grain } from '@/lib/time-buckets';

const GRAIN_WORDS: Record<Grain, string> = { month: 'month', quarter: 'quarter', year: 'year' };
const BAR_HEIGHT = 36;

/**
 * Where the events lie in time, server-rendered so it works without
 * JavaScript: one bar per month, quarter or year (whichever the span calls
 * for), the part the current page holds marked, and a link per year that opens
 * the page of the list holding that year (a jump, not a filter: the other
 * events stay a page away). Bars count events by the period they start in.
 */
export function TimeAxis({ activity, query, page, basePath = '/' }: { activity: MonthlyActivity; query: TimelineQuery; page: EventPage; basePath?: string }) {
  const { grain, buckets } = bucketActivity(activity.months);
  if (buckets.length === 0) return null;
  const span = pageSpan(page.events);
  const max = Math.max(1, ...buckets.map((bucket) => bucket.count));
  const years = axisYears(buckets);
  const shownYears = new Set(buckets.filter((bucket) => overlaps(bucket, span)).map((bucket) => bucket.year));
  const held = buckets.filter((bucket) => overlaps(bucket, span));
  const jumpable = query.order !== 'relevance';
  const width = buckets.length;
  const description =
    `Events by the ${GRAIN_WORDS[grain]} they start, ${buckets[0].label} to ${buckets[buckets.length - 1].label}` +
    (held.length > 0 ? `; this page holds ${held[0].label}${held.length > 1 ? ` to ${held[held.length - 1].label}` : ''}.` : '.');
  return (
    <nav className="time-axis" aria-label="Time axis">
      <svg
        className="time-axis__bars"
        viewBox={`0 0 ${width} ${BAR_HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={description}
        data-testid="time-axis-bars"
      >
        {held.length > 0 && (
          <rect
            className="time-axis__held"
            x={buckets.indexOf(held[0])}
            y={0}
            width={held.length}
            height={BAR_HEIGHT}
          />
        )}
        {buckets.map((bucket, index) => {
          const height = bucket.count === 0 ? 0 : Math.max(2, (bucket.count / max) * (BAR_HEIGHT - 2));
          return (
            <rect
              key={bucket.key}
              className={overlaps(bucket, span) ? 'time-axis__bar time-axis__bar--held' : 'time-axis__bar'}
              x={index + 0.12}
              y={BAR_HEIGHT - height}
              width={0.76}
              height={height}
            >
              <title>{`${bucket.label}: ${bucket.count} ${bucket.count === 1 ? 'event starts' : 'events start'}`}</title>
            </rect>
          );
        })}
      </svg>
      <p className="time-axis__ends" aria-hidden="true">
        <span>{buckets[0].label}</span>
        <span>{buckets[buckets.length - 1].label}</span>
      </p>
      {jumpable && years.length > 1 && (
        <div className="time-axis__years">
          <span className="time-axis__label" id="axis-jump-label">
            Jump to
          </span>
          <ul aria-labelledby="axis-jump-label">
            {(query.order === 'desc' ? [...years].reverse() : years).map((year) => (
              <li key={year}>
                <Link
                  href={`${timelineHref({ filter: query.filter, order: query.order, at: String(year) }, basePath)}#events-heading`}
                  scroll={false}
                  aria-current={shownYears.has(year) ? 'location' : undefined}
                >
                  {year}
                  {shownYears.has(year) && <span className="visually-hidden"> (on this page)</span>}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </nav>
  );
}
