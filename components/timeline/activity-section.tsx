import { ActivityChart, type ActivityChartDatum } from '@/components/timeline/activity-chart';
import { formatMonthKey } from '@/lib/dates';
import type { MonthlyActivity } from '@/lib/events';

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

/**
 * Events per month for the current view, as a bar chart with a table as its
 * text alternative. The data comes with the page, so the caption and table
 * are there without JavaScript; the chart itself draws in the browser.
 */
export function ActivitySection({ activity, title = 'Activity by month' }: { activity: MonthlyActivity; title?: string }) {
  const data: ActivityChartDatum[] = activity.months.map((row) => ({ ...row, label: formatMonthKey(row.month, 'short') }));
  const busiest = data.reduce<ActivityChartDatum | null>((best, row) => (!best || row.count > best.count ? row : best), null);
  const dated = data.reduce((sum, row) => sum + row.count, 0);
  const description =
    data.length === 0
      ? 'No events in this view are dated to a month.'
      : `Bar chart of ${plural(dated, 'event', 'events')} by the month they start, from ${data[0].label} to ${data[data.length - 1].label}; the busiest month is ${busiest?.label} with ${busiest?.count}.`;

  return (
    <section className="chart-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{title}</h2>
      {data.length === 0 ? (
        <p className="muted">{description + leftOutNote(activity)}</p>
      ) : (
        <figure style={{ margin: 0 }}>
          <ActivityChart data={data} description={description} />
          <figcaption className="muted">
            {description}
            {leftOutNote(activity)}
          </figcaption>
          <details>
            <summary>Show the numbers as a table</summary>
            <table className="data-table">
              <caption className="visually-hidden">Events per month</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  <th scope="col">Events</th>
                </tr>
              </thead>
              <tbody>
                {data
                  .filter((row) => row.count > 0)
                  .map((row) => (
                    <tr key={row.month}>
                      <th scope="row">{formatMonthKey(row.month)}</th>
                      <td className="number">{row.count}</td>
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
