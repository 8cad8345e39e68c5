'use client';

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface ActivityChartDatum {
  /** YYYY-MM */
  month: string;
  /** "May 2026" */
  label: string;
  count: number;
}

/** The bar chart itself; the surrounding figure carries the text alternative. */
export function ActivityChart({ data, description }: { data: ActivityChartDatum[]; description: string }) {
  return (
    <div className="chart-frame" role="img" aria-label={description} data-testid="activity-chart">
      <ResponsiveContainer width="100%" height="100%" initialDimension={{ width: 640, height: 220 }}>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval="preserveStartEnd" minTickGap={16} />
          <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
          <Tooltip formatter={(value) => [value, 'Events']} />
          <Bar dataKey="count" name="Events" fill="#1d3a5f" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
