import { describe, expect, it } from 'vitest';
import { eventsAtom } from '@/lib/exports/atom';
import { eventRecord } from '@/tests/unit/event-record';
import { parseStrictXml } from '@/tests/unit/strict-xml';

const ORIGIN = 'https://timeline.example.org';
const OPTIONS = { origin: ORIGIN, title: 'AI Policy Timeline', selfUrl: `${ORIGIN}/feed.xml`, viewUrl: `${ORIGIN}/?order=desc` };

type Html = { '#text': string };
type Feed = { feed: { title: string; entry: Array<{ id: string; title: Html; summary: Html; content: Html; published: string; updated: string }> } };
const XML_OPTIONS = { ignoreAttributes: false, isArray: (name: string) => name === 'entry' };

describe('eventsAtom', () => {
  it('writes a feed a strict XML 1.0 parser accepts, with markup in titles escaped', () => {
    const xml = eventsAtom([eventRecord('2026-05-21', { slug: 'tagged', title: '<script>alert("x")</script> & more' })], OPTIONS);
    const { feed } = parseStrictXml<Feed>(xml, XML_OPTIONS);
    expect(feed.title).toBe('AI Policy Timeline');
    expect(feed.entry[0].id).toBe(`${ORIGIN}/events/tagged`);
    expect(feed.entry[0].title['#text']).toBe('May 21, 2026: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
  });

  it('dates each entry by when the event happened, and keeps the last edit as updated', () => {
    const events = [
      eventRecord('2026-05', { slug: 'a-month', title: 'Announced', updatedAt: new Date('2026-12-01T09:30:00Z') }),
      eventRecord('../2025-01-20', { slug: 'open-start', title: 'Revoked' }),
      eventRecord('2023-10-30~', { slug: 'approximate' }),
    ];
    const { feed } = parseStrictXml<Feed>(eventsAtom(events, OPTIONS), XML_OPTIONS);
    expect(feed.entry.map((entry) => entry.published)).toEqual(['2026-05-01T00:00:00.000Z', '2025-01-20T00:00:00.000Z', '2023-10-30T00:00:00.000Z']);
    expect(feed.entry[0].updated).toBe('2026-12-01T09:30:00.000Z');
    expect(feed.entry.map((entry) => entry.title['#text'])).toEqual(['May 2026: Announced', 'until January 20, 2025: Revoked', 'c. October 30, 2023: An event']);
  });

  it('drops characters XML 1.0 cannot hold, wherever they come from, and keeps line breaks and tabs', () => {
    const event = eventRecord('2026-05-21', {
      title: 'Signing\u0000 postponed\uFFFF',
      summary: 'First\u0001 line\nsecond\tline \uD800',
      actors: [{ slug: 'office', name: 'An\u001B Office', role: 'issuer' }],
    });
    const xml = eventsAtom([event], { ...OPTIONS, title: 'AI Policy Timeline: \u0007bell' });
    const { feed } = parseStrictXml<Feed>(xml, XML_OPTIONS);
    expect(feed.title).toBe('AI Policy Timeline: bell');
    expect(feed.entry[0].title['#text']).toBe('May 21, 2026: Signing postponed');
    expect(feed.entry[0].summary['#text']).toBe('First line\nsecond\tline ');
    expect(feed.entry[0].content['#text']).toContain('An Office (issuer)');
  });
});
