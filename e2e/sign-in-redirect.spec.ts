import { expect, test, type Page } from '@playwright/test';
import { ANONYMOUS, EDITOR_STATE, readAccounts, submitSignIn } from './admin-support';

/**
 * `?next=` says where to go after signing in. Tricks that once led the browser
 * off the site (issue 7): an encoded tab the URL parser strips, turning
 * `/%09/evil.example` into `//evil.example`, and a dot segment that collapses
 * into it (`/.//evil.example`, followed by the client-side router).
 */

const TRICKS = ['/%09/evil.example', '/%0A/evil.example', '/.//evil.example', '/%2F%2Fevil.example', '/%5Cevil.example'];

/** Records any request that leaves our server, and stops it. */
async function refuseOtherHosts(page: Page, baseURL: string): Promise<string[]> {
  const leftTheSite: string[] = [];
  await page.route(
    (url) => url.origin !== new URL(baseURL).origin,
    (route) => {
      leftTheSite.push(route.request().url());
      return route.abort();
    },
  );
  return leftTheSite;
}

async function signInWithNext(page: Page, baseURL: string, next: string): Promise<void> {
  const { editor } = readAccounts();
  const leftTheSite = await refuseOtherHosts(page, baseURL);
  const response = await page.goto(`/login?next=${next}`);
  expect(response?.status()).toBe(200);
  await submitSignIn(page, editor.email, editor.password);
  // The dashboard of our own site, not the host the trick named.
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL).origin);
  expect(new URL(page.url()).pathname).toBe('/admin');
  expect(leftTheSite).toEqual([]);
}

test.describe('the return path after signing in, with JavaScript', () => {
  test.use({ storageState: ANONYMOUS });

  for (const next of TRICKS) {
    test(`?next=${next} lands on our dashboard`, async ({ page, baseURL }) => {
      await signInWithNext(page, baseURL!, next);
    });
  }

  test('a path on the site is where the editor lands', async ({ page, baseURL }) => {
    const { editor } = readAccounts();
    await refuseOtherHosts(page, baseURL!);
    await page.goto(`/login?next=${encodeURIComponent('/admin/events?q=order')}`);
    await submitSignIn(page, editor.email, editor.password);
    await expect(page).toHaveURL('/admin/events?q=order');
  });
});

test.describe('the return path after signing in, without JavaScript', () => {
  test.use({ storageState: ANONYMOUS, javaScriptEnabled: false });

  for (const next of TRICKS) {
    test(`?next=${next} lands on our dashboard`, async ({ page, baseURL }) => {
      await signInWithNext(page, baseURL!, next);
    });
  }
});

test.describe('a hostile ?next= on the sign-in page', () => {
  test('answers 200 to an anonymous visitor, for every trick', async ({ request }) => {
    for (const next of [...TRICKS, '/%0D%0ASet-Cookie:%20x=1', '/%00', '/%zz', `/${'a'.repeat(5000)}`]) {
      const response = await request.get(`/login?next=${next}`, { maxRedirects: 0 });
      expect(response.status(), next).toBe(200);
      expect(response.headers()['set-cookie'] ?? '', next).not.toContain('x=1');
    }
  });

  test('sends a signed-in editor to the dashboard of our own site', async ({ browser, baseURL }) => {
    const context = await browser.newContext({ storageState: EDITOR_STATE });
    const page = await context.newPage();
    const leftTheSite = await refuseOtherHosts(page, baseURL!);
    for (const next of TRICKS) {
      await page.goto(`/login?next=${next}`);
      await expect(page, next).toHaveURL('/admin');
    }
    expect(leftTheSite).toEqual([]);
    await context.close();
  });
});
