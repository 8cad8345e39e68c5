import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

/**
 * The public pages the layout, index and editor specs do not already run axe
 * on — the sign-in page, a page that does not exist, the indexes filtered, an
 * event's history and a storyline — at a laptop's and a phone's size: no WCAG
 * 2.1 A/AA violation, and nothing wider than the screen.
 */

const SIZES = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
];

const PAGES = [
  { path: '/login', status: 200 },
  { path: '/events/no-such-event', status: 404 },
  { path: '/policies?status=none', status: 200 },
  { path: '/actors?q=nist', status: 200 },
  { path: '/events/signing-postponed/history', status: 200 },
  { path: '/policies/pre-release-model-review-order', status: 200 },
  { path: '/?q=review&type=postponed', status: 200 },
];

for (const size of SIZES) {
  test.describe(`on a ${size.name} (${size.width}×${size.height})`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const { path, status } of PAGES) {
      test(`${path}: no accessibility violation and no sideways scrolling`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
      });
    }
  });
}
