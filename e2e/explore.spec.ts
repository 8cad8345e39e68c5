import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { expect, test, type Page } from '@playwright/test';
import { cardSlugs, collectPageErrors, hydrated } from './support';

/**
 * Exploring the chronology and taking a view out: combined filters that can be
 * shared, search with highlights, the chart narrowing to a month, and every
 * download of a filtered view holding the same events as the page.
 */

async function waitForList(page: Page, text: string | RegExp) {
  await expect(page.getByTestId('result-count')).toHaveText(text);
}

test('combined filters live in the URL, and the same URL shows the same list to someone else', async ({ page, browser }) => {
  const errors = collectPageErrors(page);
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Involving actor' }).fill('donald');
  await page.getByRole('option', { name: 'Donald Trump' }).click();
  await waitForList(page, /^3 events match these filters/);
  // With JavaScript each choice applies at once, without a full reload, and the facet counts follow.
  await page.getByRole('checkbox', { name: 'Pre-release model review (2)' }).check();
  await waitForList(page, /^2 events match these filters/);
  await page.getByRole('textbox', { name: 'From' }).fill('2026-05-21');
  await expect(page).toHaveURL(/from=2026-05-21/);
  await waitForList(page, /^2 events match these filters/);
  await page.getByRole('textbox', { name: 'To' }).fill('2026-05-21');
  await expect(page).toHaveURL(/to=2026-05-21/);

  const url = page.url();
  expect(url).toMatch(/actor=donald-trump/);
  expect(url).toMatch(/topic=pre-release-review/);
  const slugs = await cardSlugs(page);
  expect(slugs).toEqual(['signing-postponed', 'industry-lobbying-against-review-order']);

  const other = await browser.newPage();
  await other.goto(url);
  await expect(other.getByTestId('result-count')).toHaveText(/^2 events match these filters/);
  expect(await cardSlugs(other)).toEqual(slugs);
  await expect(other.getByRole('list', { name: 'Active filters' })).toContainText('Topic: Pre-release model review');
  await other.close();
  expect(errors).toEqual([]);
});

test('a search ranks its matches and marks the words it found', async ({ page }) => {
  await page.goto('/');
  // Typing applies the search once the page's scripts run.
  await hydrated(page);
  await page.getByRole('searchbox', { name: 'Search' }).fill('certain aspects');
  await expect(page).toHaveURL(/q=certain\+aspects/);
  await waitForList(page, '1 event matches these filters, best match first.');
  const card = page.getByTestId('event-card');
  await expect(card.getByRole('heading')).toHaveText('Trump postpones the signing of the pre-release review order');
  await expect(card.locator('mark')).toHaveText(['certain', 'aspects']);

  // Words are matched at their start, accents and case aside: "nist" is not found inside "administration".
  await page.goto('/?q=NIST');
  await waitForList(page, /^2 events match these filters, best match first\./);
  await expect(page.getByTestId('event-card').first().locator('mark').first()).toHaveText('NIST');
});

test('invalid filter values are reported and ignored, and the page stays usable', async ({ page }) => {
  const response = await page.goto('/?from=2026-13&to=2025&type=vetoed&topic=no-such-topic');
  expect(response?.status()).toBe(200);
  const notice = page.getByRole('status').filter({ hasText: 'Ignored' });
  await expect(notice).toContainText('Ignored from="2026-13"');
  await expect(notice).toContainText('Ignored type "vetoed"');
  await expect(notice).toContainText('No topic "no-such-topic" is recorded');
  // Only "to" remains: events that may have happened by the end of 2025 (the open-ended OpenAI programme included).
  await waitForList(page, /^3 events match these filters/);
});

test('clicking a month in the chart narrows the view to that month', async ({ page }) => {
  await page.goto('/?actor=donald-trump');
  const chart = page.getByTestId('activity-chart');
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The last bar is May 2026, the month of the lobbying and the postponement.
  await chart.locator('.recharts-bar-rectangle').last().click();
  await expect(page).toHaveURL(/from=2026-05&to=2026-05/);
  await expect(page).toHaveURL(/actor=donald-trump/);
  await waitForList(page, /^2 events match these filters/);
  expect(await cardSlugs(page)).toEqual(['signing-postponed', 'industry-lobbying-against-review-order']);
});

test('the feed, calendar, CSV and TimelineJS links of a filtered view hold the same events as the page', async ({ page }) => {
  await page.goto('/?actor=donald-trump');
  await waitForList(page, /^3 events match these filters/);
  const slugs = (await cardSlugs(page)).sort();
  const links = page.getByRole('navigation', { name: 'Follow or download this view' });
  const fetchLink = async (name: string) => {
    const href = await links.getByRole('link', { name }).getAttribute('href');
    expect(href).toContain('actor=donald-trump');
    const response = await page.request.get(href!);
    expect(response.status()).toBe(200);
    return response;
  };

  const feed = await fetchLink('Atom feed');
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const atom = new XMLParser({ ignoreAttributes: false }).parse(await feed.text());
  const entries = [atom.feed.entry].flat();
  const entrySlugs = entries.map((entry: { link: { '@_href': string } }) => entry.link['@_href'].split('/events/')[1]).sort();
  expect(entrySlugs).toEqual(slugs);

  const calendar = await fetchLink('Calendar (iCal)');
  const vcalendar = new ICAL.Component(ICAL.parse(await calendar.text()));
  const vevents = vcalendar.getAllSubcomponents('vevent');
  expect(vevents.map((vevent) => String(vevent.getFirstPropertyValue('uid')).split('@')[0]).sort()).toEqual(slugs);
  const postponed = vevents.find((vevent) => String(vevent.getFirstPropertyValue('uid')).startsWith('signing-postponed@'))!;
  // An all-day event on the calendar date itself, whatever the zone.
  expect(String(postponed.getFirstPropertyValue('dtstart'))).toBe('2026-05-21');

  const csv = await fetchLink('CSV');
  const rows = parseCsv(await csv.text(), { columns: true, bom: true }) as Array<Record<string, string>>;
  expect(rows.map((row) => row.slug).sort()).toEqual(slugs);
  expect(rows.find((row) => row.slug === 'industry-lobbying-against-review-order')?.date_display).toBe('May 2026');

  const timeline = await fetchLink('TimelineJS');
  const timelineJson = (await timeline.json()) as { events: Array<{ unique_id: string; start_date: Record<string, string | number> }> };
  expect(timelineJson.events.map((event) => event.unique_id).sort()).toEqual(slugs);
  const lobbying = timelineJson.events.find((event) => event.unique_id === 'industry-lobbying-against-review-order')!;
  expect(lobbying.start_date).toMatchObject({ year: 2026, month: 5 });
  expect(lobbying.start_date.day).toBeUndefined();
});
