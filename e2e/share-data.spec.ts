import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors } from './support';

/**
 * Issue 9's reader paths for sharing and taking the timeline elsewhere: the
 * policy and actor indexes (filtered without JavaScript), every page's title
 * and share card, an event's neighbours in its storyline, and the embed —
 * framed by a page of another origin — at a laptop's and a phone's size.
 */

// Screenshots to look at before a release: SHOTS_DIR=<dir>, as the other layout specs take it.
const SHOTS = process.env.SHOTS_DIR ?? 'test-results/shots';
const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const PAGES = [
  { name: 'policies', path: '/policies' },
  { name: 'actors', path: '/actors' },
  { name: 'event', path: '/events/signing-postponed' },
  { name: 'embed', path: '/embed' },
] as const;

async function meta(page: Page, attribute: 'property' | 'name', key: string): Promise<string | null> {
  return page.locator(`meta[${attribute}="${key}"]`).first().getAttribute('content', { timeout: 2_000 }).catch(() => null);
}

test.describe('the policy and actor indexes without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('policies filter by status and jurisdiction through the form', async ({ page }) => {
    await page.goto('/policies');
    await page.getByLabel('Status').selectOption('postponed');
    await page.getByRole('button', { name: 'Show policies' }).click();
    await expect(page).toHaveURL(/\/policies\?status=postponed(&jurisdiction=)?$/);
    await expect(page.getByTestId('policy-table').locator('tbody tr')).toHaveCount(1);
    await expect(page.getByTestId('policy-count')).toHaveText('1 policy match, by title.');
    await expect(page).toHaveTitle('Policies: Postponed · AI Policy Timeline');

    await page.getByLabel('Status').selectOption('');
    await page.getByLabel('Jurisdiction').selectOption('US');
    await page.getByRole('button', { name: 'Show policies' }).click();
    await expect(page.getByTestId('policy-table').locator('tbody tr')).toHaveCount(3);
    await page.getByRole('link', { name: 'Clear filters' }).click();
    await expect(page).toHaveURL(/\/policies$/);
  });

  test('actors are found by a name or an alias and narrowed by kind', async ({ page }) => {
    await page.goto('/actors');
    await page.getByLabel('Name or alias').fill('nist');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/actors\?q=nist$/);
    const list = page.getByTestId('actor-list');
    await expect(list.getByRole('link')).toHaveText(['National Institute of Standards and Technology']);
    await expect(page).toHaveTitle('Actors: “nist” · AI Policy Timeline');

    await page.getByLabel('Name or alias').fill('');
    await page.getByRole('checkbox', { name: /^Companies/ }).check();
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/actors\?(q=&)?kind=company$/);
    await expect(list.getByRole('link')).toHaveText(['Anthropic', 'OpenAI']);
  });
});

test.describe('titles and share cards', () => {
  for (const { path, title, type } of [
    { path: '/', title: 'AI Policy Timeline', type: 'website' },
    { path: '/?actor=donald-trump&type=postponed', title: 'AI Policy Timeline: Donald Trump, Postponed', type: 'website' },
    { path: '/policies', title: 'Policies · AI Policy Timeline', type: 'website' },
    { path: '/actors?kind=agency', title: 'Actors: Agencies · AI Policy Timeline', type: 'website' },
    { path: '/events/signing-postponed', title: 'Trump postpones the signing of the pre-release review order · AI Policy Timeline', type: 'article' },
    { path: '/policies/pre-release-model-review-order', title: 'Executive order on pre-release review of advanced AI models · AI Policy Timeline', type: 'website' },
    { path: '/actors/nist', title: 'National Institute of Standards and Technology · AI Policy Timeline', type: 'website' },
  ]) {
    test(`${path} names its view and has a card with an absolute address`, async ({ page, baseURL }) => {
      await page.goto(path);
      await expect(page).toHaveTitle(title);
      expect(await meta(page, 'property', 'og:title')).toBe(title);
      expect(await meta(page, 'property', 'og:type')).toBe(type);
      expect((await meta(page, 'property', 'og:description'))?.length).toBeGreaterThan(20);
      // Absolute (Next writes the site's root without its trailing slash).
      const url = await meta(page, 'property', 'og:url');
      expect(url).toMatch(/^https?:\/\//);
      expect(new URL(url!).href).toBe(new URL(path, baseURL).href);
      expect(await meta(page, 'name', 'twitter:card')).toBe('summary');
      expect(await meta(page, 'name', 'twitter:title')).toBe(title);
    });
  }

  test('an event card leads with the date at its precision', async ({ page }) => {
    await page.goto('/events/nist-announcement-removed');
    expect(await meta(page, 'property', 'og:description')).toMatch(/^May 2026 – May 22, 2026: /);
  });
});

test.describe('an event in its storyline', () => {
  test('links the previous and next events of its policy, and says where it stands', async ({ page }) => {
    const errors = collectPageErrors(page);
    await page.goto('/events/signing-ceremony-invitations');
    const storyline = page.getByTestId('storyline-nav');
    await expect(storyline.getByRole('heading')).toHaveText('In the storyline of Executive order on pre-release review of advanced AI models');
    await expect(storyline).toContainText('Event 4 of 5');
    await storyline.getByRole('link', { name: /^Next →/ }).click();
    await expect(page).toHaveURL(/\/events\/signing-postponed$/);
    await expect(page.getByTestId('storyline-nav')).toContainText('Event 5 of 5');
    await expect(page.getByTestId('storyline-nav')).toContainText('This is the latest event of the storyline.');
    await page.getByTestId('storyline-nav').getByRole('link', { name: /^← Previous/ }).click();
    await expect(page).toHaveURL(/\/events\/signing-ceremony-invitations$/);
    expect(errors).toEqual([]);
  });

  test('an event without a policy has no storyline links', async ({ page }) => {
    await page.goto('/events/anthropic-pentagon-dispute');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByTestId('storyline-nav')).toHaveCount(0);
  });
});

test.describe('the embed', () => {
  let host: Server;
  let hostOrigin: string;
  let embedSrc = '';

  test.beforeAll(async () => {
    // A newsroom's page: another origin (another port) that frames the embed.
    host = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(`<!DOCTYPE html><html lang="en"><head><title>A story</title></head><body><h1>A story</h1>
        <iframe id="embed" src="${embedSrc}" title="AI Policy Timeline" width="100%" height="720" style="border:0;max-width:42rem"></iframe>
        <iframe id="page" src="${embedSrc.replace(/\/embed\?.*$/, '/policies')}" title="Not embeddable"></iframe></body></html>`);
    });
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
    hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((resolve) => host.close(resolve));
  });

  test('is framed by a page of another origin, shows the view and links out of the frame', async ({ page, baseURL }) => {
    embedSrc = new URL('/embed?actor=donald-trump', baseURL).href;
    await page.goto(`${hostOrigin}/`);
    const frame = page.frameLocator('#embed');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Donald Trump');
    await expect(frame.locator('.event')).toHaveCount(3);
    await expect(frame.locator('.axis svg rect.bar--current').first()).toBeAttached();
    const links = frame.locator('a[href^="http"]');
    expect(await links.count()).toBeGreaterThan(3);
    for (const target of await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('target')))) expect(target).toBe('_top');
    // Following an event leaves the newsroom's page for the event's own page.
    await frame.getByRole('link', { name: 'Trump postpones the signing of the pre-release review order' }).click();
    await expect(page).toHaveURL(new URL('/events/signing-postponed', baseURL).href);

    // Any other page still refuses the frame.
    await page.goto(`${hostOrigin}/`);
    await expect.poll(() => page.frames().map((candidate) => candidate.url())).toContainEqual(expect.stringMatching(/^chrome-error:/));
    await expect(page.frameLocator('#embed').getByRole('heading', { level: 1 })).toBeVisible();
  });

  test('carries no script, and the headers that let any site frame it', async ({ request }) => {
    const response = await request.get('/embed?type=postponed');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain('frame-ancestors *');
    expect(headers['x-frame-options']).toBeUndefined();
    const html = await response.text();
    expect(html).not.toMatch(/<script\b/i);
    expect(html).toContain('AI Policy Timeline: Postponed');
  });

  test('the snippet on a policy page holds the iframe code of that view, copied with a button', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
    await page.goto('/policies/pre-release-model-review-order');
    await page.getByText('Embed this view').click();
    const code = page.getByLabel('Embed code');
    await expect(code).toHaveValue(new RegExp(`^<iframe src="${new URL('/embed?policy=pre-release-model-review-order', baseURL).href.replace(/[?.]/g, '\\$&')}" title="AI Policy Timeline: Executive order`));
    await page.getByRole('button', { name: 'Copy the embed code' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Copied' })).toHaveText('Copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await code.inputValue());
  });
});

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    for (const { name, path } of PAGES) {
      test(`${path}: no accessibility violation, no sideways scrolling, screenshot`, async ({ page }) => {
        await page.goto(path);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
        expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width).toBeLessThanOrEqual(size.width);
        mkdirSync(SHOTS, { recursive: true });
        await page.screenshot({ path: `${SHOTS}/${name}-${size.width}x${size.height}.png`, fullPage: true });
      });
    }
  });
}
