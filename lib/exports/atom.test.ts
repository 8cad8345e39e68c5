import { describe, expect, it } from 'vitest';
import { eventsAtom } from '@/lib/exports/atom';
import { eventRecord } from '@/tests/unit/event-record';
import { parseStrictXml } from '@/tests/unit/strict-xml';

const ORIGIN = 'https://timeline.example.org';
const OPTIONS = { origin: ORIGIN, title: 'AI Policy Timeline', selfUrl: `${ORIGIN}/feed.xml`, viewUrl: `${ORIGIN}/?order=desc` };

type Html = { '#text': string };
type Feed = { feed: { title: string; entry: Array<{ id: string; title: Html; summary: Html; content: Html }> } };
const XML_OPTIONS = { ignoreAttributes: false, isArray: (name: string) => name === 'entry' };

describe('eventsAtom', () => {
  it('writes a feed a strict XML 1.0 parser accepts, with markup in titles escaped', () => {
    const xml = eventsAtom([eventRecord('2026-05-21', { slug: 'tagged', title: '<script>alert("x")</script> & more' })], OPTIONS);
    const { feed } = parseStrictXml<Feed>(xml, XML_OPTIONS);
    expect(feed.title).toBe('AI Policy Timeline');
    expect(feed.entry[0].id).toBe(`${ORIGIN}/events/tagged`);
    expect(feed.entry[0].title['#text']).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
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
    expect(feed.entry[0].title['#text']).toBe('Signing postponed');
    expect(feed.entry[0].summary['#text']).toBe('First line\nsecond\tline ');
    expect(feed.entry[0].content['#text']).toContain('An Office (issuer)');
  });
});
