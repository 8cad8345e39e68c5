import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse } from '@playwright/test';
import { ADMIN_STATE, ANONYMOUS } from './admin-support';
import { cspViolations, watchCspViolations } from './csp-support';

/**
 * The security headers (proxy.ts, lib/security-headers.ts) as a browser gets
 * them: every script of the app still runs under the CSP, an injected one does
 * not, no page can be framed, and the proxy turns away malformed addresses and
 * anonymous action calls before any route runs. The editors' pages are checked
 * in editor-csp.spec.ts.
 */

const NONCE = /'nonce-([A-Za-z0-9+/=]+)'/;

function expectPageHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers['content-security-policy']).toMatch(NONCE);
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).not.toContain('unsafe-eval');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy']).toContain('camera=()');
  // The browser tests' server is plain http (scripts/e2e-server.sh); HSTS there would be wrong.
  expect(headers['strict-transport-security']).toBeUndefined();
}

test.describe('security headers', () => {
  test('an HTML page carries them, with a fresh nonce that every script of the page bears', async ({ request }) => {
    const first = await request.get('/');
    expect(first.status()).toBe(200);
    expectPageHeaders(first);
    const nonce = NONCE.exec(first.headers()['content-security-policy'])![1];
    const html = await first.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

    const second = await request.get('/');
    expect(NONCE.exec(second.headers()['content-security-policy'])![1]).not.toBe(nonce);
  });

  test('a feed, a download and a page that is not found carry them too', async ({ request }) => {
    for (const url of ['/feed.xml', '/events.csv', '/api/events', '/no-such-page']) {
      const response = await request.get(url);
      expect(response.status(), url).toBeLessThan(500);
      expectPageHeaders(response);
    }
  });

  test('the embed carries them too, but lets any site frame it (and is the only page that does)', async ({ request }) => {
    const response = await request.get('/embed?actor=donald-trump');
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain('frame-ancestors *');
    expect(headers['content-security-policy']).not.toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBeUndefined();
    expect(headers['x-content-type-options']).toBe('nosniff');
    const nonce = NONCE.exec(headers['content-security-policy'])![1];
    expect(await response.text()).toContain(`<style nonce="${nonce}">`);
    for (const url of ['/embed/x', '/embedded', '/?embed=1']) expectPageHeaders(await request.get(url));
  });

  test('an admin page carries them for a signed-in admin', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
    const response = await admin.get('/admin', { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expectPageHeaders(response);
    await admin.dispose();
  });
});

test.describe('the content security policy in the browser', () => {
  test('the timeline, its chart, an event page, the not-found page and sign-in run with no violation', async ({ page }) => {
    const consoleMessages = await watchCspViolations(page);

    await page.goto('/');
    // Clicking a month in the chart is JavaScript only (recharts and the router).
    await page.getByTestId('activity-chart').locator('.recharts-bar-rectangle path').first().click();
    await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}&to=\d{4}-\d{2}/);
    expect(await cspViolations(page, consoleMessages)).toEqual([]);

    for (const url of ['/events/signing-postponed', '/actors/donald-trump', '/policies', '/no-such-page', '/login']) {
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      expect(await cspViolations(page, consoleMessages), url).toEqual([]);
    }
  });

  test('an event handler injected into a page does not run', async ({ page }) => {
    await page.goto('/events/signing-postponed');
    const ran = await page.evaluate(async () => {
      const flag = window as unknown as { injected?: boolean };
      // Markup with an inline event handler, the usual shape of an XSS payload; the image itself loads.
      const holder = document.createElement('div');
      holder.innerHTML = '<img src="/icon.svg" alt="" onload="window.injected = true">';
      const image = holder.querySelector('img')!;
      const loaded = new Promise((resolve) => image.addEventListener('load', resolve));
      document.body.append(holder);
      await loaded;
      return flag.injected === true;
    });
    expect(ran).toBe(false);
  });

  test('no page can be shown inside another document’s frame', async ({ page, baseURL }) => {
    const framed = new URL('/events/signing-postponed', baseURL).href;
    const answered = page.waitForResponse(framed);
    await page.setContent(`<iframe title="framed" src="${framed}"></iframe>`);
    expect((await answered).status()).toBe(200);
    // Chromium replaces a frame it refuses to render with its error page.
    await expect.poll(() => page.frames().find((frame) => frame !== page.mainFrame())?.url()).toMatch(/^chrome-error:/);
  });
});

const MALFORMED_PATHS = [
  '/events/%zz',
  '/events/%E0%A4%A',
  '/events/%zz/history',
  '/actors/%FF',
  '/actors/%',
  '/policies/%E0%A4%A',
  '/policies/%C0%AF',
  '/admin/events/%zz/edit',
  '/admin/actors/%FF/edit',
  '/admin/sources/%E0%A4%A/edit',
  '/admin/policies/%zz/edit',
  '/api/events/%zz',
  '/%zz',
];

test.describe('malformed percent-escapes in the path', () => {
  for (const [who, storageState] of [
    ['an anonymous visitor', ANONYMOUS],
    ['a signed-in admin', ADMIN_STATE],
  ] as const) {
    test(`answer 400 to ${who}, never a server error`, async ({ playwright, baseURL }) => {
      const client = await playwright.request.newContext({ baseURL, storageState });
      for (const url of MALFORMED_PATHS) {
        const response = await client.get(url, { maxRedirects: 0 });
        expect(response.status(), url).toBe(400);
      }
      await client.dispose();
    });
  }
});

/** A real server action's id, from the build the tests run against. */
function saveEventActionId(): string {
  const manifest = JSON.parse(readFileSync(path.join(process.env.NEXT_DIST_DIR ?? '.next', 'server', 'server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string }>;
  };
  const id = Object.entries(manifest.node).find(([, action]) => action.exportedName === 'saveEventAction')?.[0];
  if (!id) throw new Error('saveEventAction is not in the build');
  return id;
}

test.describe('server action calls without a session', () => {
  test('are refused before their body is read, and write nothing', async ({ playwright, baseURL, request }) => {
    const countBefore = (await (await request.get('/api/events?limit=1')).json()).total as number;
    const anonymous = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS });
    const title = `Anonymous event ${Date.now()}`;
    // Three megabytes: under the action limit, so only the session gate stops it.
    const response = await anonymous.post('/admin/events/new', {
      headers: { 'Next-Action': saveEventActionId() },
      multipart: { title, summary: 'x'.repeat(3 * 1024 * 1024), date: '2026-05-21', type: 'announced', jurisdiction: 'US' },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    await anonymous.dispose();

    expect((await (await request.get('/api/events?limit=1')).json()).total).toBe(countBefore);
    expect((await (await request.get(`/api/events?q=${encodeURIComponent(title)}`)).json()).total).toBe(0);
  });

  test('a body over the actions’ limit is refused with 413 even with a session cookie', async ({ playwright, baseURL }) => {
    const admin = await playwright.request.newContext({ baseURL, storageState: ADMIN_STATE });
    const response = await admin.post('/admin/events/new', {
      headers: { 'Next-Action': saveEventActionId() },
      multipart: { summary: 'x'.repeat(5 * 1024 * 1024) },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(413);
    await admin.dispose();
  });
});
