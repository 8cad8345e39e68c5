import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { ANONYMOUS, createSimpleEvent, E2E_DATABASE_URL, EDITOR_STATE, renameEvent, uniqueTag, uniqueTitle } from './admin-support';

/**
 * Reader pages are served from a cache of whole pages (lib/page-cache.ts) and
 * of views (lib/timeline.ts). Whatever is cached must never be stale: an edit
 * shows on every page and feed at the next request, and a change made by
 * another process on the same database within 5 seconds.
 */

test.use({ storageState: EDITOR_STATE });

const run = promisify(execFile);

/**
 * What an anonymous reader gets at a path (the page cache serves only visitors
 * without a session); pages as text without tags, since a search highlights its words.
 */
async function readerText(reader: APIRequestContext, url: string): Promise<string> {
  const response = await reader.get(url);
  expect(response.status(), `${url} (page cache: ${response.headers()['x-page-cache'] ?? 'not used'})`).toBe(200);
  const text = await response.text();
  return response.headers()['content-type']?.startsWith('text/html') ? text.replace(/<[^>]*>/g, '') : text;
}

test('an edit shows at the next request on the cached pages and in every feed', async ({ page, playwright, baseURL }) => {
  const before = uniqueTitle('Freshness check');
  const after = uniqueTitle('Freshness checked');
  const word = before.split(' ').at(-1)!;
  const slug = await createSimpleEvent(page, { title: before, date: '2026-05-20', summary: 'An event whose title an editor changes while readers look.' });

  const reader = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS });
  const pages = [`/events/${slug}`, `/?q=${word}`, '/actors/donald-trump?order=desc', '/feed.xml?actor=donald-trump', `/events.csv?q=${word}`, `/api/events?q=${word}`];
  // Read every page twice, so each is cached as it was.
  for (const url of pages) {
    expect(await readerText(reader, url), url).toContain(before);
    expect(await readerText(reader, url), url).toContain(before);
  }
  const cached = await reader.get(`/events/${slug}`);
  expect(cached.headers()['x-page-cache']).toBe('hit');
  // The server renders in two processes (scripts/e2e-server.sh): the page came from the other one, which must
  // be as fresh as the server after the edit below.
  expect(cached.headers()['x-rendered-by']).toBe('render-process');

  await renameEvent(page, slug, before, after);

  // Searches look for the new title's word; the event keeps its address.
  for (const url of pages.map((url) => url.replace(`q=${word}`, `q=${after.split(' ').at(-1)!}`))) {
    const text = await readerText(reader, url);
    expect(text, url).toContain(after);
    expect(text, url).not.toContain(before);
  }
  expect((await reader.get(`/events/${slug}`)).headers()['x-rendered-by']).toBe('render-process');
  await reader.dispose();
});

test('an import by another process shows on the cached pages within 5 seconds', async ({ playwright, baseURL }) => {
  const tag = uniqueTag();
  const title = `Imported from the command line ${tag}`;
  const reader = await playwright.request.newContext({ baseURL, storageState: ANONYMOUS });
  const search = `/?q=${tag}`;
  // Cached while the event does not exist yet.
  expect(await readerText(reader, search)).toContain('No events match');
  expect((await reader.get(search)).headers()['x-page-cache']).toBe('hit');

  const folder = mkdtempSync(path.join(os.tmpdir(), 'freshness-'));
  try {
    const file = path.join(folder, 'one-event.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'policy-timeline/v1',
        sources: [{ id: `freshness-source-${tag}`, title: `Freshness source ${tag}`, availability: 'live' }],
        events: [
          {
            slug: `freshness-${tag}`,
            title,
            summary: 'An event written by a second process while the server runs.',
            date: '2026-05-19',
            type: 'announced',
            jurisdiction: 'US',
            citations: [{ source: `freshness-source-${tag}` }],
          },
        ],
      }),
    );
    await run(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/data-import.ts', file], { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL } });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }

  const imported = Date.now();
  let seenAfter = Number.POSITIVE_INFINITY;
  while (Date.now() - imported < 6_000) {
    if ((await readerText(reader, search)).includes(title)) {
      seenAfter = Date.now() - imported;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(seenAfter, 'milliseconds until the import showed on the timeline').toBeLessThanOrEqual(5_000);
  expect(await readerText(reader, `/events/freshness-${tag}`)).toContain(title);
  await reader.dispose();
});
