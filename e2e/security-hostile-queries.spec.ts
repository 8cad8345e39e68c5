import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { ANONYMOUS } from './admin-support';
import { QUERY_PAYLOADS, RAW_MARKUP } from './security-payloads';
import { isMarkup, readRecords } from './security-support';

/**
 * Hostile values in every query parameter of every public page and export, and
 * malformed escapes in their paths: never a 5xx, nothing reflected as markup,
 * the feed still valid XML, and the sign-in page's return path always on this site.
 */

test.use({ storageState: ANONYMOUS });

/** Every query parameter any public page or export reads. */
const PARAMETERS = ['q', 'actor', 'agency', 'type', 'topic', 'jurisdiction', 'policy', 'from', 'to', 'order', 'after', 'before', 'page', 'status', 'kind', 'download', 'restored', 'next'];

function publicPaths(): string[] {
  const { event, actor, policy } = readRecords();
  return [
    '/',
    '/actors',
    `/actors/${actor.slug}`,
    '/policies',
    `/policies/${policy.slug}`,
    `/events/${event.slug}`,
    `/events/${event.slug}/history`,
    '/embed',
    '/api/events',
    '/events.csv',
    '/events.ics',
    '/feed.xml',
    '/api/timelinejs',
    '/api/export',
    '/login',
  ];
}

interface Problem {
  url: string;
  problem: string;
}

/** GETs `url` and lists what is wrong with the answer. */
async function check(request: APIRequestContext, url: string): Promise<Problem[]> {
  const response = await request.get(url, { failOnStatusCode: false, maxRedirects: 0, timeout: 30_000 });
  const status = response.status();
  const shown = url.length > 160 ? `${url.slice(0, 160)}…` : url;
  if (status >= 500) return [{ url: shown, problem: `HTTP ${status}` }];
  const body = await response.text();
  const problems: Problem[] = [];
  // JSON, CSV and iCalendar carry text as data; only what a browser renders as markup must escape it.
  if (isMarkup(response.headers()['content-type'] ?? '')) {
    for (const markup of RAW_MARKUP) if (body.includes(markup)) problems.push({ url: shown, problem: `reflects ${markup} unescaped` });
  }
  if (status === 200 && new URL(url, 'http://site.invalid').pathname === '/feed.xml' && XMLValidator.validate(body) !== true) {
    problems.push({ url: shown, problem: 'the feed is not well-formed XML' });
  }
  return problems;
}

/** Runs the checks six at a time: enough to keep the suite short, few enough for 2 cores. */
async function checkAll(request: APIRequestContext, urls: string[]): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (let start = 0; start < urls.length; start += 6) {
    const batch = await Promise.all(urls.slice(start, start + 6).map((url) => check(request, url)));
    problems.push(...batch.flat());
  }
  return problems;
}

const withQuery = (path: string, entries: Array<[string, string]>) => `${path}?${new URLSearchParams(entries).toString()}`;

test('every payload in every query parameter of every public page and export: no 5xx, nothing reflected as markup', async ({ request }) => {
  test.setTimeout(240_000);
  const urls: string[] = [];
  // Each page with the payload in all of its parameters at once…
  for (const path of publicPaths()) {
    for (const payload of QUERY_PAYLOADS) urls.push(withQuery(path, PARAMETERS.map((name) => [name, payload.value])));
  }
  // …and the chronology's filters one by one, so that no parameter hides behind another's notice.
  const distinct = QUERY_PAYLOADS.filter((payload) => /script|NUL|surrogate|10,000|huge|SQL/.test(payload.label));
  for (const name of PARAMETERS) {
    for (const payload of distinct) urls.push(withQuery('/', [[name, payload.value]]));
  }
  const problems = await checkAll(request, urls);
  test.info().annotations.push({ type: 'requests', description: String(urls.length) });
  expect(problems, `${problems.length} problems in ${urls.length} requests`).toEqual([]);
});

test('malformed percent-escapes in paths answer 400 or 404, never 500', async ({ request }) => {
  const { event } = readRecords();
  const paths = [
    '/events/%zz',
    '/events/%',
    '/events/%E0%A4%A',
    '/events/%zz/history',
    `/events/${event.slug}%zz`,
    '/actors/%FF',
    '/actors/%zz',
    '/actors/%C0%AF',
    '/policies/%zz',
    '/policies/%FF%FE',
    '/events/..%2F..%2Fetc%2Fpasswd',
    '/actors/%00',
  ];
  const answers: string[] = [];
  for (const path of paths) {
    const response = await request.get(path, { failOnStatusCode: false, maxRedirects: 0 });
    answers.push(`${path} → ${response.status()}`);
  }
  expect(answers).toEqual(paths.map((path) => expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} → (400|404)$`))));
});

test('malformed escapes and raw bytes in query strings never give a 5xx', async ({ request }) => {
  const raw = ['%zz', '%', '%FF', '%ED%A0%80', '%C0%AF', '%00', '%E2%80%AE', '%F4%90%80%80'];
  const urls = publicPaths().flatMap((path) => raw.map((value) => `${path}?q=${value}&type=${value}&from=${value}&next=${value}`));
  const problems = await checkAll(request, urls);
  expect(problems, `${problems.length} problems in ${urls.length} requests`).toEqual([]);
});

test('1,000 invalid type= values give a short list of notices, not one per value', async ({ request }) => {
  // Short values: the whole query has to fit in the request line.
  const url = withQuery('/', Array.from({ length: 1000 }, (_, index) => ['type', `x${index}`]));
  const response = await request.get(url);
  expect(response.status()).toBe(200);
  const body = await response.text();
  const notices = /<div class="notice" role="status">([\s\S]*?)<\/div>/.exec(body)?.[1] ?? '';
  const items = notices.match(/<li>/g)?.length ?? 0;
  expect(items, 'notice items for 1,000 invalid type values').toBeGreaterThan(0);
  expect(items, 'notice items for 1,000 invalid type values').toBeLessThanOrEqual(25);
});

test.describe('the sign-in page’s return path', () => {
  const TRICKS = [
    '//evil.example',
    '/%09/evil.example',
    '/\t/evil.example',
    '/%0A/evil.example',
    '/\n/evil.example',
    '/.//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    '/%2F%2Fevil.example',
    `/${'x'.repeat(10_000)}`,
    '/admin\u0000',
    `/admin"><script>window.__xss = 1</script>`,
  ];

  test('no trick in ?next= gives a 5xx or leaves this site', async ({ request, baseURL }) => {
    const site = new URL(baseURL ?? '').origin;
    const problems: string[] = [];
    for (const trick of TRICKS) {
      const url = `/login?next=${encodeURIComponent(trick)}`;
      const response = await request.get(url, { failOnStatusCode: false, maxRedirects: 0 });
      if (response.status() !== 200) {
        problems.push(`${JSON.stringify(trick)} → HTTP ${response.status()}`);
        continue;
      }
      const html = await response.text();
      const field = /<input type="hidden" name="next" value="([^"]*)"/.exec(html)?.[1];
      if (field === undefined) {
        problems.push(`${JSON.stringify(trick)} → no return path in the form`);
        continue;
      }
      const next = field.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x27;/g, "'");
      // What the browser would do with it after signing in.
      const landing = new URL(next, site);
      if (landing.origin !== site) problems.push(`${JSON.stringify(trick)} → return path ${JSON.stringify(next)} leads to ${landing.origin}`);
      if (/[\u0000-\u001f\u007f\\]/.test(next)) problems.push(`${JSON.stringify(trick)} → return path ${JSON.stringify(next)} keeps control characters or a backslash`);
      for (const markup of RAW_MARKUP) if (html.includes(markup)) problems.push(`${JSON.stringify(trick)} → page reflects ${markup}`);
    }
    expect(problems).toEqual([]);
  });
});
