import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { XMLValidator } from 'fast-xml-parser';
import { ADMIN_STATE, uniqueTag } from './admin-support';
import { RAW_MARKUP, XSS_IMG, XSS_SCRIPT } from './security-payloads';
import { changedTables, expectSiteHealthy, fingerprintDatabase, isMarkup } from './security-support';

/**
 * Hostile dataset files through the admin's import (`POST /api/import`, and the
 * form without JavaScript), then every export read back: never a 5xx, a refused
 * file writes nothing and says why, a stored payload comes back as text, and the
 * feed stays well-formed XML.
 */

test.use({ storageState: ADMIN_STATE });

interface ImportAnswer {
  status: number;
  /** The final state of a streamed import, or the JSON refusal. */
  state: { status?: string; message?: string; problems?: unknown[] } | null;
  bytes: number;
}

async function postImport(request: APIRequestContext, origin: string, file: { name: string; body: string }): Promise<ImportAnswer> {
  const multipart = new FormData();
  multipart.append('file', new File([file.body], file.name, { type: 'application/json' }));
  const response = await request.post('/api/import', { multipart, headers: { origin }, failOnStatusCode: false, timeout: 60_000 });
  const text = await response.text();
  const lines = text.split('\n').filter(Boolean);
  let state: ImportAnswer['state'] = null;
  try {
    const last = JSON.parse(lines.at(-1) ?? 'null') as { type?: string; state?: ImportAnswer['state']; message?: string } | null;
    state = last?.type === 'result' ? (last.state ?? null) : last;
  } catch {
    state = null;
  }
  return { status: response.status(), state, bytes: text.length };
}

interface DefaultDataset {
  actors: Array<{ slug: string }>;
  sources: Array<{ id: string }>;
}

/**
 * A dataset of one new event. A file is checked on its own, so the actor and
 * source it cites come along (from the default dataset: they import unchanged).
 */
function eventDocument(event: Record<string, unknown>): string {
  const dataset = JSON.parse(readFileSync('prisma/data/default-dataset.json', 'utf8')) as DefaultDataset;
  const [actor] = dataset.actors;
  const [source] = dataset.sources;
  const slug = `imported-${uniqueTag()}`;
  return JSON.stringify({
    format: 'policy-timeline/v1',
    topics: [],
    actors: [actor],
    sources: [source],
    policies: [],
    events: [
      {
        slug,
        title: `Imported ${slug}`,
        summary: 'An event from the hostile-input suite.',
        date: '2026-05',
        type: 'announced',
        jurisdiction: 'US',
        policy: null,
        topics: [],
        actors: [{ actor: actor.slug, role: 'issuer' }],
        citations: [{ source: source.id, quote: null }],
        relations: [],
        ...event,
      },
    ],
  });
}

const REFUSED_FILES: Array<{ label: string; body: () => string }> = [
  { label: 'not JSON', body: () => '<script>window.__xss = 1</script>' },
  { label: 'an empty file', body: () => '' },
  { label: 'a JSON array', body: () => '[]' },
  { label: 'an empty object', body: () => '{}' },
  { label: 'an unknown format', body: () => JSON.stringify({ format: '../../etc/passwd' }) },
  { label: 'a NUL in a title', body: () => eventDocument({ title: 'nul\u0000byte' }) },
  { label: 'C0 controls in a summary', body: () => eventDocument({ summary: 'bell\u0007escape\u001b[31m' }) },
  { label: 'a title over its limit', body: () => eventDocument({ title: 'x'.repeat(201) }) },
  { label: 'a 1 MB title', body: () => eventDocument({ title: 'x'.repeat(1024 * 1024) }) },
  { label: 'a javascript: source URL', body: () => eventDocument({ citations: [{ source: 'js-url', quote: null }] }).replace('"sources":[{', '"sources":[{"id":"js-url","title":"JS","publisher":null,"publishedOn":null,"url":"javascript:window.__xss=1//","availability":"live","archiveUrl":null},{') },
  { label: 'a date of 1e300', body: () => eventDocument({ date: '1e300' }) },
];

test('hostile dataset files are refused with a message and write nothing; none gives a 5xx', async ({ request, baseURL }) => {
  test.setTimeout(180_000);
  const problems: string[] = [];
  for (const file of REFUSED_FILES) {
    const before = fingerprintDatabase();
    const answer = await postImport(request, baseURL ?? '', { name: 'dataset.json', body: file.body() });
    const wrote = changedTables(before, fingerprintDatabase());
    if (answer.status >= 500) problems.push(`${file.label}: HTTP ${answer.status}`);
    else if (answer.state?.status === 'success') problems.push(`${file.label}: imported, but must be refused`);
    else if (!answer.state?.message) problems.push(`${file.label}: refused without a message (${JSON.stringify(answer.state).slice(0, 200)})`);
    if (wrote.length > 0) problems.push(`${file.label}: wrote ${wrote.join('; ')}`);
  }
  await expectSiteHealthy(request, 'the hostile imports');
  expect(problems).toEqual([]);
});

test('a lone surrogate in an import file gives a clear answer, not a 5xx', async ({ request, baseURL }) => {
  // JSON's \uD800 escape carries the lone surrogate past UTF-8.
  const body = eventDocument({ title: 'TITLE' }).replace('"title":"TITLE"', '"title":"lone \\uD800 surrogate"');
  const before = fingerprintDatabase();
  const answer = await postImport(request, baseURL ?? '', { name: 'dataset.json', body });
  expect(answer.status, JSON.stringify(answer.state)).toBeLessThan(500);
  expect(answer.state?.status, JSON.stringify(answer.state)).toBeDefined();
  if (answer.state?.status !== 'success') expect(changedTables(before, fingerprintDatabase())).toEqual([]);
});

test('__proto__ and constructor keys in an import file pollute nothing', async ({ request, baseURL }) => {
  const body = eventDocument({ title: 'TITLE' })
    .replace('"title":"TITLE"', '"title":"Prototype keys","__proto__":{"polluted":"by-import"},"constructor":{"prototype":{"polluted":"by-import"}}')
    .replace('{"format"', '{"__proto__":{"polluted":"by-import"},"format"');
  const answer = await postImport(request, baseURL ?? '', { name: 'dataset.json', body });
  expect(answer.status).toBeLessThan(500);
  await expectSiteHealthy(request, 'an import with __proto__ keys');
  expect(await (await request.get('/api/events')).text()).not.toContain('by-import');
});

test('an import of 5,000 empty events reports a bounded list of problems', async ({ request, baseURL }) => {
  const body = JSON.stringify({ format: 'policy-timeline/v1', topics: [], actors: [], sources: [], policies: [], events: Array.from({ length: 5000 }, () => ({})) });
  const before = fingerprintDatabase();
  const answer = await postImport(request, baseURL ?? '', { name: 'dataset.json', body });
  expect(answer.status).toBeLessThan(500);
  expect(answer.state?.status).toBe('error');
  expect(answer.state?.message, 'says what was wrong').toBeTruthy();
  // Seven problems an event were listed one by one (35,000 here; 700,000 for 100,000 events).
  expect(answer.state?.problems?.length ?? 0, 'problems listed').toBeLessThanOrEqual(1000);
  expect(changedTables(before, fingerprintDatabase())).toEqual([]);
});

test('the import form without JavaScript refuses a 25 MB file with the size message, not a 5xx', async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const before = fingerprintDatabase();
  // What a browser sends for the form without JavaScript: a multipart post that accepts HTML.
  const multipart = new FormData();
  multipart.append('file', new File([' '.repeat(25 * 1024 * 1024)], 'dataset.json', { type: 'application/json' }));
  const response = await request.post('/api/import', {
    multipart,
    headers: { origin: baseURL ?? '', accept: 'text/html,application/xhtml+xml' },
    maxRedirects: 0,
    failOnStatusCode: false,
    timeout: 60_000,
  });
  expect(response.status(), await response.text()).toBe(303);
  const location = response.headers().location ?? '';
  expect(location).toMatch(/\/admin\/import\?run=/);
  const page = await request.get(location);
  expect(page.status()).toBe(200);
  // The file's own size, as the size message states it.
  expect(await page.text()).toMatch(/This file is 25(\.0)? MB; the limit here is 20 MB/);
  // Only the run's outcome is kept, for the page to show it.
  expect(changedTables(before, fingerprintDatabase()).filter((line) => !line.startsWith('ImportRun:'))).toEqual([]);
});

test('XSS payloads imported as text come back as text on the event page and in every export', async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const slug = `imported-xss-${uniqueTag()}`;
  const body = eventDocument({ slug, title: `${XSS_SCRIPT} ${slug}`, summary: `${XSS_IMG} javascript:window.__xss=1//` });
  const answer = await postImport(request, baseURL ?? '', { name: 'dataset.json', body });
  expect(answer.state?.status, JSON.stringify(answer.state).slice(0, 300)).toBe('success');

  const problems: string[] = [];
  for (const path of [`/events/${slug}`, '/', '/feed.xml', '/events.ics', '/events.csv', '/api/events', '/api/timelinejs', '/api/export']) {
    const response = await request.get(path, { failOnStatusCode: false });
    if (response.status() !== 200) {
      problems.push(`${path}: HTTP ${response.status()}`);
      continue;
    }
    const text = await response.text();
    const type = response.headers()['content-type'] ?? '';
    if (isMarkup(type)) for (const markup of RAW_MARKUP) if (text.includes(markup)) problems.push(`${path}: ${markup} unescaped`);
    if (path === '/feed.xml' && XMLValidator.validate(text) !== true) problems.push('/feed.xml is not well-formed XML');
    // /api/events is one page of the chronology; the complete data-out formats must carry the event.
    if (!isMarkup(type) && path !== '/api/events' && !text.includes(slug)) problems.push(`${path}: the imported event is missing`);
  }
  expect(problems).toEqual([]);
});

test('after every hostile form and import, the feed is well-formed XML and every export answers', async ({ request }) => {
  // Whatever the forms stored (control characters included, if any got through) is in these now.
  const problems: string[] = [];
  for (const path of ['/feed.xml', '/events.ics', '/events.csv', '/api/events', '/api/timelinejs', '/api/export?download=1']) {
    const response = await request.get(path, { failOnStatusCode: false });
    const text = await response.text();
    if (response.status() !== 200) problems.push(`${path}: HTTP ${response.status()}`);
    if (path === '/feed.xml') {
      const valid = XMLValidator.validate(text);
      if (valid !== true) problems.push(`/feed.xml: ${valid.err.msg} (line ${valid.err.line})`);
    }
    // No C0 control character other than tab, newline and carriage return, in any format.
    const control = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.exec(text);
    if (control) problems.push(`${path}: control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  expect(problems).toEqual([]);
});
