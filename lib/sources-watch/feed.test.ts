import { describe, expect, it } from 'vitest';
import { sourceChangesAtom } from '@/lib/sources-watch/feed';
import type { SourceChangeEntry } from '@/lib/sources-watch/reader';
import { parseStrictXml } from '@/tests/unit/strict-xml';

const ORIGIN = 'https://timeline.example.org';
type Html = { '#text': string };
type Feed = { feed: { id: string; title: string; updated: string; entry?: Array<{ id: string; title: Html; content: Html; link: { '@_href': string } }> } };
const XML_OPTIONS = { ignoreAttributes: false, isArray: (name: string) => name === 'entry' };

const change = (fields: Partial<SourceChangeEntry> = {}): SourceChangeEntry => ({
  id: 7,
  kind: 'removed',
  at: new Date('2026-05-24T03:00:00Z'),
  detail: 'HTTP 404 Not Found',
  source: { id: 'nist-announcement', title: 'NIST announcement', publisher: 'Commerce', url: 'https://www.commerce.gov/news/x', archiveUrl: null },
  citedBy: { slug: 'nist-announcement-removed', title: 'Announcement removed' },
  ...fields,
});

describe('sourceChangesAtom', () => {
  it('writes one entry per change, linking to the citing event, that a strict XML 1.0 reader accepts', () => {
    const { feed } = parseStrictXml<Feed>(sourceChangesAtom([change()], ORIGIN), XML_OPTIONS);
    expect(feed.id).toBe(`${ORIGIN}/sources/changes.xml`);
    expect(feed.updated).toBe('2026-05-24T03:00:00.000Z');
    expect(feed.entry?.[0].id).toBe(`${ORIGIN}/sources/changes.xml#change-7`);
    expect(feed.entry?.[0].title['#text']).toBe('Marked removed: NIST announcement');
    expect(feed.entry?.[0].link['@_href']).toBe(`${ORIGIN}/events/nist-announcement-removed`);
    expect(feed.entry?.[0].content['#text']).toContain('May 24, 2026');
  });

  it('escapes markup and drops characters XML cannot hold, from the records and from what a page redirected to', () => {
    const hostile = change({
      detail: `redirected to the site's home page (https://evil.example/<script>alert(1)</script>)`,
      source: { id: 's', title: 'A <b>bold</b> title\u0000', publisher: null, url: 'https://example.org/a?x=1&y="2"', archiveUrl: 'https://web.archive.org/web/2026/x' },
      citedBy: null,
    });
    const xml = sourceChangesAtom([hostile], ORIGIN);
    const { feed } = parseStrictXml<Feed>(xml, XML_OPTIONS);
    expect(feed.entry?.[0].title['#text']).toBe('Marked removed: A &lt;b&gt;bold&lt;/b&gt; title');
    expect(feed.entry?.[0].content['#text']).not.toContain('<script>');
    expect(feed.entry?.[0].link['@_href']).toBe('https://web.archive.org/web/2026/x');
  });

  it('is a valid empty feed before any check', () => {
    const { feed } = parseStrictXml<Feed>(sourceChangesAtom([], ORIGIN, new Date('2026-06-01T00:00:00Z')), XML_OPTIONS);
    expect(feed.entry).toBeUndefined();
    expect(feed.updated).toBe('2026-06-01T00:00:00.000Z');
  });
});
