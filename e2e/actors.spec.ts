import { expect, test } from '@playwright/test';
import { cardSlugs, collectPageErrors, eventCards } from './support';

test.describe('the actors', () => {
  test('the actor index lists actors by name with kind, parent and event count', async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto('/actors');
    expect(response?.status()).toBe(200);

    await expect(page.getByRole('heading', { level: 1, name: 'Actors' })).toBeVisible();
    await expect(page).toHaveTitle('Actors · AI Policy Timeline');
    const list = page.getByTestId('actor-list');
    const names = await list.getByRole('link').allTextContents();
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining(['Donald Trump', 'Joe Biden', 'Anthropic', 'National Institute of Standards and Technology']));
    await expect(list.getByRole('listitem').filter({ hasText: 'Donald Trump' })).toContainText('Person · 3 events');
    await expect(list.getByRole('listitem').filter({ hasText: 'Joe Biden' })).toContainText('1 event');
    const nist = list.getByRole('listitem').filter({ hasText: 'National Institute of Standards and Technology' });
    await expect(nist).toContainText('Agency, part of US Department of Commerce · 2 events');
    const federal = list.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'United States federal government', exact: true }) });
    await expect(federal).toContainText('0 events');

    await nist.getByRole('link', { name: 'National Institute of Standards and Technology' }).click();
    await expect(page).toHaveURL(/\/actors\/nist$/);
    await expect(page.getByRole('heading', { level: 1, name: 'National Institute of Standards and Technology' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('NIST shows its parent agency, the roles it played and its events', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/actors/nist');

    await expect(page.getByRole('heading', { level: 1, name: 'National Institute of Standards and Technology' })).toBeVisible();
    await expect(page).toHaveTitle('National Institute of Standards and Technology · AI Policy Timeline');
    await expect(page.locator('dt', { hasText: 'Kind' }).locator('+ dd')).toHaveText('Agency');
    const partOf = page.locator('dt', { hasText: 'Part of' }).locator('+ dd');
    await expect(partOf).toHaveText('US Department of Commerce');
    await expect(partOf.getByRole('link', { name: 'US Department of Commerce' })).toHaveAttribute('href', '/actors/us-department-of-commerce');
    await expect(page.locator('dt', { hasText: 'Also known as' }).locator('+ dd')).toHaveText('NIST');
    await expect(page.locator('dt', { hasText: 'Roles played' }).locator('+ dd')).toHaveText('Issuer (1), Subject (1)');

    const events = page.getByRole('region', { name: 'Events involving National Institute of Standards and Technology' });
    await expect(events.getByText('2 events, oldest first.')).toBeVisible();
    await expect(events.getByRole('heading', { level: 4, name: 'May 2026' })).toBeVisible();
    expect(await cardSlugs(page)).toEqual(['nist-announces-unreleased-model-sharing', 'nist-announcement-removed']);
    await expect(
      events.getByRole('link', { name: 'NIST announces major tech companies will share unreleased AI models with the government' }),
    ).toHaveAttribute('href', '/events/nist-announces-unreleased-model-sharing');

    // The actor page offers only the order, and keeps to the actor's own events.
    await expect(events.getByLabel('Involving actor')).toHaveCount(0);
    await events.getByLabel('Order').selectOption({ label: 'Newest first' });
    await events.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/\/actors\/nist\?order=desc$/);
    await expect(page.getByText('2 events, newest first.')).toBeVisible();
    expect(await cardSlugs(page)).toEqual(['nist-announcement-removed', 'nist-announces-unreleased-model-sharing']);

    expect(errors).toEqual([]);
  });

  test('the Department of Commerce lists NIST as a sub-agency and links to the agency filter', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/actors/us-department-of-commerce');

    await expect(page.getByRole('heading', { level: 1, name: 'US Department of Commerce' })).toBeVisible();
    await expect(page.locator('dt', { hasText: 'Part of' }).locator('+ dd')).toHaveText('United States federal government');
    const subAgencies = page.getByRole('region', { name: 'Sub-agencies and units' });
    await expect(subAgencies.getByRole('listitem')).toHaveText(['National Institute of Standards and Technology']);
    await expect(subAgencies.getByRole('link', { name: 'National Institute of Standards and Technology' })).toHaveAttribute(
      'href',
      '/actors/nist',
    );

    // Its own page lists only the events it took part in itself...
    const ownEvents = page.getByRole('region', { name: 'Events involving US Department of Commerce' });
    await expect(ownEvents.getByText('2 events, oldest first.')).toBeVisible();
    expect(await cardSlugs(page)).toEqual(['biden-ai-executive-order-signed', 'nist-announcement-removed']);

    // ...and links to the timeline filtered to it together with NIST.
    const agencyLink = subAgencies.getByRole('link', { name: 'See the events of US Department of Commerce together with its sub-agencies' });
    await expect(agencyLink).toHaveAttribute('href', '/?agency=us-department-of-commerce');
    await agencyLink.click();
    await expect(page).toHaveURL(/\/\?agency=us-department-of-commerce$/);
    // The chronology opens newest first.
    await expect(page.getByText('3 events match these filters, newest first.')).toBeVisible();
    await expect(eventCards(page)).toHaveCount(3);
    await expect(page.getByRole('link', { name: 'NIST announces major tech companies will share unreleased AI models with the government' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('an actor with no events says so', async ({ page }) => {
    const response = await page.goto('/actors/us-federal-government');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('No events involving United States federal government are recorded.')).toBeVisible();
    await expect(page.locator('dt', { hasText: 'Roles played' }).locator('+ dd')).toHaveText('None recorded');
    // A government is an institution: its sub-units and the filter link are offered.
    await expect(page.getByRole('region', { name: 'Sub-agencies and units' }).getByRole('link', { name: 'The White House' })).toBeVisible();
  });

  test('an unknown actor is a 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/actors/nobody-at-all');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all actors' })).toHaveAttribute('href', '/actors');
  });

  test('an actor address that is not a slug is a 404', async ({ page }) => {
    const response = await page.goto('/actors/%E2%80%A6');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  });
});
