import { describe, expect, it } from 'vitest';
import { axisYears, bucketActivity, grainFor, overlaps, pageSpan } from '@/lib/time-buckets';

const months = (first: string, count: number) => {
  let [year, month] = first.split('-').map(Number);
  return Array.from({ length: count }, () => {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
    return { month: key, count: 1, byType: { announced: 1 } };
  });
};

describe('time buckets', () => {
  it('reads a few years by month, a decade by quarter, more by year', () => {
    expect(grainFor(1)).toBe('month');
    expect(grainFor(48)).toBe('month');
    expect(grainFor(49)).toBe('quarter');
    expect(grainFor(144)).toBe('quarter');
    expect(grainFor(145)).toBe('year');
  });

  it('sums months into quarters, with the date window that lists each', () => {
    const { grain, buckets } = bucketActivity(months('2015-11', 60));
    expect(grain).toBe('quarter');
    expect(buckets[0]).toMatchObject({ key: '2015-Q4', label: 'Q4 2015', from: '2015-10', to: '2015-12', count: 2, byType: { announced: 2 } });
    expect(buckets[1]).toMatchObject({ key: '2016-Q1', from: '2016-01', to: '2016-03', count: 3 });
    expect(buckets.reduce((sum, bucket) => sum + bucket.count, 0)).toBe(60);
  });

  it('sums months into years, whose window is the year', () => {
    const { buckets } = bucketActivity(months('2001-06', 200));
    expect(buckets[0]).toMatchObject({ key: '2001', from: '2001', to: '2001', firstMonth: '2001-01', lastMonth: '2001-12', count: 7 });
    expect(axisYears(buckets)).toEqual(Array.from({ length: buckets.length }, (_, index) => 2001 + index));
  });

  it('keeps months as they are for a short span', () => {
    const { buckets } = bucketActivity([
      { month: '2026-04', count: 1, byType: { released: 1 } },
      { month: '2026-05', count: 5, byType: { announced: 2, postponed: 3 } },
    ]);
    expect(buckets.map((bucket) => [bucket.label, bucket.from, bucket.to, bucket.count])).toEqual([
      ['April 2026', '2026-04', '2026-04', 1],
      ['May 2026', '2026-05', '2026-05', 5],
    ]);
  });

  it('finds the months a page spans, a year-only date spanning its year', () => {
    expect(pageSpan([{ date: '2026-05-21' }, { date: '2023-10-30' }, { date: '../2026-05-21' }])).toEqual({ firstMonth: '2023-10', lastMonth: '2026-05' });
    expect(pageSpan([{ date: '2026' }, { date: '2026-04?' }])).toEqual({ firstMonth: '2026-01', lastMonth: '2026-12' });
    expect(pageSpan([])).toBeNull();
    const span = { firstMonth: '2025-11', lastMonth: '2026-02' };
    expect(overlaps({ firstMonth: '2025-10', lastMonth: '2025-12' }, span)).toBe(true);
    expect(overlaps({ firstMonth: '2026-04', lastMonth: '2026-06' }, span)).toBe(false);
    expect(overlaps({ firstMonth: '2026-01', lastMonth: '2026-01' }, null)).toBe(false);
  });
});
