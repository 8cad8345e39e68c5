import { expect, test, type Page } from '@playwright/test';
import { ADMIN_STATE, uniqueTag } from './admin-support';

/** Without JavaScript the import form posts the file itself, and the page shows what came of it. */
test.use({ storageState: ADMIN_STATE, javaScriptEnabled: false });

async function upload(page: Page, buffer: Buffer) {
  await page.goto('/admin/import');
  await page.getByLabel('Dataset file').setInputFiles({ name: 'dataset.json', mimeType: 'application/json', buffer });
  await page.getByRole('button', { name: 'Import' }).click();
}

const documentOf = (tag: string, summary: string) => ({
  format: 'policy-timeline/v1',
  sources: [{ id: `nojs-source-${tag}`, title: `No-JS report ${tag}`, availability: 'unknown' }],
  events: [
    {
      slug: `nojs-event-${tag}`,
      title: `Imported without JavaScript ${tag}`,
      summary,
      date: '2026-04-02',
      type: 'announced',
      jurisdiction: 'EU',
      citations: [{ source: `nojs-source-${tag}` }],
    },
  ],
});

test('a file over 20 MB gets the size message, and nothing is written', async ({ page }) => {
  // Sending 21 MB takes a while on a busy machine.
  test.slow();
  const tag = uniqueTag();
  // Valid-looking JSON of about 21 MB: one event with an enormous summary.
  const buffer = Buffer.from(JSON.stringify(documentOf(tag, 'word '.repeat(4.2 * 1024 * 1024))));
  expect(buffer.byteLength).toBeGreaterThan(21 * 1024 * 1024);
  await upload(page, buffer);
  await expect(page).toHaveURL(/\/admin\/import\?run=/);
  await expect(page.getByTestId('form-message')).toHaveText(/^This file is 21\.\d MB; the limit here is 20 MB\. Nothing was imported\./);
  const exported = await page.request.get('/api/export');
  expect(await exported.text()).not.toContain(`nojs-event-${tag}`);
});

test('a file with problems lists them with their paths', async ({ page }) => {
  const tag = uniqueTag();
  const document = documentOf(tag, 'A summary.');
  document.events[0].date = '2026-13';
  await upload(page, Buffer.from(JSON.stringify(document)));
  await expect(page.getByTestId('form-message')).toHaveText('Nothing was imported: the file has 1 problem. Correct it and import the file again.');
  await expect(page.getByTestId('import-problems').getByRole('listitem')).toHaveText([/^events\[0\]\.date: "2026-13" is not a valid EDTF date/]);
});

test('a file of 100,000 empty events lists the first 100 problems and says checking stopped', async ({ page }) => {
  await upload(page, Buffer.from(JSON.stringify({ format: 'policy-timeline/v1', events: Array.from({ length: 100_000 }, () => ({})) })));
  await expect(page.getByTestId('import-problems').getByRole('listitem')).toHaveCount(100);
  await expect(page.getByTestId('import-problems-stopped')).toHaveText('…and perhaps more: checking stopped after the first 100 problems.');
});

test('a valid file is imported and the page shows the counts', async ({ page }) => {
  const tag = uniqueTag();
  await upload(page, Buffer.from(JSON.stringify(documentOf(tag, 'Brought in by a plain form post.'))));
  const report = page.getByTestId('import-report');
  await expect(report.getByRole('row', { name: /^Events 1 0 0$/ })).toBeVisible({ timeout: 20_000 });
  await page.goto(`/events/nojs-event-${tag}`);
  await expect(page.getByRole('heading', { level: 1, name: `Imported without JavaScript ${tag}` })).toBeVisible();
});
