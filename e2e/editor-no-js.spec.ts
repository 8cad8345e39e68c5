import { expect, test } from '@playwright/test';
import { EDITOR_STATE, eventSlugOf, formRow, uniqueTitle } from './admin-support';

/** The admin forms are plain HTML forms first: every one of them works with JavaScript turned off. */
test.use({ storageState: EDITOR_STATE, javaScriptEnabled: false });

test('without JavaScript, an editor creates a policy and lands on its page', async ({ page }) => {
  const title = uniqueTitle('State frontier AI safety act');
  const summary = 'A state bill requiring safety plans from developers of the largest AI models.';

  await page.goto('/admin/policies/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New policy' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(summary);
  await page.getByRole('button', { name: 'Create policy' }).click();

  await expect(page).toHaveURL(/\/policies\/[a-z0-9-]+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByText(summary)).toBeVisible();
});

test('without JavaScript, an editor adds and removes rows, sees the date preview and creates an event', async ({ page }) => {
  const title = uniqueTitle('Agency withdraws AI procurement memo');

  await page.goto('/admin/events/new');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('An agency withdrew its memo on buying AI systems.');
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill('2025-07~');
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Withdrawn' });
  await formRow(page, 'Actor 1').getByLabel('Existing actor').selectOption({ label: 'US Department of Commerce' });

  // Each row button is a form submission: the page comes back with the new row and the preview.
  await page.getByRole('button', { name: 'Add an actor' }).click();
  await expect(formRow(page, 'Actor 2')).toBeVisible();
  await expect(page.getByTestId('date-preview')).toHaveText('Will read: c. July 2025 · stored as 2025-07~');
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
  await expect(formRow(page, 'Actor 1').getByLabel('Existing actor')).toHaveValue('us-department-of-commerce');

  await page.getByRole('button', { name: 'Remove actor 2' }).click();
  await expect(formRow(page, 'Actor 2')).toHaveCount(0);
  await expect(formRow(page, 'Actor 1').getByLabel('Existing actor')).toHaveValue('us-department-of-commerce');

  await formRow(page, 'Citation 1').getByLabel('Existing source').selectOption({ label: 'CNN Business — White House postpones executive order on AI' });
  await page.getByRole('button', { name: 'Create event' }).click();

  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  eventSlugOf(page);
  await expect(page.getByTestId('event-date')).toContainText('c. July 2025');
  await expect(page.getByRole('region', { name: 'Who acted' }).getByRole('listitem')).toHaveText(['US Department of Commerce — Participant']);
});
