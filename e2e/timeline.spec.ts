import { expect, test } from '@playwright/test';
import {
  DEFAULT_EVENT_COUNT,
  DEFAULT_EVENT_ORDER,
  cardDatetimes,
  cardSlugs,
  cardWithTitle,
  collectPageErrors,
  eventCards,
  expectChronological,
  hydrated,
} from './support';

// The chronology opens newest first (README, Using the site).
const ALL_EVENTS = `${DEFAULT_EVENT_COUNT} events, newest first.`;
const NEWEST_FIRST = [...DEFAULT_EVENT_ORDER].reverse();

test.describe('the chronology', () => {
  test('lists the default events newest first, with dates that do not shift between time zones', async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);

    await expect(page.getByRole('heading', { level: 1, name: 'AI policy timeline' })).toBeVisible();
    await expect(page.getByText(ALL_EVENTS)).toBeVisible();
    await expect(eventCards(page)).toHaveCount(DEFAULT_EVENT_COUNT);

    const datetimes = await cardDatetimes(page);
    expectChronological(datetimes, 'desc');
    expect(await cardSlugs(page)).toEqual(NEWEST_FIRST);

    // The server runs in Pacific/Kiritimati (UTC+14), the browser in Los Angeles (UTC−7):
    // a date handled as a local midnight anywhere would show a day off here.
    const first = eventCards(page).last();
    await expect(first.getByRole('link', { name: 'Biden signs Executive Order 14110 on AI' })).toBeVisible();
    await expect(first.locator('time')).toHaveText('October 30, 2023');
    await expect(first.locator('time')).toHaveAttribute('datetime', '2023-10-30');

    const postponed = cardWithTitle(page, 'Trump postpones the signing of the pre-release review order');
    await expect(postponed.locator('time')).toHaveText('May 21, 2026');
    await expect(postponed.locator('time')).toHaveAttribute('datetime', '2026-05-21');
    await expect(postponed.getByText('Postponed', { exact: true })).toBeVisible();
    await expect(postponed.getByRole('link', { name: 'Donald Trump' })).toHaveAttribute('href', '/actors/donald-trump');

    const revoked = cardWithTitle(page, 'Trump revokes the Biden AI executive order');
    await expect(revoked.locator('time')).toHaveText('January 20, 2025');

    expect(errors).toEqual([]);
  });

  test('groups events under year and month headings', async ({ page }) => {
    await page.goto('/');
    const events = page.getByRole('region', { name: 'Events' });

    for (const year of ['2023', '2025', '2026']) {
      await expect(events.getByRole('heading', { level: 3, name: year, exact: true })).toBeVisible();
    }
    const monthHeadings = events.getByRole('heading', { level: 4 });
    await expect(monthHeadings).toHaveText(['May 2026', 'April 2026', 'Month not known', 'January 2025', 'October 2023']);

    // The events dated only to 2026 sit under "Month not known" inside the 2026 section.
    const year2026 = events.getByRole('region', { name: '2026' });
    await expect(year2026.getByRole('heading', { name: 'Month not known' })).toBeVisible();
    await expect(year2026.getByRole('link', { name: 'Draft order watered down to make model sharing voluntary' })).toBeVisible();
  });

  test('shows the NIST announcement as "May 2026", never as a day', async ({ page }) => {
    await page.goto('/');
    const nist = cardWithTitle(page, 'NIST announces major tech companies will share unreleased AI models with the government');
    await expect(nist).toHaveCount(1);
    const date = nist.locator('time');
    await expect(date).toHaveText('May 2026');
    await expect(date).toHaveAttribute('datetime', '2026-05');
    await expect(date).not.toHaveText(/\d{1,2}, 2026/);

    // The year-only and uncertain dates read at their own precision too.
    await expect(cardWithTitle(page, 'Anthropic feuds with the Trump administration over Pentagon use of its software').locator('time')).toHaveText('2026');
    await expect(cardWithTitle(page, 'Anthropic unveils Mythos but withholds it from public release').locator('time')).toHaveText(
      'April 2026 (uncertain)',
    );
  });

  test('filters by an actor through the form, and removing the filter restores every event', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/');

    // The type-ahead: what is typed is looked up (GET /api/suggest); picking a name applies the filter.
    await page.getByRole('combobox', { name: 'Involving actor' }).fill('trump');
    await page.getByRole('listbox', { name: 'Involving actor suggestions' }).getByRole('option', { name: 'Donald Trump' }).click();

    await expect(page).toHaveURL(/[?&]actor=donald-trump(&|$)/);
    await expect(page.getByText('3 events match these filters, newest first.')).toBeVisible();
    expect(await cardSlugs(page)).toEqual(['signing-postponed', 'industry-lobbying-against-review-order', 'biden-ai-executive-order-revoked']);
    for (const card of await eventCards(page).all()) {
      await expect(card.getByRole('link', { name: 'Donald Trump' })).toBeVisible();
    }

    const activeFilters = page.getByRole('list', { name: 'Active filters' });
    await expect(activeFilters).toBeVisible();
    await expect(activeFilters.getByRole('listitem').first()).toContainText('Actor: Donald Trump');
    // The picker names the chosen actor (not "Any actor") and now adds a second one.
    await expect(page.getByRole('combobox', { name: 'Involving actor: add another' })).toBeVisible();
    await expect(page.locator('#filter-actor-chosen')).toHaveText('Chosen: Donald Trump');

    await page.getByRole('link', { name: 'Remove filter: Actor: Donald Trump' }).click();
    await expect(page).not.toHaveURL(/actor=/);
    await expect(page.getByText(ALL_EVENTS)).toBeVisible();
    await expect(eventCards(page)).toHaveCount(DEFAULT_EVENT_COUNT);
    await expect(page.getByRole('list', { name: 'Active filters' })).toHaveCount(0);

    expect(errors).toEqual([]);
  });

  test('an agency filter includes the events of its sub-agencies (NIST under Commerce)', async ({ page }) => {
    await page.goto('/?agency=us-department-of-commerce');

    await expect(page.getByText('3 events match these filters, newest first.')).toBeVisible();
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Agency: US Department of Commerce and sub-agencies');
    expect(await cardSlugs(page)).toEqual([
      'nist-announcement-removed',
      'nist-announces-unreleased-model-sharing',
      'biden-ai-executive-order-signed',
    ]);
    await expect(
      cardWithTitle(page, 'NIST announces major tech companies will share unreleased AI models with the government').getByRole('link', {
        name: 'National Institute of Standards and Technology',
      }),
    ).toBeVisible();
  });

  test('the agency picker applies the same sub-agency filter', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('combobox', { name: 'Agency (with its sub-agencies)' }).fill('commerce');
    await page.getByRole('option', { name: 'US Department of Commerce' }).click();
    await expect(page).toHaveURL(/[?&]agency=us-department-of-commerce(&|$)/);
    await expect(page.getByText('3 events match these filters, newest first.')).toBeVisible();
  });

  test('newest first puts the postponement at the top', async ({ page }) => {
    // The default order needs no parameter: the redirect drops it from the URL.
    await page.goto('/?order=desc');
    await expect(page).toHaveURL(/\/$/);

    await expect(page.getByText(`${DEFAULT_EVENT_COUNT} events, newest first.`)).toBeVisible();
    await expect(page.getByLabel('Order')).toHaveValue('desc');
    const first = eventCards(page).first();
    await expect(first.getByRole('link', { name: 'Trump postpones the signing of the pre-release review order' })).toBeVisible();
    await expect(first.locator('time')).toHaveText('May 21, 2026');
    expectChronological(await cardDatetimes(page), 'desc');
    expect(await cardSlugs(page)).toEqual([...DEFAULT_EVENT_ORDER].reverse());
  });

  test('choosing "Oldest first" in the form reverses the list', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(/[?&]order=asc(&|$)/);
    await expect(page.getByText(`${DEFAULT_EVENT_COUNT} events, oldest first.`)).toBeVisible();
    await expect(eventCards(page).first()).toHaveAttribute('data-slug', 'biden-ai-executive-order-signed');
    expectChronological(await cardDatetimes(page), 'asc');
    expect(await cardSlugs(page)).toEqual([...DEFAULT_EVENT_ORDER]);
  });

  test('a choice made before the page\'s scripts have run is kept when they do', async ({ page }) => {
    // The scripts are held back until the reader has chosen, as on a slow connection.
    let releaseScripts = () => {};
    const scriptsReleased = new Promise<void>((resolve) => (releaseScripts = resolve));
    await page.route('**/_next/static/**/*.js', async (route) => {
      await scriptsReleased;
      await route.continue();
    });
    await page.goto('/', { waitUntil: 'domcontentloaded' });
    await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
    const signed = page.getByRole('checkbox', { name: /^Signed/ });
    await signed.check();

    releaseScripts();
    await hydrated(page);
    await expect(page.getByLabel('Order')).toHaveValue('asc');
    await expect(signed).toBeChecked();

    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page).toHaveURL(/[?&]order=asc(&|$)/);
    await expect(page).toHaveURL(/[?&]type=signed(&|$)/);
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Signed');
    expectChronological(await cardDatetimes(page), 'asc');
  });

  test('filters that match nothing show an empty state whose link clears them', async ({ page }) => {
    // Donald Trump never acts together with the Department of Defense.
    await page.goto('/?actor=donald-trump&agency=us-department-of-defense');

    const empty = page.getByText('No events match these filters.');
    await expect(empty).toBeVisible();
    await expect(eventCards(page)).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Actor: Donald Trump');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Agency: US Department of Defense and sub-agencies');

    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByText(ALL_EVENTS)).toBeVisible();
    await expect(eventCards(page)).toHaveCount(DEFAULT_EVENT_COUNT);
  });

  test('an actor with no events of its own shows the empty state', async ({ page }) => {
    // The federal government is only a parent of other actors in the default dataset.
    await page.goto('/?actor=us-federal-government');
    await expect(page.getByRole('list', { name: 'Active filters' })).toContainText('Actor: United States federal government');
    await expect(page.getByText('No events match these filters.')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Clear the filters' })).toHaveAttribute('href', '/');
  });

  const nonsense: Array<{ query: string; notice: RegExp }> = [
    { query: '?actor=%00%%', notice: /Ignored actor ".*": not a valid identifier\./ },
    { query: '?order=sideways', notice: /Ignored order "sideways": use "asc" or "desc"\./ },
    { query: '?after=nope', notice: /That page position no longer exists; showing the first page\./ },
    { query: '?agency=donald-trump', notice: /"Donald Trump" is not an agency; use it as an actor filter instead\./ },
    { query: '?actor=nobody-at-all', notice: /No actor "nobody-at-all" is recorded; that filter was ignored\./ },
    { query: '?before=%E2%80%A6', notice: /Ignored a page position that is not valid; showing the first page\./ },
  ];
  for (const { query, notice } of nonsense) {
    test(`nonsense parameters ${query} give the full page with a notice, not an error`, async ({ page }) => {
      const response = await page.goto(`/${query}`);
      expect(response?.status()).toBe(200);
      await expect(page.getByRole('status').filter({ hasText: notice })).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: 'AI policy timeline' })).toBeVisible();
      await expect(eventCards(page)).toHaveCount(DEFAULT_EVENT_COUNT);
    });
  }

  test('the activity chart renders, with a table of months and counts as its text alternative', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/');

    const activity = page.getByRole('region', { name: 'Activity by month' });
    await expect(activity).toBeVisible();
    // The chart is one keyboard stop (a listbox of months) whose name is its text alternative.
    await expect(activity.getByRole('listbox', { name: /Bar chart of 8 events by the month they start, stacked by type, from October 2023 to May 2026/ })).toBeAttached();
    const chart = activity.getByTestId('activity-chart');
    await expect(chart.locator('svg.recharts-surface').last()).toBeVisible();
    await expect(chart.locator('.recharts-bar-rectangle path, path.recharts-rectangle').first()).toBeVisible();
    await expect(activity.getByText(/the busiest month is May 2026 with 5\./).first()).toBeVisible();

    const table = activity.getByRole('table', { name: 'Events per month' });
    await expect(table).toBeHidden();
    await activity.getByText('Show the numbers as a table').click();
    await expect(table).toBeVisible();
    await expect(table.getByRole('columnheader')).toHaveText(['Month', 'Events', 'By type']);
    const rows = table.locator('tbody').getByRole('row');
    await expect(rows).toHaveCount(4);
    await expect(rows.locator('th')).toHaveText(['October 2023', 'January 2025', 'April 2026', 'May 2026']);
    await expect(rows.locator('td.number')).toHaveText(['1', '1', '1', '5']);
    await expect(table.getByRole('row', { name: 'October 2023 1 Signed 1' })).toBeVisible();
    await expect(table.getByRole('row', { name: 'January 2025 1 Revoked 1' })).toBeVisible();
    await expect(table.getByRole('row', { name: 'April 2026 1 Released 1' })).toBeVisible();
    await expect(table.getByRole('row', { name: 'May 2026 5 Announced 2, Postponed 1, Removed 1, Lobbying 1' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('the chart caption counts the events it leaves out truthfully', async ({ page }) => {
    await page.goto('/');
    const caption = page.getByRole('region', { name: 'Activity by month' }).locator('figcaption');
    await expect(caption).toBeVisible();
    // Three default events are dated only to 2026; the fourth left out of the chart (OpenAI's
    // programme, "../2026-05-21") has an open start and is dated to a day, not "only to a year".
    await expect(caption).not.toContainText('4 events are dated only to a year');
    await expect(caption).toContainText('Not counted: 3 events dated only to a year and 1 event with an unknown start');
  });

  test('the chart follows the filters', async ({ page }) => {
    await page.goto('/?actor=donald-trump');
    const activity = page.getByRole('region', { name: 'Activity by month' });
    await activity.getByText('Show the numbers as a table').click();
    const table = activity.getByRole('table', { name: 'Events per month' });
    await expect(table.locator('tbody').getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row', { name: /^January 2025 1 / })).toBeVisible();
    await expect(table.getByRole('row', { name: /^May 2026 2 / })).toBeVisible();
  });

  test('the site navigation reaches the actors and policies', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Actors' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
    await nav.getByRole('link', { name: 'Policies' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible();
    await nav.getByRole('link', { name: 'Timeline' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AI policy timeline' })).toBeVisible();
    expect(errors).toEqual([]);
  });
});

test.describe('the chronology without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('lists every event, in order', async ({ page }) => {
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    await expect(page.getByText(ALL_EVENTS)).toBeVisible();
    expect(await cardSlugs(page)).toEqual(NEWEST_FIRST);
    await expect(eventCards(page).first().locator('time')).toHaveText('May 21, 2026');
  });

  test('the filter form still filters, and the chip still removes the filter', async ({ page }) => {
    await page.goto('/');
    await page.getByLabel('Involving actor').selectOption({ label: 'Donald Trump (3)' });
    await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();

    // The empty fields the plain form sent (q=, from=, to=) are gone from the URL.
    await expect(page).toHaveURL(/\/\?actor=donald-trump&order=asc$/);
    await expect(page.getByText('3 events match these filters, oldest first.')).toBeVisible();
    expect(await cardSlugs(page)).toEqual(['biden-ai-executive-order-revoked', 'industry-lobbying-against-review-order', 'signing-postponed']);

    // Adding a second actor keeps the first one (it rides along as a hidden field); the select names the chosen one.
    const addAnother = page.getByLabel('Involving actor: add another');
    await expect(addAnother.locator('option').first()).toHaveText('Chosen: Donald Trump');
    await addAnother.selectOption({ label: 'Joe Biden (1)' });
    await page.getByRole('button', { name: 'Apply', exact: true }).click();
    await expect(page.getByText('4 events match these filters, oldest first.')).toBeVisible();

    await page.getByRole('link', { name: 'Clear all filters' }).click();
    await expect(page.getByText(`${DEFAULT_EVENT_COUNT} events, oldest first.`)).toBeVisible();
  });

  test('the text alternative of the chart is readable', async ({ page }) => {
    await page.goto('/');
    // Without JavaScript nothing can swap a streamed-in section for its fallback later.
    await expect(page.getByText('Loading the chart…'), 'the chart section stays on its loading placeholder').toBeHidden();
    const activity = page.getByRole('region', { name: 'Activity by month' });
    await expect(activity.getByText(/Bar chart of 8 events by the month they start/).first()).toBeVisible();
    await activity.getByText('Show the numbers as a table').click();
    await expect(activity.getByRole('table', { name: 'Events per month' }).getByRole('row', { name: /^May 2026 5 / })).toBeVisible();
  });
});
