import { appendFileSync, mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, EDITOR_STATE, eventSlugOf, formRow, readAccounts, revisions, uniqueTitle } from './admin-support';

/**
 * The editors' side of issue 9, as an editor meets it: admin pages that fit a
 * phone and pass axe, an event form that takes dates as people write them,
 * sends focus to what went wrong, and keeps the editor's place without
 * JavaScript, and a history that reads as words.
 */

const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/shots';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const EXISTING_EVENT = 'Trump postpones the signing of the pre-release review order';

async function hrefOf(page: Page, listPath: string, pattern: RegExp): Promise<string> {
  await page.goto(listPath);
  const href = await page.locator('a').evaluateAll((links, source) => {
    const re = new RegExp(source);
    return links.map((link) => link.getAttribute('href') ?? '').find((value) => re.test(value)) ?? null;
  }, pattern.source);
  if (!href) throw new Error(`No link matching ${pattern} on ${listPath}`);
  return href;
}

/** Every admin page (an admin sees them all) and an event's public history page. */
async function adminPages(page: Page): Promise<string[]> {
  const eventEdit = await hrefOf(page, '/admin/events', /^\/admin\/events\/[^/]+\/edit$/);
  return [
    '/admin',
    '/admin/events',
    '/admin/events/new',
    eventEdit,
    '/admin/actors',
    '/admin/actors/new',
    await hrefOf(page, '/admin/actors', /^\/admin\/actors\/[^/]+\/edit$/),
    '/admin/sources',
    '/admin/sources/new',
    await hrefOf(page, '/admin/sources', /^\/admin\/sources\/[^/]+\/edit$/),
    '/admin/policies',
    '/admin/policies/new',
    await hrefOf(page, '/admin/policies', /^\/admin\/policies\/[^/]+\/edit$/),
    '/admin/trash',
    '/admin/users',
    '/admin/import',
    '/events/signing-postponed/history',
  ];
}

/** Figures for the report (widths, heights), kept beside the screenshots. */
function record(line: string): void {
  mkdirSync(SHOTS, { recursive: true });
  appendFileSync(`${SHOTS}/measurements.txt`, `${line}\n`);
}

const pageWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

test.describe('every admin page', () => {
  test.use({ storageState: ADMIN_STATE });

  for (const viewport of VIEWPORTS) {
    test(`fits a ${viewport.width}×${viewport.height} screen and has no WCAG A/AA violation that axe finds`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize(viewport);
      const paths = await adminPages(page);
      const widths: string[] = [];
      for (const path of paths) {
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        const width = await pageWidth(page);
        widths.push(`${path}: ${width}px`);
        expect(width, `${path} is no wider than the viewport`).toBeLessThanOrEqual(viewport.width);
        const { violations } = await new AxeBuilder({ page }).withTags(WCAG).analyze();
        expect(
          violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
          `axe on ${path}`,
        ).toEqual([]);
      }
      record(`page widths at ${viewport.width}px: ${widths.join('; ')}`);
    });
  }
});

test.describe('the event form', () => {
  test.use({ storageState: EDITOR_STATE });

  test('saves dates written as editors write them, shown as the EDTF they become, and relates an event by its title', async ({ page }) => {
    const title = uniqueTitle('Agency publishes AI procurement rules');
    await page.goto('/admin/events/new');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('An agency published the rules it will follow when it buys AI systems.');
    const date = page.getByRole('textbox', { name: 'Date', exact: true });
    const preview = page.getByTestId('date-preview');
    for (const [typed, reads] of [
      ['May 2026', 'Will read: May 2026 · stored as 2026-05'],
      ['c. 2025', 'Will read: c. 2025 · stored as 2025~'],
      ['2025-2026', 'Will read: 2025 – 2026 · stored as 2025/2026'],
      ['21 May 2026', 'Will read: May 21, 2026 · stored as 2026-05-21'],
    ]) {
      await expect(async () => {
        await date.fill(typed);
        await expect(preview).toHaveText(reads, { timeout: 2_000 });
      }).toPass({ timeout: 15_000 });
    }
    // No type is preset: it is chosen.
    const type = page.getByRole('combobox', { name: 'Type', exact: true });
    await expect(type).toHaveValue('');
    await type.selectOption({ label: 'Released' });
    await formRow(page, 'Actor 1').getByLabel('Existing actor').selectOption({ label: 'Donald Trump' });
    await formRow(page, 'Citation 1').getByLabel('Existing source').selectOption({ label: 'Engadget — Trump postpones AI oversight executive order' });
    await page.getByRole('button', { name: 'Add a related event' }).click();
    const relation = formRow(page, 'Relation 1');
    await expect(relation.getByLabel('This event…')).toBeFocused();
    await relation.getByLabel('…the event (title or slug)').fill(EXISTING_EVENT);
    await page.getByRole('button', { name: 'Create event' }).click();

    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    eventSlugOf(page);
    await expect(page.getByTestId('event-date')).toContainText('May 21, 2026');
    await expect(page.getByRole('link', { name: EXISTING_EVENT })).toBeVisible();
  });

  for (const viewport of VIEWPORTS) {
    test(`at ${viewport.width}×${viewport.height}, a failed save moves focus to the message, which links to each bad field; the save bar stays in view`, async ({ page }) => {
      await page.setViewportSize(viewport);
      mkdirSync(SHOTS, { recursive: true });
      await page.goto('/admin/events/new');
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      record(`new event form: page ${height}px tall at ${viewport.width}×${viewport.height}`);
      await page.screenshot({ path: `${SHOTS}/event-form-new-${viewport.name}.png`, fullPage: true });

      await page.getByRole('textbox', { name: 'Title', exact: true }).fill(uniqueTitle('Half-finished event'));
      await page.getByRole('textbox', { name: 'Date', exact: true }).fill('Smarch 2026');
      const save = page.getByRole('button', { name: 'Create event' });
      await expect(save).toBeInViewport();
      await save.click();

      const message = page.getByTestId('form-message');
      await expect(message).toBeFocused();
      await expect(message).toBeInViewport();
      await expect(message).toContainText('Nothing was saved');
      await expect(save).toBeInViewport();
      await page.screenshot({ path: `${SHOTS}/event-form-failed-${viewport.name}.png` });
      await page.screenshot({ path: `${SHOTS}/event-form-failed-full-${viewport.name}.png`, fullPage: true });

      await message.getByRole('link', { name: 'Type: Choose the type of event' }).click();
      await expect(page.getByRole('combobox', { name: 'Type', exact: true })).toBeFocused();
      await message.getByRole('link', { name: /^Date: "Smarch 2026" is not a date/ }).click();
      await expect(page.getByRole('textbox', { name: 'Date', exact: true })).toBeFocused();
      await expect(message.getByRole('link', { name: /^Summary: / })).toBeVisible();
    });
  }
});

test.describe('the event form without JavaScript', () => {
  test.use({ storageState: EDITOR_STATE, javaScriptEnabled: false });

  test('a failed save opens on the message, and a row added or removed opens where the editor was', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/admin/events/new');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(uniqueTitle('No-script event'));
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill('May 2026');

    await page.getByRole('button', { name: 'Add an actor' }).click();
    const added = formRow(page, 'Actor 2').getByLabel('Existing actor');
    await expect(added).toBeFocused();
    await expect(added).toBeInViewport();
    expect(await page.evaluate(() => window.scrollY), 'the page opened down at the new row').toBeGreaterThan(0);
    await expect(page.getByTestId('date-preview')).toHaveText('Will read: May 2026 · stored as 2026-05');

    await page.getByRole('button', { name: 'Remove actor 2' }).click();
    await expect(formRow(page, 'Actor 2')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Add an actor' })).toBeFocused();
    await expect(page.getByRole('button', { name: 'Add an actor' })).toBeInViewport();

    await page.getByRole('button', { name: 'Create event' }).click();
    const message = page.getByTestId('form-message');
    await expect(message).toBeFocused();
    await expect(message).toBeInViewport();
    await expect(message.getByRole('link', { name: 'Type: Choose the type of event' })).toHaveAttribute('href', '#field-type');
  });
});

test.describe('the history of an event', () => {
  test.use({ storageState: EDITOR_STATE });

  test('reads as words: what it was created with, and who was added in what role', async ({ page }) => {
    const { editor } = readAccounts();
    const title = uniqueTitle('Commerce names AI safety lead');
    await page.goto('/admin/events/new');
    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('The department named who will lead its AI safety work.');
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill('c. May 2026');
    await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Announced' });
    await formRow(page, 'Actor 1').getByLabel('Existing actor').selectOption({ label: 'US Department of Commerce' });
    await formRow(page, 'Actor 1').getByLabel('Role').selectOption({ label: 'Issuer' });
    await formRow(page, 'Citation 1').getByLabel('Existing source').selectOption({ label: 'Engadget — Trump postpones AI oversight executive order' });
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const slug = eventSlugOf(page);

    await page.getByRole('link', { name: 'Edit', exact: true }).click();
    await page.getByRole('button', { name: 'Add an actor' }).click();
    await formRow(page, 'Actor 2').getByLabel('Existing actor').selectOption({ label: 'Donald Trump' });
    await formRow(page, 'Actor 2').getByLabel('Role').selectOption({ label: 'Decision-maker' });
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await page.goto(`/events/${slug}/history`);
    const [edited, created] = [revisions(page).nth(0), revisions(page).nth(1)];
    await expect(edited).toContainText(`Edited by ${editor.name}`);
    await expect(edited.getByRole('insertion')).toHaveText(['Donald Trump — decision-maker']);
    // The sign is for the eye (hidden from screen readers, which hear "Added:").
    await expect(edited.getByRole('listitem').filter({ hasText: /^\+ Added: Donald Trump/ })).toHaveText('+ Added: Donald Trump — decision-maker');
    await expect(created).toContainText(`Created by ${editor.name}`);
    await expect(created.getByRole('definition')).toContainText([title, 'c. May 2026 (2026-05~)', 'Announced', 'US Department of Commerce — issuer', '“Trump postpones AI oversight executive order” (Engadget)']);
    await expect(page.getByText('(empty)')).toHaveCount(0);
    await expect(page.getByText(/"actor":|donald-trump/)).toHaveCount(0);

    mkdirSync(SHOTS, { recursive: true });
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      expect(await pageWidth(page)).toBeLessThanOrEqual(viewport.width);
      await page.screenshot({ path: `${SHOTS}/history-${viewport.name}.png`, fullPage: true });
    }
  });
});
