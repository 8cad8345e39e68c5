import { ActivityChart, type ActivityChartDatum } from '@/components/timeline/activity-chart';
import { formatMonthKey } from '@/lib/dates';
import { monthlyActivity, type EventWhere } from '@/lib/events';

/**
 * Events per month for the current view. Rendered in its own Suspense boundary
 * so the list never waits for it; the table is its text alternative.
 */
export async function ActivitySection({ where, title = 'Activity by month' }: { where: EventWhere; title?: string }) {
  const activity = await monthlyActivity(where);
  const data: ActivityChartDatum[] = activity.months.map((row) => ({ ...row, label: formatMonthKey(row.month, 'short') }));
  const busiest = data.reduce<ActivityChartDatum | null>((best, row) => (!best || row.count > best.count ? row : best), null);
  const dated = data.reduce((sum, row) => sum + row.count, 0);
  const description =
    data.length === 0
      ? 'No events in this view are dated to a month.'
      : `Bar chart of ${dated} events by the month they start, from ${data[0].label} to ${data[data.length - 1].label}; the busiest month is ${busiest?.label} with ${busiest?.count}.`;
  const undatedNote =
    activity.withoutMonth > 0
      ? ` ${activity.withoutMonth} ${activity.withoutMonth === 1 ? 'event is' : 'events are'} dated only to a year and not counted here.`
      : '';

  return (
    <section className="chart-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">{title}</h2>
      {data.length === 0 ? (
        <p className="muted">{description + undatedNote}</p>
      ) : (
        <figure style={{ margin: 0 }}>
          <ActivityChart data={data} description={description} />
          <figcaption className="muted">
            {description}
            {undatedNote}
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

export function ActivitySectionPlaceholder({ title = 'Activity by month' }: { title?: string }) {
  return (
    <section className="chart-section" aria-busy="true">
      <h2>{title}</h2>
      <div className="chart-placeholder">Loading the chart…</div>
    </section>
  );
}
