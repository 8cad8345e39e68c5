import { expect, test } from '@playwright/test';
import { cardSlugs, collectPageErrors, eventCards } from './support';

const REVIEW_ORDER = 'Executive order on pre-release review of advanced AI models';
const EO_14110 = 'Executive Order 14110 on Safe, Secure, and Trustworthy AI';
const NIST_EVALUATIONS = 'NIST evaluations of unreleased AI models';

test.describe('the policies', () => {
  test('the policy index is a table of the three policies with status, jurisdiction, first and latest event', async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto('/policies');
    expect(response?.status()).toBe(200);

    await expect(page.getByRole('heading', { level: 1, name: 'Policies' })).toBeVisible();
    await expect(page).toHaveTitle('Policies · AI Policy Timeline');
    const table = page.getByTestId('policy-table');
    await expect(table.getByRole('columnheader')).toHaveText(['Policy', 'Status', 'Jurisdiction', 'First event', 'Latest event', 'Events']);
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(3);
    await expect(table.getByRole('link', { name: EO_14110 })).toHaveAttribute('href', '/policies/executive-order-14110');
    await expect(table.getByRole('link', { name: NIST_EVALUATIONS })).toHaveAttribute('href', '/policies/nist-pre-release-model-evaluations');
    const review = rows.filter({ hasText: REVIEW_ORDER });
    await expect(review.getByRole('cell')).toHaveText(['Postponed', 'US', '2026', /^May 21, 2026/, '5']);
    await expect(review.getByRole('link', { name: 'Trump postpones the signing of the pre-release review order' })).toHaveAttribute('href', '/events/signing-postponed');
    await expect(rows.filter({ hasText: EO_14110 }).getByRole('cell').last()).toHaveText('2');

    await table.getByRole('link', { name: REVIEW_ORDER }).click();
    await expect(page.getByRole('heading', { level: 1, name: REVIEW_ORDER })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('the review order is "Postponed" since May 21, 2026, with its storyline from draft to postponement', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/policies/pre-release-model-review-order');

    await expect(page.getByRole('heading', { level: 1, name: REVIEW_ORDER })).toBeVisible();
    const status = page.getByTestId('policy-status');
    await expect(status).toHaveText('Current status: Postponed since May 21, 2026');
    await expect(status.getByRole('link', { name: 'May 21, 2026' })).toHaveAttribute('href', '/events/signing-postponed');

    const storyline = page.getByRole('region', { name: 'Storyline' });
    await expect(storyline.getByText('5 events, oldest first.')).toBeVisible();
    const slugs = await cardSlugs(page);
    expect(slugs).toEqual([
      'review-order-drafted-with-mandatory-sharing',
      'review-order-made-voluntary',
      'industry-lobbying-against-review-order',
      'signing-ceremony-invitations',
      'signing-postponed',
    ]);
    const drafted = slugs.indexOf('review-order-drafted-with-mandatory-sharing');
    const voluntary = slugs.indexOf('review-order-made-voluntary');
    const postponed = slugs.indexOf('signing-postponed');
    expect(drafted).toBeLessThan(voluntary);
    expect(voluntary).toBeLessThan(postponed);

    const titles = storyline.getByRole('heading', { level: 5 });
    await expect(titles.first()).toHaveText('Draft executive order would compel AI companies to share advanced models before launch');
    await expect(titles.last()).toHaveText('Trump postpones the signing of the pre-release review order');
    await expect(eventCards(page).last().locator('time')).toHaveText('May 21, 2026');

    await status.getByRole('link', { name: 'May 21, 2026' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Trump postpones the signing of the pre-release review order' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('a storyline always reads from draft to outcome, whatever the order in the URL', async ({ page }) => {
    await page.goto('/policies/pre-release-model-review-order?order=desc');
    await expect(eventCards(page).first()).toHaveAttribute('data-slug', 'review-order-drafted-with-mandatory-sharing');
    await expect(eventCards(page).last()).toHaveAttribute('data-slug', 'signing-postponed');
  });

  test('Executive Order 14110 is "Revoked"', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/policies/executive-order-14110');

    await expect(page.getByRole('heading', { level: 1, name: EO_14110 })).toBeVisible();
    await expect(page.getByTestId('policy-status')).toHaveText('Current status: Revoked since January 20, 2025');
    expect(await cardSlugs(page)).toEqual(['biden-ai-executive-order-signed', 'biden-ai-executive-order-revoked']);
    await expect(eventCards(page).first().locator('time')).toHaveText('October 30, 2023');

    expect(errors).toEqual([]);
  });

  test('an unknown policy is a 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/policies/no-such-policy');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'See all policies' })).toHaveAttribute('href', '/policies');
  });
});

test('the NIST storyline ends with the announcement removed', async ({ page }) => {
  await page.goto('/policies/nist-pre-release-model-evaluations');
  await expect(page.getByTestId('policy-status')).toHaveText(/Current status: Removed from publication since May 2026 – May 22, 2026/);
  const titles = page.getByTestId('event-card').getByRole('heading');
  await expect(titles).toHaveText([
    'NIST announces major tech companies will share unreleased AI models with the government',
    "NIST announcement no longer available on the Commerce Department's website",
  ]);
});
