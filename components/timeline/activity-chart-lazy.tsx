'use client';

import dynamic from 'next/dynamic';

/**
 * The activity chart, loaded after the page is usable: its charting library is
 * about half of the page's JavaScript, and the list, the filters and the table
 * of the same numbers work without it. The frame keeps its place meanwhile.
 */
export const LazyActivityChart = dynamic(() => import('@/components/timeline/activity-chart').then((module) => module.ActivityChart), {
  ssr: false,
  loading: () => <div className="chart-frame" aria-hidden="true" />,
});
