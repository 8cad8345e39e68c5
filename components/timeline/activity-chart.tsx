'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ActivityChartDatum {
  /** YYYY-MM */
  month: string;
  /** "May 2026" */
  label: string;
  count: number;
  /** Where clicking the month goes: the same view narrowed to that month. */
  href: string;
  /** Events per type, keyed by type. */
  [type: string]: string | number;
}

export interface ActivitySeries {
  type: string;
  label: string;
  color: string;
}

/** Events per month, stacked by type; clicking a month narrows the view to it. The figure around it carries the text alternative. */
export function ActivityChart({ data, series, description }: { data: ActivityChartDatum[]; series: ActivitySeries[]; description: string }) {
  const router = useRouter();
  const open = (datum: unknown) => {
    const href = (datum as { payload?: ActivityChartDatum } | undefined)?.payload?.href;
    if (href) router.push(href, { scroll: false });
  };
  return (
    <div className="chart-frame" role="img" aria-label={description} data-testid="activity-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 240 }}>
        {/* The figure is one image for assistive technology; its table (with month links) is the accessible way in. */}
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {series.map((item) => (
            <Bar
              key={item.type}
              dataKey={item.type}
              name={item.label}
              stackId="types"
              fill={item.color}
              isAnimationActive={false}
              cursor="pointer"
              onClick={open}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
