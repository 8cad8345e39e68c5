import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/events/route';
import { db } from '@/lib/db';
import type { EventsApiPage } from '@/lib/exports/events-api';
import { NOTICES_HEADER } from '@/lib/exports/responses';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix, type EventInput } from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('api');
const s = (name: string) => `${P}-${name}`;
const short = (slug: string) => slug.slice(P.length + 1);
const SOURCE = s('src');
const WATCHER = s('watcher');
const OTHER = s('other');

const watched = (slug: string, date: string, fields: Partial<EventInput> = {}) =>
  eventInput(s(slug), date, SOURCE, { actors: [{ actor: WATCHER, role: 'participant' }], ...fields });

/** The watcher's live events in chronological order, written out by hand from their dates. */
const CHRONOLOGY = [
  'e-2025', // 2025-12-31
  'e-year', // 2026: sorts 2026-01-01, before the single day of that date
  'e-jan', // 2026-01-01
  'e-tie-a', // 2026-03-10, slug breaks the tie
  'e-tie-b',
  'e-interval', // 2026-04/2026-05
  'e-april', // 2026-04?
  'e-may', // 2026-05
  'e-open-end', // 2026-05-21/..
  'e-may-21', // 2026-05-21 (postponed)
  'e-open-start', // ../2026-05-21
];

async function call(search: string): Promise<{ response: Response; body: EventsApiPage }> {
  const response = await GET(new Request(`http://localhost/api/events?${search}`));
  return { response, body: (await response.json()) as EventsApiPage };
}

async function walk(url: string | null, direction: 'next' | 'previous'): Promise<EventsApiPage[]> {
  const pages: EventsApiPage[] = [];
  for (let guard = 0; url && guard < 30; guard++) {
    const response = await GET(new Request(url));
    const page = (await response.json()) as EventsApiPage;
    pages.push(page);
    url = page[direction];
  }
  if (url) throw new Error('Pagination did not end after 30 pages');
  return pages;
}

beforeAll(async () => {
  await applyDocument(
    documentOf({
      topics: [{ slug: s('topic'), name: 'Test topic' }],
      actors: [
        { slug: WATCHER, name: 'Watchers Group', kind: 'organization' },
        { slug: OTHER, name: 'Other Group', kind: 'organization' },
      ],
      sources: [
        sourceInput(SOURCE, { title: 'A live source', publisher: 'Example News' }),
        sourceInput(s('src-removed'), { title: 'Removed page', url: 'https://example.org/gone', availability: 'removed', archiveUrl: 'https://archive.example.org/gone' }),
      ],
      policies: [{ slug: s('policy'), title: 'Test review order', summary: 'A policy for the API tests.' }],
      events: [
        watched('e-2025', '2025-12-31'),
        watched('e-year', '2026'),
        watched('e-jan', '2026-01-01'),
        watched('e-tie-b', '2026-03-10'),
        watched('e-tie-a', '2026-03-10'),
        watched('e-interval', '2026-04/2026-05'),
        watched('e-april', '2026-04?', { title: 'Zephyrquill release' }),
        watched('e-may', '2026-05', { summary: 'A Zephyrquill announcement.' }),
        watched('e-open-end', '2026-05-21/..'),
        watched('e-may-21', '2026-05-21', {
          title: 'Signing postponed',
          summary: 'The signing was postponed.',
          type: 'postponed',
          policy: s('policy'),
          topics: [s('topic')],
          actors: [
            { actor: WATCHER, role: 'decision-maker' },
            { actor: OTHER, role: 'subject' },
          ],
          citations: [
            { source: SOURCE, quote: 'It was postponed.' },
            { source: s('src-removed'), quote: null },
          ],
        }),
        watched('e-open-start', '../2026-05-21'),
        watched('e-deleted', '2026-02-01'),
        eventInput(s('e-unwatched'), '2026-02-02', SOURCE, { actors: [{ actor: OTHER, role: 'subject' }] }),
      ],
    }),
  );
  await db.event.update({ where: { slug: s('e-deleted') }, data: { deletedAt: new Date() } });
});

const originalPublicUrl = process.env.BETTER_AUTH_URL;
afterEach(() => {
  if (originalPublicUrl === undefined) delete process.env.BETTER_AUTH_URL;
  else process.env.BETTER_AUTH_URL = originalPublicUrl;
});

describe('GET /api/events', () => {
  it('answers the events of the filter, in the timeline order, and nothing else', async () => {
    const { response, body } = await call(`actor=${WATCHER}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(body.events.map((event) => short(event.slug))).toEqual(CHRONOLOGY);
    expect(body.total).toBe(CHRONOLOGY.length);
    expect(body.next).toBeNull();
    expect(body.previous).toBeNull();
    expect(body.notices).toEqual([]);
  });

  it('combines filters as the timeline does', async () => {
    const { body } = await call(`actor=${WATCHER}&type=postponed`);
    expect(body.events.map((event) => short(event.slug))).toEqual(['e-may-21']);
    const { body: either } = await call(`actor=${OTHER}&actor=${WATCHER}&from=2026-02&to=2026-03`);
    // A date window keeps every event whose dates overlap it: the year 2026 and "until May 21" do.
    expect(either.events.map((event) => short(event.slug))).toEqual(['e-year', 'e-unwatched', 'e-tie-a', 'e-tie-b', 'e-open-start']);
  });

  it('gives every field of an event', async () => {
    const { body } = await call(`actor=${WATCHER}&type=postponed`);
    expect(body.events[0]).toEqual({
      slug: s('e-may-21'),
      url: `http://localhost/events/${s('e-may-21')}`,
      title: 'Signing postponed',
      summary: 'The signing was postponed.',
      date: '2026-05-21',
      dateDisplay: 'May 21, 2026',
      earliest: '2026-05-21',
      latest: '2026-05-21',
      precision: 'day',
      type: 'postponed',
      jurisdiction: 'US',
      policy: { slug: s('policy'), title: 'Test review order' },
      topics: [{ slug: s('topic'), name: 'Test topic' }],
      actors: [
        { slug: WATCHER, name: 'Watchers Group', role: 'decision-maker' },
        { slug: OTHER, name: 'Other Group', role: 'subject' },
      ],
      sourceCount: 2,
      citations: [
        {
          source: { id: SOURCE, title: 'A live source', publisher: 'Example News', url: `https://example.org/${SOURCE}`, availability: 'live', archiveUrl: null },
          quote: 'It was postponed.',
        },
        {
          source: {
            id: s('src-removed'),
            title: 'Removed page',
            publisher: null,
            url: 'https://example.org/gone',
            availability: 'removed',
            archiveUrl: 'https://archive.example.org/gone',
          },
          quote: null,
        },
      ],
      updatedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('reads dates at their precision, with null for an open end', async () => {
    const { body } = await call(`actor=${WATCHER}`);
    const bySlug = new Map(body.events.map((event) => [short(event.slug), event]));
    const dates = (slug: string) => {
      const event = bySlug.get(slug)!;
      return [event.date, event.dateDisplay, event.earliest, event.latest, event.precision];
    };
    expect(dates('e-may')).toEqual(['2026-05', 'May 2026', '2026-05-01', '2026-05-31', 'month']);
    expect(dates('e-april')).toEqual(['2026-04?', 'April 2026 (uncertain)', '2026-04-01', '2026-04-30', 'month']);
    expect(dates('e-year')).toEqual(['2026', '2026', '2026-01-01', '2026-12-31', 'year']);
    expect(dates('e-open-start')).toEqual(['../2026-05-21', 'until May 21, 2026', null, '2026-05-21', 'day']);
    expect(dates('e-open-end')).toEqual(['2026-05-21/..', 'May 21, 2026 onward', '2026-05-21', null, 'day']);
  });

  it('walks every match page by page, without gaps or repeats, and back again', async () => {
    const first = await call(`actor=${WATCHER}&limit=3`);
    expect(first.body.events).toHaveLength(3);
    expect(first.body.total).toBe(CHRONOLOGY.length);
    expect(first.body.previous).toBeNull();
    expect(first.body.next).toMatch(/^http:\/\/localhost\/api\/events\?/);
    expect(new URL(first.body.next!).searchParams.get('limit')).toBe('3');

    const forward = [first.body, ...(await walk(first.body.next, 'next'))];
    expect(forward.map((page) => page.events.length)).toEqual([3, 3, 3, 2]);
    expect(forward.flatMap((page) => page.events.map((event) => short(event.slug)))).toEqual(CHRONOLOGY);
    expect(forward.every((page) => page.total === CHRONOLOGY.length && page.notices.length === 0)).toBe(true);

    const last = forward[forward.length - 1];
    expect(last.next).toBeNull();
    const backward = [last, ...(await walk(last.previous, 'previous'))].reverse();
    expect(backward.flatMap((page) => page.events.map((event) => short(event.slug)))).toEqual(CHRONOLOGY);
    expect(backward[0].previous).toBeNull();
  });

  it('walks newest first with order=desc', async () => {
    const first = await call(`actor=${WATCHER}&order=desc&limit=4`);
    const pages = [first.body, ...(await walk(first.body.next, 'next'))];
    expect(pages.flatMap((page) => page.events.map((event) => short(event.slug)))).toEqual([...CHRONOLOGY].reverse());
    expect(new URL(first.body.next!).searchParams.get('order')).toBe('desc');
  });

  it('pages search results by number, best match first', async () => {
    const first = await call(`actor=${WATCHER}&q=zephyrquill&limit=1`);
    expect(first.body.total).toBe(2);
    expect(short(first.body.events[0].slug)).toBe('e-april'); // the term is in its title
    expect(new URL(first.body.next!).searchParams.get('page')).toBe('2');
    const [second] = await walk(first.body.next, 'next');
    expect(second.events.map((event) => short(event.slug))).toEqual(['e-may']);
    expect(second.next).toBeNull();
    expect(second.previous).not.toBeNull();
    expect(new URL(second.previous!).searchParams.has('page')).toBe(false);
  });

  it('ignores and reports parameters that make no sense, never failing', async () => {
    const { response, body } = await call(
      `actor=${WATCHER}&actor=Not%20A%20Slug&agency=${s('no-such-agency')}&type=sideways&from=2026-13&order=upward&limit=lots&after=%21%21`,
    );
    expect(response.status).toBe(200);
    expect(body.events.map((event) => short(event.slug))).toEqual(CHRONOLOGY);
    expect(body.notices).toEqual([
      'Ignored actor "Not A Slug": not a valid identifier.',
      expect.stringMatching(/^Ignored type "sideways": not an event type/),
      'Ignored from="2026-13": use a real date as YYYY, YYYY-MM or YYYY-MM-DD.',
      'Ignored order "upward": use "asc" or "desc".',
      'Ignored a page position that is not valid; showing the first page.',
      `No agency "${s('no-such-agency')}" is recorded; that filter was ignored.`,
      `Ignored limit "lots": use a whole number from 1 to 200; showing 50.`,
    ]);
    expect(JSON.parse(response.headers.get(NOTICES_HEADER)!)).toEqual(body.notices);
  });

  it('keeps the limit between 1 and 200', async () => {
    expect((await call(`actor=${WATCHER}&limit=0`)).body.notices).toEqual([
      'Ignored limit "0": use a whole number from 1 to 200; showing 50.',
    ]);
    expect((await call(`actor=${WATCHER}&limit=2.5`)).body.events).toHaveLength(CHRONOLOGY.length);
    expect((await call(`actor=${WATCHER}&limit=500`)).body.notices).toEqual(['Pages hold at most 200 events; showing 200.']);
  });

  it('starts again at the first page when a cursor no longer exists', async () => {
    const { body } = await call(`actor=${WATCHER}&limit=2&after=${s('never-was')}`);
    expect(body.events.map((event) => short(event.slug))).toEqual(CHRONOLOGY.slice(0, 2));
    expect(body.notices).toEqual(['That page position no longer exists; showing the first page.']);
  });

  it('links to the public address when one is configured', async () => {
    process.env.BETTER_AUTH_URL = 'https://timeline.example.org';
    const { body } = await call(`actor=${WATCHER}&limit=1`);
    expect(body.events[0].url).toBe(`https://timeline.example.org/events/${s('e-2025')}`);
    expect(body.next).toMatch(/^https:\/\/timeline\.example\.org\/api\/events\?/);
  });
});
