import { expect, test } from '@playwright/test';
import { ADMIN_STATE, EDITOR_STATE, uniqueTag } from './admin-support';
import { cspViolations, watchCspViolations } from './csp-support';

/** The editors' pages run all their JavaScript under the content security policy (proxy.ts). */

test.describe('as an editor', () => {
  test.use({ storageState: EDITOR_STATE });

  test('the event form previews the date as it is typed, with no CSP violation', async ({ page }) => {
    const consoleMessages = await watchCspViolations(page);
    await page.goto('/admin/events/new');
    // The preview follows the typing through a server action call: JavaScript only.
    await page.getByRole('textbox', { name: 'Date', exact: true }).fill('2026-05');
    await expect(page.getByTestId('date-preview')).toHaveText('Will read: May 2026 · stored as 2026-05');
    await page.goto('/admin');
    await page.waitForLoadState('networkidle');
    expect(await cspViolations(page, consoleMessages)).toEqual([]);
  });
});

test.describe('as an admin', () => {
  test.use({ storageState: ADMIN_STATE });

  test('an import shows its progress and its report, with no CSP violation', async ({ page }) => {
    const consoleMessages = await watchCspViolations(page);
    const tag = uniqueTag();
    const source = { id: `csp-source-${tag}`, title: `CSP report ${tag}`, availability: 'live', url: 'https://example.org/csp' };
    const events = Array.from({ length: 60 }, (_, index) => ({
      slug: `csp-import-${tag}-${index}`,
      title: `CSP import ${tag} ${index}`,
      summary: 'An event brought in to watch the progress bar.',
      date: '2026-02',
      type: 'announced',
      jurisdiction: 'US',
      citations: [{ source: source.id, quote: 'The passage that says so.' }],
    }));
    await page.goto('/admin/import');
    await page.getByLabel('Dataset file').setInputFiles({
      name: 'dataset.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'policy-timeline/v1', sources: [source], events })),
    });
    await page.getByRole('button', { name: 'Import' }).click();
    // Progress and the report are drawn by the page's script from the streamed answer.
    await expect(page.getByTestId('import-report').getByRole('row', { name: /^Events 60 0 0$/ })).toBeVisible({ timeout: 30_000 });
    expect(await cspViolations(page, consoleMessages)).toEqual([]);
  });
});
