import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getTimelineJs } from '@/app/api/timelinejs/route';
import { GET as getCsv } from '@/app/events.csv/route';
import { GET as getCalendar } from '@/app/events.ics/route';
import { GET as getFeed } from '@/app/feed.xml/route';
import { db } from '@/lib/db';
import { NOTICES_HEADER } from '@/lib/exports/responses';
import type { TimelineDocument } from '@/lib/exports/timelinejs';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix, type EventInput } from '@/tests/integration/factories';
import { parseStrictXml } from '@/tests/unit/strict-xml';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('dl');
const s = (name: string) => `${P}-${name}`;
const short = (slug: string) => slug.slice(P.length + 1);
const SOURCE = s('src');
const FOLLOWED = s('followed');
const OTHER = s('other');
const CROWD = s('crowd');
const FORMULA_TITLE = '=HYPERLINK("http://evil.example","<b>click</b> & win")';

const followed = (slug: string, date: string, fields: Partial<EventInput> = {}) =>
  eventInput(s(slug), date, SOURCE, { actors: [{ actor: FOLLOWED, role: 'issuer' }], ...fields });

/** The followed actor's live events in chronological order, from their dates below. */
const CHRONOLOGY = [
  'd-leap', // 2024-02-29
  'd-year', // 2025
  'd-open-start', // ../2026-03-15 sorts at its end
  'd-interval', // 2026-04/2026-05-22: the wider of the two starting 2026-04-01
  'd-uncertain', // 2026-04?
  'd-month', // 2026-05
  'd-formula', // 2026-05-10
  'd-day', // 2026-05-21
  'd-open-end', // 2026-06-02/..
];

/** 103 events a day apart, for the feed's limit: crowd-000 on 2019-01-01 … crowd-102 on 2019-04-13. */
const crowdEvents = Array.from({ length: 103 }, (_, index) => {
  const day = new Date(Date.UTC(2019, 0, 1 + index)).toISOString().slice(0, 10);
  return eventInput(s(`crowd-${String(index).padStart(3, '0')}`), day, SOURCE, { actors: [{ actor: CROWD, role: 'participant' }] });
});

const request = (path: string) => new Request(`http://localhost${path}`);
const noticesOf = (response: Response): string[] => JSON.parse(response.headers.get(NOTICES_HEADER) ?? '[]');

beforeAll(async () => {
  await applyDocument(
    documentOf({
      actors: [
        { slug: FOLLOWED, name: 'Followed Office', kind: 'agency' },
        { slug: OTHER, name: 'Other, Inc.', kind: 'company' },
        { slug: CROWD, name: 'Crowd', kind: 'organization' },
      ],
      sources: [sourceInput(SOURCE), sourceInput(s('offline'), { url: null, availability: 'unknown' })],
      topics: [
        { slug: s('zeta'), name: 'Zeta rules' },
        { slug: s('alpha'), name: 'Alpha rules' },
      ],
      policies: [{ slug: s('policy'), title: 'Download test order', summary: 'A policy for the download tests.' }],
      events: [
        followed('d-leap', '2024-02-29'),
        followed('d-year', '2025'),
        followed('d-open-start', '../2026-03-15', { title: 'Early access' }),
        followed('d-interval', '2026-04/2026-05-22'),
        followed('d-uncertain', '2026-04?'),
        followed('d-month', '2026-05', { title: 'Announced earlier in May', summary: 'Some day in May, not May 1st.' }),
        followed('d-formula', '2026-05-10', { title: FORMULA_TITLE }),
        followed('d-day', '2026-05-21', {
          title: 'Signing postponed',
          summary: 'The signing was put off, "for now".',
          type: 'postponed',
          policy: s('policy'),
          topics: [s('zeta'), s('alpha')],
          actors: [
            { actor: FOLLOWED, role: 'decision-maker' },
            { actor: OTHER, role: 'lobbyist' },
          ],
          citations: [{ source: SOURCE, quote: 'Postponed.' }, { source: s('offline') }],
        }),
        followed('d-open-end', '2026-06-02/..'),
        followed('d-deleted', '2026-05-02'),
        eventInput(s('d-unfollowed'), '2026-05-03', SOURCE, { actors: [{ actor: OTHER, role: 'subject' }] }),
        ...crowdEvents,
      ],
    }),
  );
  await db.event.update({ where: { slug: s('d-deleted') }, data: { deletedAt: new Date() } });
});

describe('GET /events.csv', () => {
  type Row = Record<string, string>;
  const rowsOf = async (response: Response): Promise<Row[]> => parseCsv(await response.text(), { bom: true, columns: true });

  it('is a download of one row per event of the filter, in the timeline order', async () => {
    const response = await getCsv(request(`/events.csv?actor=${FOLLOWED}`));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="events.csv"');
    expect(response.headers.has(NOTICES_HEADER)).toBe(false);
    const rows = await rowsOf(response);
    expect(rows.map((row) => short(row.slug))).toEqual(CHRONOLOGY);
  });

  it('gives each date as EDTF, as read, and as bounds; the summary, topics, actors with roles, every source title and the addresses', async () => {
    const rows = await rowsOf(await getCsv(request(`/events.csv?actor=${FOLLOWED}&type=postponed`)));
    expect(rows).toEqual([
      {
        slug: s('d-day'),
        date: '2026-05-21',
        date_display: 'May 21, 2026',
        earliest: '2026-05-21',
        latest: '2026-05-21',
        precision: 'day',
        type: 'postponed',
        title: 'Signing postponed',
        summary: 'The signing was put off, "for now".',
        jurisdiction: 'US',
        policy: 'Download test order',
        topics: 'Alpha rules; Zeta rules',
        actors: 'Followed Office (decision-maker); Other, Inc. (lobbyist)',
        source_titles: `Source ${SOURCE}; Source ${s('offline')}`,
        source_urls: `https://example.org/${SOURCE}`,
        url: `http://localhost/events/${s('d-day')}`,
      },
    ]);
    const all = await rowsOf(await getCsv(request(`/events.csv?actor=${FOLLOWED}`)));
    const month = all.find((row) => short(row.slug) === 'd-month')!;
    expect([month.date, month.date_display, month.earliest, month.latest, month.precision]).toEqual(['2026-05', 'May 2026', '2026-05-01', '2026-05-31', 'month']);
    const openStart = all.find((row) => short(row.slug) === 'd-open-start')!;
    expect([openStart.earliest, openStart.latest]).toEqual(['', '2026-03-15']);
  });

  it('keeps a title that looks like a formula from running in a spreadsheet', async () => {
    const rows = await rowsOf(await getCsv(request(`/events.csv?actor=${FOLLOWED}`)));
    expect(rows.find((row) => short(row.slug) === 'd-formula')!.title).toBe(`'${FORMULA_TITLE}`);
  });

  it('follows order=desc, and reports what it ignored in a header', async () => {
    const response = await getCsv(request(`/events.csv?actor=${FOLLOWED}&order=desc&type=nope&after=${s('d-year')}`));
    expect(response.status).toBe(200);
    expect((await rowsOf(response)).map((row) => short(row.slug))).toEqual([...CHRONOLOGY].reverse());
    expect(noticesOf(response)).toEqual([
      expect.stringMatching(/^Ignored type "nope": not an event type/),
      'Ignored the page position: this format holds every matching event.',
    ]);
  });
});

describe('GET /events.ics', () => {
  async function calendarOf(path: string) {
    const response = await getCalendar(request(path));
    const calendar = new ICAL.Component(ICAL.parse(await response.text()));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    return { response, calendar, events };
  }

  it('holds one all-day event per event of the filter, each over the days its date may cover', async () => {
    const { response, calendar, events } = await calendarOf(`/events.ics?actor=${FOLLOWED}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('AI Policy Timeline: Followed Office');
    const days = Object.fromEntries(
      events.map((event) => {
        expect(event.startDate.isDate && event.endDate.isDate).toBe(true);
        return [event.uid, [event.startDate.toString(), event.endDate.toString()]];
      }),
    );
    expect(days).toEqual({
      [`${s('d-leap')}@localhost`]: ['2024-02-29', '2024-03-01'],
      [`${s('d-year')}@localhost`]: ['2025-01-01', '2026-01-01'],
      [`${s('d-open-start')}@localhost`]: ['2026-03-15', '2026-03-16'],
      [`${s('d-interval')}@localhost`]: ['2026-04-01', '2026-05-23'],
      [`${s('d-uncertain')}@localhost`]: ['2026-04-01', '2026-05-01'],
      [`${s('d-month')}@localhost`]: ['2026-05-01', '2026-06-01'],
      [`${s('d-formula')}@localhost`]: ['2026-05-10', '2026-05-11'],
      [`${s('d-day')}@localhost`]: ['2026-05-21', '2026-05-22'],
      [`${s('d-open-end')}@localhost`]: ['2026-06-02', '2026-06-03'],
    });
  });

  it('says in the summary what the block cannot show, and links to the event', async () => {
    const { events } = await calendarOf(`/events.ics?actor=${FOLLOWED}&from=2026-03&to=2026-03`);
    const openStart = events.find((event) => event.uid === `${s('d-open-start')}@localhost`)!;
    expect(openStart.summary).toBe('Early access (start unknown)');
    expect(openStart.description).toContain('until March 15, 2026');
    expect(openStart.component.getFirstPropertyValue('url')).toBe(`http://localhost/events/${s('d-open-start')}`);
  });

  it('answers bad parameters with notices and the rest of the filter', async () => {
    const { response, events } = await calendarOf(`/events.ics?actor=${FOLLOWED}&type=postponed&from=yesterday`);
    expect(response.status).toBe(200);
    expect(events.map((event) => event.uid)).toEqual([`${s('d-day')}@localhost`]);
    expect(noticesOf(response)).toEqual(['Ignored from="yesterday": use a real date as YYYY, YYYY-MM or YYYY-MM-DD.']);
  });
});

describe('GET /feed.xml', () => {
  const XML_OPTIONS = { ignoreAttributes: false, attributeNamePrefix: '', isArray: (name: string) => ['entry', 'link'].includes(name) };
  type Link = { href: string; rel?: string };
  /** An Atom text construct of type="html", as the parser reads it. */
  type Html = { '#text': string; type: 'html' };
  type Entry = { id: string; title: Html; published: string; updated: string; summary: Html; content: Html; link: Link[] };
  type AtomFeed = { feed: { id: string; title: string; link: Link[]; entry?: Entry[] } };

  async function feedOf(path: string) {
    const response = await getFeed(request(path));
    return { response, feed: parseStrictXml<AtomFeed>(await response.text(), XML_OPTIONS).feed };
  }

  it('lists the events of the filter, newest first by date, linked to their pages', async () => {
    const { response, feed } = await feedOf(`/feed.xml?actor=${FOLLOWED}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(feed.title).toBe('AI Policy Timeline: Followed Office');
    expect(feed.link.find((link) => link.rel === 'self')?.href).toBe(`http://localhost/feed.xml?actor=${FOLLOWED}`);
    const entries = feed.entry ?? [];
    expect(entries.map((entry) => short(entry.id.replace('http://localhost/events/', '')))).toEqual([...CHRONOLOGY].reverse());
    for (const entry of entries) expect(entry.link[0].href).toBe(entry.id);
  });

  it('gives each entry the day it happened as published, its last edit as updated, and its date at its own precision', async () => {
    const { feed } = await feedOf(`/feed.xml?actor=${FOLLOWED}&from=2026-05&to=2026-05`);
    const month = feed.entry!.find((entry) => entry.id.endsWith(s('d-month')))!;
    const stored = await db.event.findUniqueOrThrow({ where: { slug: s('d-month') }, select: { updatedAt: true } });
    expect(month.updated).toBe(stored.updatedAt.toISOString());
    expect(month.published).toBe('2026-05-01T00:00:00.000Z');
    expect(month.title).toEqual({ '#text': 'May 2026: Announced earlier in May', type: 'html' });
    expect(month.summary['#text']).toBe('Some day in May, not May 1st.');
    expect(month.content['#text']).toContain('<strong>May 2026</strong>');
    const formula = feed.entry!.find((entry) => entry.id.endsWith(s('d-formula')))!;
    expect(formula.title['#text']).toBe('May 10, 2026: =HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;b&gt;click&lt;/b&gt; &amp; win&quot;)');
  });

  it('holds at most the newest 100 events', async () => {
    const { feed } = await feedOf(`/feed.xml?actor=${CROWD}`);
    const slugs = feed.entry!.map((entry) => short(entry.id.replace('http://localhost/events/', '')));
    expect(slugs).toHaveLength(100);
    expect(slugs[0]).toBe('crowd-102');
    expect(slugs[99]).toBe('crowd-003');
  });

  it('answers bad parameters with notices, not errors', async () => {
    const { response, feed } = await feedOf(`/feed.xml?actor=${FOLLOWED}&actor=${s('nobody')}&type=postponed`);
    expect(response.status).toBe(200);
    expect(feed.entry!.map((entry) => entry.id)).toEqual([`http://localhost/events/${s('d-day')}`]);
    expect(noticesOf(response)).toEqual([`No actor "${s('nobody')}" is recorded; that filter was ignored.`]);
    // The subscription keeps the filter as it was asked for, in case that actor is added later.
    expect(feed.link.find((link) => link.rel === 'self')?.href).toBe(
      `http://localhost/feed.xml?actor=${FOLLOWED}&actor=${s('nobody')}&type=postponed`,
    );
  });
});

describe('legacy data holding control characters', () => {
  // Stored before the field rules refused them, straight into the database as old data could be.
  const L = uniquePrefix('legacy');
  // PostgreSQL cannot store U+0000 in text at all, so only SQLite can hold that one.
  const NUL = process.env.TEST_DATABASE === 'postgresql' ? '' : '\u0000';
  const DIRTY = `Signing${NUL} post\u0007poned\u001B\u007F`;
  const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

  beforeAll(async () => {
    await applyDocument(
      documentOf({
        actors: [{ slug: `${L}-office`, name: 'Legacy Office', kind: 'agency' }],
        sources: [sourceInput(`${L}-source`)],
        policies: [{ slug: `${L}-policy`, title: 'Legacy policy', summary: 'A policy.' }],
        events: [eventInput(`${L}-event`, '2026-05-21', `${L}-source`, { policy: `${L}-policy`, actors: [{ actor: `${L}-office`, role: 'issuer' }] })],
      }),
    );
    await db.event.update({ where: { slug: `${L}-event` }, data: { title: DIRTY, summary: `First${NUL}\u0001line\r\nsecond\u0008line` } });
    await db.actor.update({ where: { slug: `${L}-office` }, data: { name: 'Legacy\u0001 Office' } });
    await db.policy.update({ where: { slug: `${L}-policy` }, data: { title: 'Legacy\u0002 policy' } });
  });

  it('leaves the Atom feed well-formed XML 1.0, the characters dropped', async () => {
    const response = await getFeed(request(`/feed.xml?actor=${L}-office`));
    const text = await response.text();
    expect(text).not.toMatch(FORBIDDEN);
    type Feed = { feed: { title: string; entry: Array<{ title: { '#text': string }; content: { '#text': string } }> } };
    const { feed } = parseStrictXml<Feed>(text, { ignoreAttributes: false, isArray: (name: string) => name === 'entry' });
    expect(feed.title).toBe('AI Policy Timeline: Legacy Office');
    expect(feed.entry[0].title['#text']).toBe('May 21, 2026: Signing postponed');
    expect(feed.entry[0].content['#text']).toContain('Legacy policy');
  });

  it('leaves the calendar valid iCalendar, the characters dropped', async () => {
    const response = await getCalendar(request(`/events.ics?actor=${L}-office`));
    const text = await response.text();
    expect(text).not.toMatch(FORBIDDEN);
    const [event] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    expect(event.summary).toBe('Signing postponed');
    expect(event.description).toContain('Firstline\nsecondline');
  });
});

describe('GET /api/timelinejs', () => {
  async function timelineOf(path: string) {
    const response = await getTimelineJs(request(path));
    return { response, document: (await response.json()) as TimelineDocument & { notices: string[] } };
  }

  it('gives a slide per event, each date only as precise as it is known', async () => {
    const { response, document } = await timelineOf(`/api/timelinejs?actor=${FOLLOWED}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(document.title.text.headline).toBe('AI Policy Timeline: Followed Office');
    const slides = Object.fromEntries(document.events.map((slide) => [short(slide.unique_id), slide]));
    expect(Object.keys(slides)).toEqual(CHRONOLOGY);
    expect(slides['d-month'].start_date).toEqual({ year: 2026, month: 5 });
    expect(slides['d-month'].display_date).toBe('May 2026');
    expect(slides['d-year'].start_date).toEqual({ year: 2025 });
    expect(slides['d-leap'].start_date).toEqual({ year: 2024, month: 2, day: 29 });
    expect(slides['d-interval'].start_date).toEqual({ year: 2026, month: 4 });
    expect(slides['d-interval'].end_date).toEqual({ year: 2026, month: 5, day: 22 });
    expect(slides['d-open-start'].start_date).toEqual({ year: 2026, month: 3, day: 15 });
    expect(slides['d-open-start'].end_date).toBeUndefined();
    expect(slides['d-open-start'].display_date).toBe('until March 15, 2026');
    expect(slides['d-day'].group).toBe('Postponed');
    expect(slides['d-day'].text.text).toContain(`<a href="http://localhost/events/${s('d-day')}">`);
    expect(document.notices).toEqual([]);
  });

  it('answers bad parameters with notices, not errors', async () => {
    const { response, document } = await timelineOf(`/api/timelinejs?actor=${FOLLOWED}&type=postponed&jurisdiction=${'x'.repeat(30)}`);
    expect(response.status).toBe(200);
    expect(document.events.map((slide) => short(slide.unique_id))).toEqual(['d-day']);
    expect(document.notices).toEqual([expect.stringMatching(/^Ignored jurisdiction "x+": use a code such as US/)]);
    expect(noticesOf(response)).toEqual(document.notices);
  });
});
