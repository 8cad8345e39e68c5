import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';

/**
 * /api/timelinejs read by the real client: TimelineJS 3.9.11 (devDependency
 * @knight-lab/timelinejs), loaded in Chromium from node_modules, given the
 * document our server writes, and asked what it plotted — which markers span
 * an interval and where they start and end.
 */

const DIST = path.join(process.cwd(), 'node_modules', '@knight-lab', 'timelinejs', 'dist');
const LIBRARY = 'http://timelinejs.test';
/** The default dataset's same-month interval: May 2026 to May 22, 2026. */
const SAME_MONTH = 'nist-announcement-removed';

type Plotted = { id: string; withEnd: boolean; start: string; end: string | null };

async function plot(page: Page, document: unknown): Promise<Plotted[]> {
  await page.route(`${LIBRARY}/**`, (route) => {
    const file = path.join(DIST, new URL(route.request().url()).pathname);
    const type = file.endsWith('.css') ? 'text/css' : file.endsWith('.json') ? 'application/json' : 'text/javascript';
    return route.fulfill({ body: readFileSync(file), contentType: type });
  });
  await page.route('http://host.test/', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!DOCTYPE html><html><head><link rel="stylesheet" href="${LIBRARY}/css/timeline.css"><script src="${LIBRARY}/js/timeline.js"></script></head>
        <body><div id="timeline" style="width: 1000px; height: 600px"></div></body></html>`,
    }),
  );
  await page.goto('http://host.test/');
  return page.evaluate(
    (data) =>
      new Promise<Plotted[]>((resolve, reject) => {
        type Marker = { data: { unique_id: string; start_date: { getTime(): number }; end_date?: { getTime(): number } }; _el: { container: HTMLElement } };
        type TimelineJs = { on(event: string, callback: () => void): void; _timenav: { _markers: Marker[] } };
        const library = (window as unknown as { TL: { Timeline: new (id: string, data: unknown, options: unknown) => TimelineJs } }).TL;
        // TimelineJS reads the dates as local time: the test browser's zone is America/Los_Angeles.
        const day = (time: number) => {
          const date = new Date(time);
          return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
        };
        const timeline = new library.Timeline('timeline', data, { timenav_position: 'bottom' });
        timeline.on('loaded', () =>
          resolve(
            timeline._timenav._markers.map((marker) => ({
              id: marker.data.unique_id,
              withEnd: marker._el.container.classList.contains('tl-timemarker-with-end'),
              start: day(marker.data.start_date.getTime()),
              end: marker.data.end_date ? day(marker.data.end_date.getTime()) : null,
            })),
          ),
        );
        setTimeout(() => reject(new Error('TimelineJS did not load the document')), 10_000);
      }),
    document,
  );
}

test.describe('TimelineJS 3.9.11 reading /api/timelinejs', () => {
  test('plots every event, and the same-month interval from May 1 to May 22, 2026 with its end', async ({ page, request }) => {
    const response = await request.get('/api/timelinejs');
    expect(response.status()).toBe(200);
    const document = (await response.json()) as { events: Array<{ unique_id: string; end_date?: unknown }> };
    const plotted = await plot(page, document);

    expect(plotted.map((marker) => marker.id).sort()).toEqual(document.events.map((slide) => slide.unique_id).sort());
    expect(plotted.find((marker) => marker.id === SAME_MONTH)).toEqual({ id: SAME_MONTH, withEnd: true, start: '2026-05-01', end: '2026-05-22' });
    // Every slide written with an end is plotted as a span, and no other.
    const spans = plotted.filter((marker) => marker.withEnd).map((marker) => marker.id);
    expect(spans.sort()).toEqual(document.events.filter((slide) => slide.end_date).map((slide) => slide.unique_id).sort());
    expect(plotted.find((marker) => marker.id === 'signing-postponed')).toMatchObject({ withEnd: false, start: '2026-05-21', end: null });
  });

  test('without the empty day the fix adds, TimelineJS would drop that end (the check can fail)', async ({ page, request }) => {
    const document = (await (await request.get('/api/timelinejs')).json()) as { events: Array<{ unique_id: string; start_date: Record<string, unknown> }> };
    const slide = document.events.find((event) => event.unique_id === SAME_MONTH)!;
    expect(slide.start_date).toEqual({ year: 2026, month: 5, day: '' });
    delete slide.start_date.day;
    const plotted = await plot(page, document);
    expect(plotted.find((marker) => marker.id === SAME_MONTH)).toMatchObject({ withEnd: false, end: null });
  });
});
