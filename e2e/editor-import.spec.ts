import { expect, test } from '@playwright/test';
import { ADMIN_STATE, uniqueTag } from './admin-support';
import { cardSlugs } from './support';

/** Admins bring whole datasets in: every problem is listed and nothing is written, or everything is, with counts. */

test.use({ storageState: ADMIN_STATE });

const document = (tag: string, date: string, url: string) => ({
  format: 'policy-timeline/v1',
  actors: [{ slug: `import-agency-${tag}`, name: `Imported Agency ${tag}`, kind: 'agency' }],
  sources: [{ id: `import-source-${tag}`, title: `Imported report ${tag}`, publisher: 'Example Gazette', availability: 'live', url }],
  events: [
    {
      slug: `imported-event-${tag}`,
      title: `Imported event ${tag}`,
      summary: 'An event brought in from a file.',
      date,
      type: 'announced',
      jurisdiction: 'US',
      actors: [{ actor: `import-agency-${tag}`, role: 'issuer' }],
      citations: [{ source: `import-source-${tag}`, quote: 'The passage that says so.' }],
    },
  ],
});

async function upload(page: import('@playwright/test').Page, content: unknown) {
  await page.goto('/admin/import');
  await page.getByLabel('Dataset file').setInputFiles({ name: 'dataset.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
  await page.getByRole('button', { name: 'Import' }).click();
}

test('a file with errors lists every problem with its path and changes nothing', async ({ page }) => {
  const tag = uniqueTag();
  await page.goto('/');
  const before = await page.getByTestId('result-count').textContent();

  await upload(page, document(tag, '2026-13', 'javascript:alert(1)'));
  const problems = page.getByTestId('import-problems').getByRole('listitem');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toContainText('sources[0].url');
  await expect(problems.nth(1)).toContainText('events[0].date: "2026-13" is not a valid EDTF date');
  await expect(page.getByTestId('form-message')).toBeVisible();

  await page.goto('/');
  await expect(page.getByTestId('result-count')).toHaveText(before!);
  await page.goto(`/events/imported-event-${tag}`);
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
});

test('a valid file is imported with its counts, and its events appear in the chronology', async ({ page }) => {
  const tag = uniqueTag();
  await upload(page, document(tag, '2026-03-15', 'https://example.org/report'));
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('row', { name: /^Events 1 0 0$/ })).toBeVisible({ timeout: 20_000 });
  await expect(report.getByRole('row', { name: /^Actors 1 0 \d+$/ })).toBeVisible();
  await expect(report.getByRole('row', { name: /^Sources 1 0 \d+$/ })).toBeVisible();

  await page.getByRole('link', { name: 'See the timeline' }).click();
  await page.goto(`/?actor=import-agency-${tag}`);
  expect(await cardSlugs(page)).toEqual([`imported-event-${tag}`]);
  await expect(page.getByTestId('event-card').locator('time')).toHaveText('March 15, 2026');

  // Importing the same file again changes nothing.
  await upload(page, document(tag, '2026-03-15', 'https://example.org/report'));
  await expect(page.getByTestId('import-report').getByRole('row', { name: /^Events 0 0 1$/ })).toBeVisible({ timeout: 20_000 });
});
