import { formatMonthKey, groupingMonth, parseEdtf } from '@/lib/dates';
import type { MonthlyActivity } from '@/lib/events';
import type { EventType } from '@/lib/vocabulary';

/**
 * The time axis and the activity chart group the monthly activity the view
 * service counts (lib/events.ts monthlyActivity) into months, quarters or years,
 * whichever keeps the number of bars readable: a few years of events read by
 * month, a decade by quarter, more by year. Pure functions of the already
 * counted months, so the cost does not grow with the events.
 */

export type Grain = 'month' | 'quarter' | 'year';

/** At most this many bars; beyond it the next coarser grain is used. */
export const MAX_BUCKETS = 48;

export interface TimeBucket {
  /** "2026-05", "2026-Q2" or "2026". */
  key: string;
  /** "May 2026", "Q2 2026" or "2026". */
  label: string;
  year: number;
  /** First and last month the bucket covers (YYYY-MM). */
  firstMonth: string;
  lastMonth: string;
  /** The date window that lists the bucket's events (YYYY or YYYY-MM, as the from/to filter takes them). */
  from: string;
  to: string;
  count: number;
  byType: Partial<Record<EventType, number>>;
}

export function grainFor(monthCount: number): Grain {
  if (monthCount <= MAX_BUCKETS) return 'month';
  if (Math.ceil(monthCount / 3) <= MAX_BUCKETS) return 'quarter';
  return 'year';
}

const pad = (month: number) => String(month).padStart(2, '0');

function bucketOf(monthKey: string, grain: Grain): Omit<TimeBucket, 'count' | 'byType'> {
  const [yearText, monthText] = monthKey.split('-');
  const year = Number(yearText);
  const month = Number(monthText);
  if (grain === 'month') return { key: monthKey, label: formatMonthKey(monthKey), year, firstMonth: monthKey, lastMonth: monthKey, from: monthKey, to: monthKey };
  if (grain === 'quarter') {
    const quarter = Math.floor((month - 1) / 3) + 1;
    const first = `${yearText}-${pad(quarter * 3 - 2)}`;
    const last = `${yearText}-${pad(quarter * 3)}`;
    return { key: `${yearText}-Q${quarter}`, label: `Q${quarter} ${yearText}`, year, firstMonth: first, lastMonth: last, from: first, to: last };
  }
  return { key: yearText, label: yearText, year, firstMonth: `${yearText}-01`, lastMonth: `${yearText}-12`, from: yearText, to: yearText };
}

/** The months grouped at the grain their span calls for, in time order, empty buckets kept (they are part of the axis). */
export function bucketActivity(months: MonthlyActivity['months'], grain: Grain = grainFor(months.length)): { grain: Grain; buckets: TimeBucket[] } {
  const buckets: TimeBucket[] = [];
  for (const row of months) {
    const shape = bucketOf(row.month, grain);
    let bucket = buckets[buckets.length - 1];
    if (!bucket || bucket.key !== shape.key) {
      bucket = { ...shape, count: 0, byType: {} };
      buckets.push(bucket);
    }
    bucket.count += row.count;
    for (const [type, count] of Object.entries(row.byType) as Array<[EventType, number]>) bucket.byType[type] = (bucket.byType[type] ?? 0) + count;
  }
  return { grain, buckets };
}

/** The months a page of events spans (by the month each is grouped under; a year-only date spans its year), or null. */
export function pageSpan(events: Array<{ date: string }>): { firstMonth: string; lastMonth: string } | null {
  let firstMonth: string | null = null;
  let lastMonth: string | null = null;
  for (const event of events) {
    const parsed = parseEdtf(event.date);
    const when = parsed.ok ? groupingMonth(parsed.date) : null;
    if (!when) continue;
    const year = String(when.year).padStart(4, '0');
    const start = when.month === null ? `${year}-01` : `${year}-${pad(when.month)}`;
    const end = when.month === null ? `${year}-12` : start;
    if (firstMonth === null || start < firstMonth) firstMonth = start;
    if (lastMonth === null || end > lastMonth) lastMonth = end;
  }
  return firstMonth && lastMonth ? { firstMonth, lastMonth } : null;
}

/** Whether a bucket overlaps a span of months. */
export function overlaps(bucket: Pick<TimeBucket, 'firstMonth' | 'lastMonth'>, span: { firstMonth: string; lastMonth: string } | null): boolean {
  return span !== null && bucket.lastMonth >= span.firstMonth && bucket.firstMonth <= span.lastMonth;
}

/** The years the axis offers to jump to: every year from the first to the last bucket. */
export function axisYears(buckets: TimeBucket[]): number[] {
  if (buckets.length === 0) return [];
  const years: number[] = [];
  for (let year = buckets[0].year; year <= buckets[buckets.length - 1].year; year++) years.push(year);
  return years;
}
