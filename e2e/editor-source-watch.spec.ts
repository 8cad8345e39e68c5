import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startSourceFixtures, type SourceFixtures } from '../tests/source-fixtures';
import { ANONYMOUS, E2E_DATABASE_URL, EDITOR_STATE, formRow, uniqueTag } from './admin-support';

/**
 * The source watch as editors and readers meet it: `npm run sources:check` runs
 * (as cron would) against a local fixture server, then an editor answers its
 * findings in /admin/sources/attention and a reader sees "last checked" on the
 * event page.
 */

const run = promisify(execFile);
const FIXTURE_PORT = Number(process.env.E2E_SOURCE_FIXTURE_PORT ?? 3215);
const tag = uniqueTag();
const ids = { live: `watch-${tag}-live`, missing: `watch-${tag}-missing`, home: `watch-${tag}-home` };
const titles = { live: `Watched live page ${tag}`, missing: `Watched missing page ${tag}`, home: `Watched moved page ${tag}` };
const eventSlug = `watch-${tag}-event`;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

let fixtures: SourceFixtures;
let folder: string;

const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  run(process.execPath, ['node_modules/tsx/dist/cli.mjs', script, ...args], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL, ...env } });

test.beforeAll(async () => {
  fixtures = await startSourceFixtures(FIXTURE_PORT);
  folder = mkdtempSync(path.join(os.tmpdir(), 'source-watch-e2e-'));
  const file = path.join(folder, 'sources.json');
  const source = (key: keyof typeof ids, route: string) => ({
    id: ids[key],
    title: titles[key],
    publisher: 'Fixture Department',
    url: `${fixtures.origin}${route}?tag=${tag}`,
    availability: 'live',
  });
  writeFileSync(
    file,
    JSON.stringify({
      format: 'policy-timeline/v1',
      sources: [source('live', '/announcement'), source('missing', '/missing'), source('home', '/to-home')],
      events: [
        {
          slug: eventSlug,
          title: `An announcement the watch follows ${tag}`,
          summary: 'An event citing one page that is there and one that is gone.',
          date: '2026-05',
          type: 'announced',
          jurisdiction: 'US',
          citations: [{ source: ids.live, quote: 'Leading developers agreed to share unreleased models.' }, { source: ids.missing }],
        },
      ],
    }),
  );
  await cli('scripts/data-import.ts', [file]);
  // One gone check is enough here, so one run shows a removal; the rule itself is tested with a controlled clock.
  const { stdout } = await cli('scripts/sources-check.ts', ['--quiet', ...Object.values(ids).flatMap((id) => ['--source', id])], {
    SOURCE_CHECK_ALLOW_PRIVATE: 'true',
    SOURCE_CHECK_GONE_AFTER: '1',
    SOURCE_CHECK_GONE_HOURS: '0',
    ARCHIVE_AVAILABILITY_URL: fixtures.availabilityUrl,
  });
  expect(stdout).toContain('checked 3 of 3 sources');
  expect(stdout).toContain('2 marked removed');
});

test.afterAll(async () => {
  await fixtures?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

const finding = (page: Page, title: string) => page.getByTestId('attention-item').filter({ has: page.getByRole('heading', { name: title }) });

test.describe('an editor answers what the source check found', () => {
  test.use({ storageState: EDITOR_STATE });

  test('the needs-attention view shows each finding with its evidence, on a phone too', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/admin/sources');
    await page.getByTestId('attention-count').getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sources that need attention' })).toBeVisible();
    const missing = finding(page, titles.missing);
    await expect(missing).toContainText('Gone: marked removed');
    await expect(missing.getByTestId('check-evidence')).toContainText('HTTP 404 Not Found');
    await expect(missing.getByRole('link', { name: 'Archived copy' })).toHaveAttribute('href', new RegExp(`/web/\\d{14}/`));
    await expect(finding(page, titles.home).getByTestId('check-evidence')).toContainText("redirected to the site's home page");
    await expect(finding(page, titles.live)).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page);
  });

  test('dismissing a wrong "gone" puts the source back; drafting an event opens the form filled in; confirming clears it', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/admin/sources/attention');
    await expectAccessible(page);

    await finding(page, titles.home).getByRole('button', { name: 'Dismiss: the page is still there' }).click();
    await expect(page.getByTestId('attention-done')).toHaveText(`Dismissed: ${ids.home}.`);
    await expect(finding(page, titles.home)).toHaveCount(0);
    await page.goto(`/admin/sources/${ids.home}/edit`);
    await expect(page.getByTestId('revision').first()).toContainText('Edited by');
    await expect(page.getByTestId('revision').nth(1)).toContainText('by source check');

    await page.goto('/admin/sources/attention');
    await finding(page, titles.missing).getByRole('link', { name: 'Draft an event' }).click();
    await expect(page.getByTestId('draft-notice')).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Title', exact: true }).first()).toHaveValue(`${titles.missing} no longer available at 127.0.0.1`);
    await expect(page.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue(/^\.\.\/\d{4}-\d{2}-\d{2}$/);
    await expect(formRow(page, 'Citation 1').getByLabel('Existing source')).toHaveValue(ids.missing);

    await page.goto('/admin/sources/attention');
    await finding(page, titles.missing).getByRole('button', { name: 'Confirm it is gone' }).click();
    await expect(page.getByTestId('attention-done')).toHaveText(`Confirmed: ${ids.missing}.`);
    await expect(finding(page, titles.missing)).toHaveCount(0);
  });
});

test.describe('a reader sees when each source was last checked', () => {
  test.use({ storageState: ANONYMOUS });
  const today = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date());

  for (const size of [DESKTOP, PHONE]) {
    test(`on the event page at ${size.width}×${size.height}`, async ({ page }) => {
      await page.setViewportSize(size);
      await page.goto(`/events/${eventSlug}`);
      const citations = page.getByTestId('citation');
      await expect(citations.filter({ hasText: titles.live }).getByTestId('source-last-checked')).toHaveText(`Last checked ${today}: found at its address.`);
      const gone = citations.filter({ hasText: titles.missing });
      await expect(gone.getByTestId('source-last-checked')).toHaveText(`No longer at its address since ${today} (last checked ${today}).`);
      await expect(gone.getByTestId('source-removed')).toBeVisible();
      await expectNoSidewaysScroll(page);
      await expectAccessible(page);
    });
  }

  test('and can follow disappearances in the Atom feed', async ({ request }) => {
    const response = await request.get('/sources/changes.xml');
    expect(response.headers()['content-type']).toContain('application/atom+xml');
    const xml = await response.text();
    expect(xml).toContain(`Marked removed: ${titles.missing}`);
    expect(xml).toContain(`/events/${eventSlug}`);
  });
});
