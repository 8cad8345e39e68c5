import type { MonthlyActivity } from '@/lib/events';

/**
 * The embed's density strip: events per month, or per year once the span
 * is longer than MAX_MONTH_BARS months (bars stay wider than a pixel in an
 * article column), with the bars that hold the listed events marked, so a
 * reader sees which part of the axis the list shows.
 */

export const MAX_MONTH_BARS = 120;

export interface AxisBar {
  /** YYYY-MM, or YYYY for a year's bar. */
  key: string;
  count: number;
  current: boolean;
}

export interface Axis {
  unit: 'month' | 'year';
  bars: AxisBar[];
  max: number;
}

/** `dates` are the listed events' EDTF dates; a bar is current when one of them starts in it. */
export function densityAxis(activity: MonthlyActivity, listedStarts: string[]): Axis | null {
  if (activity.months.length === 0) return null;
  const unit = activity.months.length > MAX_MONTH_BARS ? 'year' : 'month';
  const keyOf = (month: string) => (unit === 'year' ? month.slice(0, 4) : month);
  const counts = new Map<string, number>();
  for (const { month, count } of activity.months) counts.set(keyOf(month), (counts.get(keyOf(month)) ?? 0) + count);
  const current = new Set(listedStarts.map((start) => keyOf(start.slice(0, 7))));
  const bars = [...counts].map(([key, count]) => ({ key, count, current: current.has(key) }));
  return { unit, bars, max: Math.max(1, ...bars.map((bar) => bar.count)) };
}
