import { beforeAll, describe, expect, it } from 'vitest';
import { getEventBySlug, listEvents, monthlyActivity, resolveEventFilter, type EventPage } from '@/lib/events';
import { Prisma } from '@/lib/db';
import { parseTimelineQuery, type SearchParams, EMPTY_FILTER } from '@/lib/filters';
import {
  applyDocument,
  documentOf,
  eventInput,
  sourceInput,
  uniquePrefix,
  type ActorInput,
  type EventInput,
} from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('ev');
const s = (name: string) => `${P}-${name}`;
/** The slug without this file's prefix, so failures read "ord-year" rather than "ev-1a2b3c4d5e-ord-year". */
const short = (slug: string) => (slug.startsWith(`${P}-`) ? slug.slice(P.length + 1) : slug);
const SOURCE = s('src');
type Scope = Prisma.Sql;
/** This file's events of one group, as SQL over "Event" (the form the timeline's queries take). */
const under = (group: string): Scope => {
  const prefix = s(`${group}-`);
  return Prisma.sql`substr("Event"."slug", 1, ${prefix.length}) = ${prefix}`;
};
const EVERYWHERE: Scope = Prisma.sql`1 = 1`;

type Page = EventPage & { slugs: string[]; allNotices: string[] };

/** One page of the timeline as a visitor's URL asks for it, inside `scope`. */
async function timeline(params: SearchParams, scope: Scope = EVERYWHERE, pageSize?: number): Promise<Page> {
  const { query, notices } = parseTimelineQuery(params);
  const resolved = await resolveEventFilter(query.filter);
  const page = await listEvents(query, { filter: resolved, scope }, pageSize);
  return { ...page, slugs: page.events.map((event) => short(event.slug)), allNotices: [...notices, ...resolved.notices, ...page.notices] };
}

/** Follows "Next" links from the first page to the last. */
async function walkForward(params: SearchParams, scope: Scope, pageSize: number): Promise<Page[]> {
  const pages: Page[] = [];
  let after: string | null = null;
  for (let guard = 0; guard < 50; guard++) {
    const page: Page = await timeline(after ? { ...params, after } : params, scope, pageSize);
    pages.push(page);
    if (!page.nextAfter) return pages;
    after = page.nextAfter;
  }
  throw new Error('Pagination did not end after 50 pages');
}

/** Follows "Previous" links from `start` back to the first page. */
async function walkBackward(params: SearchParams, scope: Scope, pageSize: number, start: Page): Promise<Page[]> {
  const pages: Page[] = [start];
  let before = start.previousBefore;
  for (let guard = 0; before && guard < 50; guard++) {
    const page: Page = await timeline({ ...params, before }, scope, pageSize);
    pages.unshift(page);
    before = page.previousBefore;
  }
  if (before) throw new Error('Backward pagination did not end after 50 pages');
  return pages;
}

// --- The document -----------------------------------------------------------

const actors: ActorInput[] = [
  { slug: s('gov'), name: 'Republic Government', kind: 'government' },
  { slug: s('agency'), name: 'Department of Testing', kind: 'agency', parent: s('gov') },
  { slug: s('sub'), name: 'Bureau of Samples', kind: 'agency', parent: s('agency') },
  { slug: s('subsub'), name: 'Office of Fixtures', kind: 'agency', parent: s('sub') },
  { slug: s('sibling'), name: 'Department of Elsewhere', kind: 'agency', parent: s('gov') },
  { slug: s('person'), name: 'Pat Example', kind: 'person' },
  { slug: s('person2'), name: 'Quinn Example', kind: 'person' },
  { slug: s('company'), name: 'Example Corp', kind: 'company' },
  { slug: s('pager'), name: 'Pagination Watchers', kind: 'organization' },
  { slug: s('five'), name: 'Five Events Group', kind: 'organization' },
  { slug: s('six'), name: 'Six Events Group', kind: 'organization' },
  { slug: s('d-firm'), name: 'Detail Firm', kind: 'company' },
  { slug: s('d-official'), name: 'Detail Official', kind: 'person' },
  { slug: s('d-office'), name: 'Detail Office', kind: 'agency' },
];

/** Dates chosen so that every tie-breaker of the chronology is needed. */
const orderingEvents: EventInput[] = [
  eventInput(s('ord-open-end'), '2026-05-21/..', SOURCE),
  eventInput(s('ord-june'), '2026-06-01', SOURCE),
  eventInput(s('ord-open-start'), '../2026-05-21', SOURCE),
  eventInput(s('ord-may-day'), '2026-05-21', SOURCE),
  eventInput(s('ord-may-month'), '2026-05', SOURCE),
  eventInput(s('ord-interval'), '2026-04/2026-05', SOURCE),
  eventInput(s('ord-april'), '2026-04', SOURCE),
  eventInput(s('ord-tie-b'), '2026-03-10', SOURCE),
  eventInput(s('ord-tie-a'), '2026-03-10', SOURCE),
  eventInput(s('ord-year'), '2026', SOURCE),
  eventInput(s('ord-jan-day'), '2026-01-01', SOURCE),
  eventInput(s('ord-2025'), '2025-12-31', SOURCE),
];

const EXPECTED_ORDER = [
  'ord-2025', // 2025-12-31
  'ord-year', // sorts 2026-01-01, ends 2026-12-31: on the same start day the less precise comes first
  'ord-jan-day', // sorts 2026-01-01, ends 2026-01-01
  'ord-tie-a', // same day: slug breaks the tie
  'ord-tie-b',
  'ord-interval', // sorts 2026-04-01, ends 2026-05-31
  'ord-april', // sorts 2026-04-01, ends 2026-04-30
  'ord-may-month', // 2026-05-01
  'ord-open-end', // sorts 2026-05-21, ends open (9999-12-31): the widest of the 2026-05-21 group
  'ord-may-day', // 2026-05-21
  'ord-open-start', // open start: sorts at its end, 2026-05-21; same bounds as ord-may-day, so by slug
  'ord-june',
];

const link = (actor: string, role: NonNullable<EventInput['actors']>[number]['role'] = 'issuer') => ({ actor: s(actor), role });

const filterEvents: EventInput[] = [
  eventInput(s('f-gov'), '2026-02-01', SOURCE, { actors: [link('gov')] }),
  eventInput(s('f-agency'), '2026-02-02', SOURCE, { actors: [link('agency')] }),
  eventInput(s('f-sub'), '2026-02-03', SOURCE, { actors: [link('sub')] }),
  eventInput(s('f-subsub'), '2026-02-04', SOURCE, { actors: [link('subsub'), link('person', 'supporter')] }),
  eventInput(s('f-sibling'), '2026-02-05', SOURCE, { actors: [link('sibling')] }),
  eventInput(s('f-person'), '2026-02-06', SOURCE, { actors: [link('person', 'subject')] }),
  eventInput(s('f-person2'), '2026-02-07', SOURCE, { actors: [link('person2', 'subject')] }),
  eventInput(s('f-both-persons'), '2026-02-08', SOURCE, { actors: [link('person', 'supporter'), link('person2', 'opponent')] }),
  eventInput(s('f-company'), '2026-02-09', SOURCE, { actors: [link('company', 'lobbyist')] }),
  eventInput(s('f-agency-person'), '2026-02-10', SOURCE, { actors: [link('agency', 'decision-maker'), link('person', 'subject')] }),
];

/**
 * 23 events: days 2026-02-01 … 2026-02-08 with three events on most days, slugs
 * numbered against the date order so that the slug tie-breaker matters, plus a
 * month-precision event that shares its sort day with the 2026-02-01 events.
 */
const PAGE_DAYS = ['01', '01', '01', '02', '02', '02', '03', '03', '03', '04', '04', '04', '05', '05', '05', '06', '06', '06', '07', '07', '08', '08'];
const pagingEvents: EventInput[] = [
  ...PAGE_DAYS.map((day, index) => {
    const number = String(30 - index).padStart(2, '0');
    const extra = [...(index < 5 ? [link('five', 'participant')] : []), ...(index < 6 ? [link('six', 'participant')] : [])];
    return eventInput(s(`pg-${number}`), `2026-02-${day}`, SOURCE, { actors: [link('pager', 'participant'), ...extra] });
  }),
  eventInput(s('pg-month'), '2026-02', SOURCE, { actors: [link('pager', 'participant')] }),
];
/** The chronology of pagingEvents, written out by hand from the dates above. */
const PAGING_ORDER = [
  'pg-month', // sorts 2026-02-01 but ends 2026-02-28: before the single days of 2026-02-01
  'pg-28', 'pg-29', 'pg-30', // 2026-02-01, by slug
  'pg-25', 'pg-26', 'pg-27',
  'pg-22', 'pg-23', 'pg-24',
  'pg-19', 'pg-20', 'pg-21',
  'pg-16', 'pg-17', 'pg-18',
  'pg-13', 'pg-14', 'pg-15',
  'pg-11', 'pg-12',
  'pg-09', 'pg-10',
];
// Events 0–4 (pg-30 … pg-26) carry "five"; events 0–5 (pg-30 … pg-25) carry "six".
const FIVE_ORDER = ['pg-28', 'pg-29', 'pg-30', 'pg-26', 'pg-27'];
const SIX_ORDER = ['pg-28', 'pg-29', 'pg-30', 'pg-25', 'pg-26', 'pg-27'];

const detailEvents: EventInput[] = [
  eventInput(s('d-origin'), '2026-03-01', SOURCE, { type: 'drafted', title: 'Draft circulated' }),
  eventInput(s('d-main'), '2026-03-10', SOURCE, {
    title: 'Order signed',
    summary: 'The order was signed in a public ceremony.',
    type: 'signed',
    jurisdiction: 'us',
    policy: s('policy'),
    topics: [s('topic-zeta'), s('topic-alpha')],
    actors: [link('d-firm', 'lobbyist'), link('d-official', 'decision-maker'), link('d-office', 'issuer')],
    citations: [
      { source: s('src-removed'), quote: 'The order will be signed on March 10.' },
      { source: s('src-primary') },
      { source: SOURCE, quote: 'Signed today.' },
    ],
    relations: [{ type: 'follows', event: s('d-origin') }],
  }),
  eventInput(s('d-reaction'), '2026-03-12', SOURCE, {
    type: 'statement',
    title: 'Industry reacts',
    relations: [{ type: 'responds-to', event: s('d-main') }],
  }),
];

const monthlyEvents: EventInput[] = [
  eventInput(s('m-nov'), '2025-11-15', SOURCE),
  eventInput(s('m-jan-day'), '2026-01-05', SOURCE),
  eventInput(s('m-jan-month'), '2026-01', SOURCE),
  eventInput(s('m-feb'), '2026-02-28', SOURCE),
  eventInput(s('m-interval'), '2026-04/2026-06', SOURCE),
  eventInput(s('m-open-end'), '2026-04-10/..', SOURCE),
  eventInput(s('m-year'), '2025', SOURCE),
  eventInput(s('m-open-start'), '../2026-03-15', SOURCE),
];

beforeAll(async () => {
  await applyDocument(
    documentOf({
      topics: [
        { slug: s('topic-zeta'), name: 'Zeta topic' },
        { slug: s('topic-alpha'), name: 'Alpha topic' },
      ],
      actors,
      sources: [
        sourceInput(SOURCE, { title: 'Live source', publisher: 'Example News', publishedOn: '2026-03-10' }),
        sourceInput(s('src-removed'), {
          title: 'Announcement (since removed)',
          publisher: 'Agency website',
          availability: 'removed',
          archiveUrl: `https://web.archive.org/web/2026/https://example.org/${s('src-removed')}`,
        }),
        sourceInput(s('src-primary'), { title: 'The signed order', url: null, availability: 'unknown' }),
      ],
      policies: [{ slug: s('policy'), title: 'Detail policy', summary: 'A policy for the detail test.' }],
      events: [...orderingEvents, ...filterEvents, ...pagingEvents, ...detailEvents, ...monthlyEvents],
    }),
  );
});

describe('chronological order', () => {
  it('sorts by the derived bounds: year before month, open start at its end, ties by end then slug', async () => {
    const page = await timeline({}, under('ord'), 100);
    expect(page.slugs).toEqual(EXPECTED_ORDER);
    expect(page.total).toBe(EXPECTED_ORDER.length);
    expect(page.allNotices).toEqual([]);
  });

  it('places a year-precision date before a month of that year, and an open start at its end date', async () => {
    const { slugs } = await timeline({}, under('ord'), 100);
    expect(slugs.indexOf('ord-year')).toBeLessThan(slugs.indexOf('ord-april'));
    expect(slugs.indexOf('ord-open-start')).toBeGreaterThan(slugs.indexOf('ord-may-month'));
    expect(slugs.indexOf('ord-open-start')).toBeLessThan(slugs.indexOf('ord-june'));
  });

  it('reverses the whole order with order=desc', async () => {
    const page = await timeline({ order: 'desc' }, under('ord'), 100);
    expect(page.slugs).toEqual([...EXPECTED_ORDER].reverse());
  });

  it('is the same order however often it is asked (ties are deterministic)', async () => {
    const first = await timeline({}, under('ord'), 100);
    const second = await timeline({}, under('ord'), 100);
    expect(second.slugs).toEqual(first.slugs);
  });
});

describe('actor and agency filters', () => {
  it('shows the events of one actor, in date order', async () => {
    const page = await timeline({ actor: s('person') });
    expect(page.slugs).toEqual(['f-subsub', 'f-person', 'f-both-persons', 'f-agency-person']);
    expect(page.total).toBe(4);
    expect(page.allNotices).toEqual([]);
  });

  it('with two actors shows events involving either, each once', async () => {
    const page = await timeline({ actor: [s('person'), s('person2')] });
    expect(page.slugs).toEqual(['f-subsub', 'f-person', 'f-person2', 'f-both-persons', 'f-agency-person']);
    expect(page.total).toBe(5);
  });

  it('an agency includes its sub-agencies at every depth, but not its siblings or parent', async () => {
    const page = await timeline({ agency: s('agency') });
    expect(page.slugs).toEqual(['f-agency', 'f-sub', 'f-subsub', 'f-agency-person']);
    expect(page.total).toBe(4);
  });

  it('a sub-agency includes only itself and what is below it', async () => {
    const page = await timeline({ agency: s('sub') });
    expect(page.slugs).toEqual(['f-sub', 'f-subsub']);
  });

  it('a government used as an agency covers its whole tree', async () => {
    const page = await timeline({ agency: s('gov') });
    expect(page.slugs).toEqual(['f-gov', 'f-agency', 'f-sub', 'f-subsub', 'f-sibling', 'f-agency-person']);
  });

  it('combines an agency and an actor with AND', async () => {
    const page = await timeline({ agency: s('agency'), actor: s('person') });
    expect(page.slugs).toEqual(['f-subsub', 'f-agency-person']);
    expect(page.total).toBe(2);
  });

  it('reports the names of the applied filters', async () => {
    const resolved = await resolveEventFilter({ ...EMPTY_FILTER, actors: [s('person')], agencies: [s('agency')] });
    expect(resolved.applied).toEqual({ ...EMPTY_FILTER, actors: [s('person')], agencies: [s('agency')] });
    expect(resolved.names).toEqual({ [s('person')]: 'Pat Example', [s('agency')]: 'Department of Testing' });
    expect(resolved.notices).toEqual([]);
  });

  it('ignores an unknown actor with a notice', async () => {
    const alone = await timeline({ actor: s('nobody') }, under('f'));
    expect(alone.allNotices).toEqual([`No actor "${s('nobody')}" is recorded; that filter was ignored.`]);
    expect(alone.total).toBe(filterEvents.length);

    const withKnown = await timeline({ actor: [s('nobody'), s('person')] });
    expect(withKnown.slugs).toEqual(['f-subsub', 'f-person', 'f-both-persons', 'f-agency-person']);
    expect(withKnown.allNotices).toHaveLength(1);

    const resolved = await resolveEventFilter({ ...EMPTY_FILTER, actors: [s('nobody'), s('person')], agencies: [] });
    expect(resolved.applied.actors).toEqual([s('person')]);
  });

  it('ignores an unknown agency with a notice', async () => {
    const page = await timeline({ agency: s('no-agency') }, under('f'));
    expect(page.allNotices).toEqual([`No agency "${s('no-agency')}" is recorded; that filter was ignored.`]);
    expect(page.total).toBe(filterEvents.length);
  });

  it('refuses a person as an agency with a notice and ignores that filter', async () => {
    const page = await timeline({ agency: s('person') }, under('f'));
    expect(page.allNotices).toHaveLength(1);
    expect(page.allNotices[0]).toContain('"Pat Example" is not an agency');
    expect(page.total).toBe(filterEvents.length);

    const resolved = await resolveEventFilter({ ...EMPTY_FILTER, actors: [], agencies: [s('person')] });
    expect(resolved.applied.agencies).toEqual([]);
    expect(resolved.names).toEqual({});
  });
});

describe('pagination', () => {
  const scope = under('pg');
  const pager = { actor: s('pager') };

  it('lists all 23 events in order on one large page', async () => {
    const page = await timeline(pager, scope, 100);
    expect(page.slugs).toEqual(PAGING_ORDER);
    expect(page.total).toBe(23);
    expect(page.nextAfter).toBeNull();
    expect(page.previousBefore).toBeNull();
  });

  it('exactly pageSize events make one page with no links', async () => {
    const page = await timeline({ actor: s('five') }, scope, 5);
    expect(page.slugs).toEqual(FIVE_ORDER);
    expect(page.total).toBe(5);
    expect(page.nextAfter).toBeNull();
    expect(page.previousBefore).toBeNull();
  });

  it('pageSize + 1 events make a full page and a page of one', async () => {
    const first = await timeline({ actor: s('six') }, scope, 5);
    expect(first.slugs).toEqual(SIX_ORDER.slice(0, 5));
    expect(first.total).toBe(6);
    expect(first.previousBefore).toBeNull();
    expect(first.nextAfter).toBe(s(SIX_ORDER[4]));

    const second = await timeline({ actor: s('six'), after: first.nextAfter! }, scope, 5);
    expect(second.slugs).toEqual([SIX_ORDER[5]]);
    expect(second.total).toBe(6);
    expect(second.nextAfter).toBeNull();
    expect(second.previousBefore).toBe(s(SIX_ORDER[5]));

    const back = await timeline({ actor: s('six'), before: second.previousBefore! }, scope, 5);
    expect(back.slugs).toEqual(first.slugs);
    expect(back.previousBefore).toBeNull();
    expect(back.nextAfter).toBe(first.nextAfter);
  });

  it('walks forward with "after" and back with "before" over the same pages, without gaps or duplicates', async () => {
    const forward = await walkForward(pager, scope, 5);
    expect(forward.map((page) => page.slugs)).toEqual([
      PAGING_ORDER.slice(0, 5),
      PAGING_ORDER.slice(5, 10),
      PAGING_ORDER.slice(10, 15),
      PAGING_ORDER.slice(15, 20),
      PAGING_ORDER.slice(20),
    ]);
    for (const page of forward) expect(page.total).toBe(23);
    expect(forward[0].previousBefore).toBeNull();
    forward.slice(1).forEach((page) => expect(page.previousBefore).toBe(s(page.slugs[0])));
    forward.slice(0, -1).forEach((page) => expect(page.nextAfter).toBe(s(page.slugs[page.slugs.length - 1])));

    const backward = await walkBackward(pager, scope, 5, forward[forward.length - 1]);
    expect(backward.map((page) => page.slugs)).toEqual(forward.map((page) => page.slugs));
    // Each page reached backwards offers "Next" to the page after it.
    backward.slice(0, -1).forEach((page) => expect(page.nextAfter).toBe(s(page.slugs[page.slugs.length - 1])));
    for (const page of backward) expect(page.allNotices).toEqual([]);
  });

  it('pages the reversed order the same way', async () => {
    const forward = await walkForward({ ...pager, order: 'desc' }, scope, 5);
    const reversed = [...PAGING_ORDER].reverse();
    expect(forward.flatMap((page) => page.slugs)).toEqual(reversed);
    expect(forward.map((page) => page.slugs.length)).toEqual([5, 5, 5, 5, 3]);

    const backward = await walkBackward({ ...pager, order: 'desc' }, scope, 5, forward[forward.length - 1]);
    expect(backward.map((page) => page.slugs)).toEqual(forward.map((page) => page.slugs));
  });

  it('total counts the filtered set, not the page or the whole table', async () => {
    const page = await timeline({ actor: s('six') }, EVERYWHERE, 2);
    expect(page.events).toHaveLength(2);
    expect(page.total).toBe(6);
  });

  it('an "after" cursor that does not exist gives a notice and the first page', async () => {
    const page = await timeline({ ...pager, after: s('pg-gone') }, scope, 5);
    expect(page.allNotices).toEqual(['That page position no longer exists; showing the first page.']);
    expect(page.slugs).toEqual(PAGING_ORDER.slice(0, 5));
    expect(page.previousBefore).toBeNull();
    expect(page.nextAfter).toBe(s(PAGING_ORDER[4]));
  });

  // A cursor is a position in the chronology. The event it names can exist but fall
  // outside the current filter (a shared link, or the event's actors were edited
  // since the page was loaded); the matching event right next to that position
  // must still be shown, not silently skipped.
  it('an "after" cursor naming an event outside the filter does not skip the next matching event', async () => {
    // pg-25 is one of the pager's events but not one of "five"'s; it sorts between pg-30 and pg-26.
    const page = await timeline({ actor: s('five'), after: s('pg-25') }, scope, 5);
    expect(page.slugs).toEqual(['pg-26', 'pg-27']);
  });

  it('a "before" cursor naming an event outside the filter does not skip the previous matching event', async () => {
    const page = await timeline({ actor: s('five'), before: s('pg-25') }, scope, 5);
    expect(page.slugs).toEqual(['pg-28', 'pg-29', 'pg-30']);
  });

  it('a "before" cursor that does not exist gives a notice and the first page', async () => {
    const page = await timeline({ ...pager, before: s('pg-gone') }, scope, 5);
    expect(page.allNotices).toEqual(['That page position no longer exists; showing the first page.']);
    expect(page.slugs).toEqual(PAGING_ORDER.slice(0, 5));
  });
});

describe('getEventBySlug', () => {
  it('returns the event with its actors and roles in the recorded order', async () => {
    const event = await getEventBySlug(s('d-main'));
    expect(event).not.toBeNull();
    expect(event!).toMatchObject({
      slug: s('d-main'),
      title: 'Order signed',
      summary: 'The order was signed in a public ceremony.',
      date: '2026-03-10',
      type: 'signed',
      jurisdiction: 'US',
      policy: { slug: s('policy'), title: 'Detail policy' },
    });
    expect(event!.actors).toEqual([
      { slug: s('d-firm'), name: 'Detail Firm', kind: 'company', role: 'lobbyist' },
      { slug: s('d-official'), name: 'Detail Official', kind: 'person', role: 'decision-maker' },
      { slug: s('d-office'), name: 'Detail Office', kind: 'agency', role: 'issuer' },
    ]);
    expect(event!.topics).toEqual([
      { slug: s('topic-alpha'), name: 'Alpha topic' },
      { slug: s('topic-zeta'), name: 'Zeta topic' },
    ]);
  });

  it('returns citations in order with quotes and sources, including a removed source with its archive', async () => {
    const event = await getEventBySlug(s('d-main'));
    const citations = event!.citations.map(({ quote, source }) => ({ quote, source }));
    expect(citations).toEqual([
      {
        quote: 'The order will be signed on March 10.',
        source: expect.objectContaining({
          id: s('src-removed'),
          title: 'Announcement (since removed)',
          publisher: 'Agency website',
          url: `https://example.org/${s('src-removed')}`,
          availability: 'removed',
          archiveUrl: `https://web.archive.org/web/2026/https://example.org/${s('src-removed')}`,
        }),
      },
      {
        quote: null,
        source: expect.objectContaining({ id: s('src-primary'), title: 'The signed order', url: null, availability: 'unknown', archiveUrl: null }),
      },
      {
        quote: 'Signed today.',
        source: expect.objectContaining({ id: SOURCE, publisher: 'Example News', publishedOn: '2026-03-10', availability: 'live' }),
      },
    ]);
  });

  it('returns relations in both directions, in date order', async () => {
    const event = await getEventBySlug(s('d-main'));
    expect(event!.relations).toEqual([
      { type: 'follows', direction: 'outgoing', event: { slug: s('d-origin'), title: 'Draft circulated', date: '2026-03-01' } },
      { type: 'responds-to', direction: 'incoming', event: { slug: s('d-reaction'), title: 'Industry reacts', date: '2026-03-12' } },
    ]);
    const origin = await getEventBySlug(s('d-origin'));
    expect(origin!.relations).toEqual([
      { type: 'follows', direction: 'incoming', event: { slug: s('d-main'), title: 'Order signed', date: '2026-03-10' } },
    ]);
  });

  it('returns null for an unknown slug', async () => {
    expect(await getEventBySlug(s('d-missing'))).toBeNull();
  });

  it('summarises the event in the list with its actors and source count', async () => {
    const page = await timeline({ actor: s('d-official') });
    expect(page.events).toEqual([
      {
        slug: s('d-main'),
        title: 'Order signed',
        date: '2026-03-10',
        type: 'signed',
        jurisdiction: 'US',
        policy: { slug: s('policy'), title: 'Detail policy' },
        actors: [
          { slug: s('d-firm'), name: 'Detail Firm', role: 'lobbyist' },
          { slug: s('d-official'), name: 'Detail Official', role: 'decision-maker' },
          { slug: s('d-office'), name: 'Detail Office', role: 'issuer' },
        ],
        sourceCount: 3,
      },
    ]);
  });
});

describe('monthlyActivity', () => {
  it('counts events by start month, fills empty months between, and counts year-only and open-start dates apart', async () => {
    const activity = await monthlyActivity({ filter: await resolveEventFilter(EMPTY_FILTER), scope: under('m') });
    expect(activity.months.map(({ month, count }) => ({ month, count }))).toEqual([
      { month: '2025-11', count: 1 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 2 },
      { month: '2026-02', count: 1 },
      { month: '2026-03', count: 0 },
      { month: '2026-04', count: 2 },
    ]);
    expect(activity.months[2].byType).toEqual({ announced: 2 });
    expect(activity.months[1].byType).toEqual({});
    expect(activity.yearOnly).toBe(1);
    expect(activity.openStart).toBe(1);
  });

  it('follows the filter it is given', async () => {
    const resolved = await resolveEventFilter({ ...EMPTY_FILTER, actors: [s('person')], agencies: [] });
    const activity = await monthlyActivity({ filter: resolved });
    expect(activity).toEqual({ months: [{ month: '2026-02', count: 4, byType: { announced: 4 } }], yearOnly: 0, openStart: 0 });
  });

  it('is empty when nothing matches', async () => {
    expect(await monthlyActivity({ filter: await resolveEventFilter(EMPTY_FILTER), scope: under('nothing') })).toEqual({ months: [], yearOnly: 0, openStart: 0 });
  });
});
