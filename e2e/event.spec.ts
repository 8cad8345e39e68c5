import { expect, test } from '@playwright/test';
import { collectPageErrors } from './support';

test.describe('an event page', () => {
  test('the postponement shows its date, type, actors, sources and related events', async ({ page }) => {
    const errors = collectPageErrors(page);
    const response = await page.goto('/events/signing-postponed');
    expect(response?.status()).toBe(200);

    await expect(page.getByRole('heading', { level: 1, name: 'Trump postpones the signing of the pre-release review order' })).toBeVisible();
    await expect(page).toHaveTitle('Trump postpones the signing of the pre-release review order · AI Policy Timeline');

    // Server in UTC+14, browser in UTC−7: the day must still be the 21st.
    const date = page.getByTestId('event-date');
    await expect(date.locator('time')).toHaveText('May 21, 2026');
    await expect(date).toContainText('(EDTF 2026-05-21)');
    await expect(page.locator('dt', { hasText: 'Type' }).locator('+ dd')).toHaveText('Postponed');
    await expect(page.locator('dt', { hasText: 'Jurisdiction' }).locator('+ dd')).toHaveText('US');
    // The policy is named in the facts and again above the storyline's links (share-data.spec.ts).
    await expect(page.locator('dt', { hasText: 'Policy' }).locator('+ dd').getByRole('link', { name: 'Executive order on pre-release review of advanced AI models' })).toHaveAttribute(
      'href',
      '/policies/pre-release-model-review-order',
    );

    const actors = page.getByRole('region', { name: 'Who acted' });
    await expect(actors.getByRole('listitem')).toHaveText(['Donald Trump — Decision-maker', 'The White House — Issuer']);
    await expect(actors.getByRole('link', { name: 'Donald Trump' })).toHaveAttribute('href', '/actors/donald-trump');
    await expect(actors.getByRole('link', { name: 'The White House' })).toHaveAttribute('href', '/actors/white-house');

    const sources = page.getByRole('region', { name: 'Sources (6)' });
    await expect(sources).toBeVisible();
    const citations = sources.getByRole('listitem');
    await expect(citations).toHaveCount(6);
    const quote = sources.getByRole('blockquote').filter({ hasText: "I didn't like certain aspects of it" });
    await expect(quote).toHaveCount(1);
    await expect(quote).toContainText('"I didn\'t like certain aspects of it. I postponed it," Trump told reporters');
    const cnn = citations.filter({ hasText: 'CNN Business' });
    await expect(cnn).toHaveCount(1);
    await expect(cnn).toContainText('White House postpones executive order on AI');
    await expect(cnn.getByRole('blockquote')).toContainText('up to 90 days for security review');
    await expect(citations.filter({ hasText: 'The Washington Post' })).toContainText(
      'Trump delays executive order on AI oversight hours before planned signing',
    );
    // Sources without a recorded publisher say so rather than showing nothing.
    await expect(citations.filter({ hasText: "Why Trump's AI executive order was pulled" }).first()).toContainText('Publisher not recorded');
    await expect(cnn).toContainText('published May 21 – May 22, 2026');

    const related = page.getByRole('region', { name: 'Related events' });
    await expect(related.getByRole('listitem')).toHaveText([
      'Follows Draft order watered down to make model sharing voluntary (2026)',
      'Responds to AI industry leaders press Trump to drop the review order (May 2026)',
    ]);
    await related.getByRole('link', { name: 'AI industry leaders press Trump to drop the review order' }).click();
    await expect(page).toHaveURL(/\/events\/industry-lobbying-against-review-order$/);
    await expect(page.getByRole('heading', { level: 1, name: 'AI industry leaders press Trump to drop the review order' })).toBeVisible();
    // Seen from the other end, the relation reads the other way.
    await expect(page.getByRole('region', { name: 'Related events' }).getByRole('listitem')).toContainText([
      'Prompted Trump postpones the signing of the pre-release review order (May 21, 2026)',
    ]);

    expect(errors).toEqual([]);
  });

  test('an actor link leads to the actor page', async ({ page }) => {
    await page.goto('/events/signing-postponed');
    await page.getByRole('region', { name: 'Who acted' }).getByRole('link', { name: 'Donald Trump' }).click();
    await expect(page).toHaveURL(/\/actors\/donald-trump$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Donald Trump' })).toBeVisible();
  });

  test('the NIST announcement marks its removed source and says no archived copy is known', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/events/nist-announces-unreleased-model-sharing');

    await expect(page.getByTestId('event-date').locator('time')).toHaveText('May 2026');
    const sources = page.getByRole('region', { name: 'Sources (2)' });
    const removed = sources.getByRole('listitem').filter({ hasText: 'NIST announcement that major tech companies would share' });
    await expect(removed).toHaveCount(1);
    await expect(removed).toContainText('Removed: no longer available at its original address.');
    await expect(removed).toContainText('No archived copy is known.');
    await expect(removed).toContainText('National Institute of Standards and Technology');
    await expect(removed).toContainText('No passage is quoted');
    await expect(removed.getByRole('link', { name: 'Archived copy' })).toHaveCount(0);

    // The CNN report that quotes it is not marked removed.
    const cnn = sources.getByRole('listitem').filter({ hasText: 'CNN Business' });
    await expect(cnn).not.toContainText('Removed');
    await expect(cnn.getByRole('blockquote')).toContainText('Earlier in May, the Department of Commerce');

    await expect(page.getByRole('region', { name: 'Who acted' }).getByRole('listitem')).toHaveText([
      'National Institute of Standards and Technology — Issuer',
    ]);
    await expect(page.getByRole('region', { name: 'Related events' }).getByRole('listitem')).toHaveText([
      "Followed by NIST announcement no longer available on the Commerce Department's website (May 2026 – May 22, 2026)",
    ]);

    expect(errors).toEqual([]);
  });

  test('an unknown event is a 404 with the not-found page', async ({ page }) => {
    const response = await page.goto('/events/does-not-exist');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    await expect(page.getByText('There is no page at this address.')).toBeVisible();
    await page.getByRole('link', { name: 'Browse the timeline' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'AI policy timeline' })).toBeVisible();
  });

  test('an address that is not a slug is a 404 too', async ({ page }) => {
    const response = await page.goto('/events/%E2%80%A6');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  });

  test('an event slug with capitals is not a slug', async ({ page }) => {
    const response = await page.goto('/events/Signing-Postponed');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  });
});
