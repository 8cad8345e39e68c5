import { expect, test, type Page } from '@playwright/test';
import { createSimpleEvent, EDITOR_STATE, uniqueTag } from './admin-support';
import { XSS_IMG, XSS_SCRIPT } from './security-payloads';
import { changedTables, fingerprintDatabase } from './security-support';

/**
 * Hostile input where the behaviour is the browser's: typed into the real forms,
 * once with JavaScript and once without, then shown by the browser. A payload that
 * ran would set `window.__xss`.
 */

test.use({ storageState: EDITOR_STATE });

/** Server errors the page received (documents and fetches). */
function collectServerErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 500) errors.push(`${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return errors;
}

const xssRan = (page: Page) => page.evaluate(() => (window as Window & { __xss?: unknown }).__xss !== undefined);

test('with JavaScript: an event titled with markup is shown as that text, and nothing runs', async ({ page }) => {
  const serverErrors = collectServerErrors(page);
  const title = `${XSS_IMG} ${uniqueTag()}`;
  const summary = `${XSS_SCRIPT} and javascript:window.__xss=1//`;
  const slug = await createSimpleEvent(page, { title, date: '2026-05', summary });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
  await expect(page.getByText(summary)).toBeVisible();
  expect(await xssRan(page)).toBe(false);

  // The chronology lists it the same way.
  await page.goto(`/?q=${encodeURIComponent(title.split(' ').at(-1) ?? '')}`);
  await expect(page.locator(`[data-testid="event-card"][data-slug="${slug}"]`).getByRole('link', { name: title })).toBeVisible();
  expect(await xssRan(page)).toBe(false);
  expect(serverErrors).toEqual([]);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('a blank summary is refused on its field with nothing saved; the fixed form stores the markup title as text', async ({ page, browser }) => {
    const serverErrors = collectServerErrors(page);
    const title = `${XSS_SCRIPT} ${uniqueTag()}`;
    await page.goto('/admin/policies/new');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    // Only whitespace: the browser's own checks are off (noValidate), so the server has to say it.
    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(' \t  \n ');
    const before = fingerprintDatabase();
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page.getByText('A summary is required')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
    expect(changedTables(before, fingerprintDatabase())).toEqual([]);

    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(`${XSS_IMG} as the summary.`);
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page).toHaveURL(/\/policies\/[a-z0-9-]+$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);

    // Shown again in a browser that runs scripts: the stored markup stays text.
    const reader = await browser.newPage();
    await reader.goto(page.url());
    await expect(reader.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(reader.getByText(`${XSS_IMG} as the summary.`)).toBeVisible();
    expect(await xssRan(reader)).toBe(false);
    await reader.close();
    expect(serverErrors).toEqual([]);
  });
});
