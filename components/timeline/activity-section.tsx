import Link from 'next/link';
import type { ActivityChartDatum, ActivitySeries } from '@/components/timeline/activity-chart';
import { LazyActivityChart } from '@/components/timeline/activity-chart-lazy';
import { formatMonthKey } from '@/lib/dates';
import type { MonthlyActivity } from '@/lib/events';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '@/lib/vocabulary';

// One color per event type, distinguishable side by side (Tableau 10 with five more).
const TYPE_COLORS = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#1d3a5f', '#8cd17d', '#d37295', '#499894', '#86bcb6'];

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What the chart leaves out, and why: events that belong to no month. */
function leftOutNote(activity: MonthlyActivity): string {
  const parts = [
    activity.yearOnly > 0 ? `${plural(activity.yearOnly, 'event', 'events')} dated only to a year` : null,
    activity.openStart > 0 ? `${plural(activity.openStart, 'event', 'events')} with an unknown start` : null,
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const total = activity.yearOnly + activity.openStart;
  return ` Not counted: ${parts.join(' and ')}, since ${total === 1 ? 'it belongs' : 'they belong'} to no single month.`;
}

interface ActivitySectionProps {
  activity: MonthlyActivity;
  /** The link for one month: the current view narrowed to it. */
  monthHref: (month: string) => string;
  title?: string;
}

/**
 * Events per month for the current view, stacked by type, with a table as its
 * text alternative. The data comes with the page, so the caption and the table
 * (whose months are links too) work without JavaScript.
 */
export function ActivitySection({ activity, monthHref, title = 'Activity by month' }: ActivitySectionProps) {
  const data: ActivityChartDatum[] = activity.months.map((row) => ({
    month: row.month,
    label: formatMonthKey(row.month, 'short'),
    count: row.count,
    href: monthHref(row.month),
    ...row.byType,
  }));
  const series: ActivitySeries[] = EVENT_TYPES.filter((type) => activity.months.some((row) => row.byType[type])).map((type) => ({
    type,
    label: EVENT_TYPE_LABELS[type],
    color: TYPE_COLORS[EVENT_TYPES.indexOf(type) % TYPE_COLORS.length],
  }));
  const busiest = data.reduce<ActivityChartDatum | null>((best, row) => (!best || row.count > best.count ? row : best), null);
  const dated = data.reduce((sum, row) => sum + row.count, 0);
  const description =
    data.length === 0
      ? 'No events in this view are dated to a month.'
      : `Bar chart of ${plural(dated, 'event', 'events')} by the month they start, stacked by type, from ${data[0].label} to ${data[data.length - 1].label}; the busiest month is ${busiest?.label} with ${busiest?.count}.`;

  return (
    <section className="chart-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{title}</h2>
      {data.length === 0 ? (
        <p className="muted">{description + leftOutNote(activity)}</p>
      ) : (
        <figure style={{ margin: 0 }}>
          <LazyActivityChart data={data} series={series} description={description} />
          <figcaption className="muted">
            {description}
            {leftOutNote(activity)} Select a month to see only its events.
          </figcaption>
          <details>
            <summary>Show the numbers as a table</summary>
            <table className="data-table">
              <caption className="visually-hidden">Events per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Events</th>
                  <th scope="col">By type</th>
                </tr>
              </thead>
              <tbody>
                {activity.months
                  .filter((row) => row.count > 0)
                  .map((row) => (
                    <tr key={row.month}>
                      <th scope="row">
                        <Link href={monthHref(row.month)}>{formatMonthKey(row.month)}</Link>
                      </th>
                      <td className="number">{row.count}</td>
                      <td>
                        {series
                          .filter((item) => row.byType[item.type as keyof typeof row.byType])
                          .map((item) => `${item.label} ${row.byType[item.type as keyof typeof row.byType]}`)
                          .join(', ')}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </details>
        </figure>
      )}
    </section>
  );
}
