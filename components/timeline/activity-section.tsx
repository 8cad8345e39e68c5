import Link from 'next/link';
import type { ActivityChartDatum, ActivitySeries } from '@/components/timeline/activity-chart';
import { LazyActivityChart } from '@/components/timeline/activity-chart-lazy';
import type { MonthlyActivity } from '@/lib/events';
import { bucketActivity, type Grain, type TimeBucket } from '@/lib/time-buckets';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@/lib/vocabulary';

/**
 * Six series at most, in colours told apart with the common colour-vision
 * deficiencies (after Okabe & Ito) and each at least 3:1 against the white
 * page; the other types share a grey "Other types" series.
 */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#007a5e', '#b8569a', '#6a3d9a', '#9a6b00'];
export const OTHER_COLOR = '#5e5e5e';
const OTHER_KEY = 'other';

const GRAIN_LABEL: Record<Grain, { one: string; title: string }> = {
  month: { one: 'month', title: 'Activity by month' },
  quarter: { one: 'quarter', title: 'Activity by quarter' },
  year: { one: 'year', title: 'Activity by year' },
};

function plural(count: number, one: string, many: string): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
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

/** The types with most events get a colour each; the rest are one series. */
export function seriesOf(buckets: TimeBucket[]): { series: ActivitySeries[]; keyOf: (type: EventType) => string } {
  const totals = new Map<EventType, number>();
  for (const bucket of buckets) for (const [type, count] of Object.entries(bucket.byType) as Array<[EventType, number]>) totals.set(type, (totals.get(type) ?? 0) + count);
  const ranked = EVENT_TYPES.filter((type) => totals.get(type)).sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0));
  // Seven types fit seven series; more share the last one.
  const own = ranked.length <= SERIES_COLORS.length + 1 ? ranked : ranked.slice(0, SERIES_COLORS.length);
  const colours = [...SERIES_COLORS, OTHER_COLOR];
  const series: ActivitySeries[] = own.map((type, index) => ({ key: type, label: EVENT_TYPE_LABELS[type], color: colours[index] }));
  if (own.length < ranked.length) series.push({ key: OTHER_KEY, label: 'Other types', color: OTHER_COLOR });
  return { series, keyOf: (type) => (own.includes(type) ? type : OTHER_KEY) };
}

interface ActivitySectionProps {
  activity: MonthlyActivity;
  /** The link for a period: the current view narrowed to the dates from … to (YYYY or YYYY-MM). */
  rangeHref: (from: string, to: string) => string;
  title?: string;
}

/**
 * Events per month, quarter or year (whichever the span calls for) for the
 * current view, stacked by type, with a table as its text alternative. The data
 * comes with the page, so the caption and the table (whose periods are links
 * too) work without JavaScript.
 */
export function ActivitySection({ activity, rangeHref, title }: ActivitySectionProps) {
  const { grain, buckets } = bucketActivity(activity.months);
  const { series, keyOf } = seriesOf(buckets);
  const unit = GRAIN_LABEL[grain].one;
  const data: ActivityChartDatum[] = buckets.map((bucket) => {
    const datum: ActivityChartDatum = { key: bucket.key, label: bucket.label, count: bucket.count, href: rangeHref(bucket.from, bucket.to) };
    for (const [type, count] of Object.entries(bucket.byType) as Array<[EventType, number]>) {
      const key = keyOf(type);
      datum[key] = (typeof datum[key] === 'number' ? datum[key] : 0) + count;
    }
    return datum;
  });
  const busiest = data.reduce<ActivityChartDatum | null>((best, row) => (!best || row.count > best.count ? row : best), null);
  const dated = data.reduce((sum, row) => sum + row.count, 0);
  const description =
    data.length === 0
      ? 'No events in this view are dated to a month.'
      : `Bar chart of ${plural(dated, 'event', 'events')} by the ${unit} they start, stacked by type, from ${data[0].label} to ${data[data.length - 1].label}; the busiest ${unit} is ${busiest?.label} with ${busiest?.count.toLocaleString('en-US')}.`;
  const heading = title ?? GRAIN_LABEL[grain].title;

  return (
    <section className="chart-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{heading}</h2>
      {data.length === 0 ? (
        <p className="muted">{description + leftOutNote(activity)}</p>
      ) : (
        <figure className="chart-figure">
          <LazyActivityChart data={data} series={series} description={description} unit={unit} />
          <figcaption className="muted">
            {description}
            {leftOutNote(activity)} Select a {unit} to list its events: the list holds every event that may have happened in it, so it also
            shows longer or vaguer events that started before, and can hold more events than the bar counts.
          </figcaption>
          <details>
            <summary>Show the numbers as a table</summary>
            <div className="table-scroll">
              <table className="data-table">
                <caption className="visually-hidden">Events per {unit}</caption>
                <thead>
                  <tr>
                    <th scope="col">{unit[0].toUpperCase() + unit.slice(1)}</th>
                    <th scope="col">Events</th>
                    <th scope="col">By type</th>
                  </tr>
                </thead>
                <tbody>
                  {buckets
                    .filter((bucket) => bucket.count > 0)
                    .map((bucket) => (
                      <tr key={bucket.key}>
                        <th scope="row">
                          <Link href={rangeHref(bucket.from, bucket.to)}>{bucket.label}</Link>
                        </th>
                        <td className="number">{bucket.count.toLocaleString('en-US')}</td>
                        <td>
                          {EVENT_TYPES.filter((type) => bucket.byType[type])
                            .map((type) => `${EVENT_TYPE_LABELS[type]} ${bucket.byType[type]}`)
                            .join(', ')}
                        </td>
                      </tr>
                    ))}
                </tbody>
              </table>
            </div>
          </details>
        </figure>
      )}
    </section>
  );
}
