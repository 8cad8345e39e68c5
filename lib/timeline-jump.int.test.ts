import { beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER, type TimelineQuery } from '@/lib/filters';
import { listEvents, resolveEventFilter } from '@/lib/events';
import { suggest } from '@/lib/suggest';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// Every record of this file carries this prefix; the database is shared with other files.
const P = uniquePrefix('jump');
const s = (name: string) => `${P}-${name}`;
const SOURCE = s('src');
const POLICY = s('policy');
const YEARS = [2019, 2020, 2021, 2022, 2023];

beforeAll(async () => {
  await applyDocument(
    documentOf({
      sources: [sourceInput(SOURCE)],
      actors: [
        { slug: s('zoe-quarrington'), name: `Zoe Quarrington ${P}`, kind: 'person', aliases: [`ZQ${P.replace(/[^a-z0-9]/gi, '')}`] },
        { slug: s('quarrington-agency'), name: `Quarrington Agency ${P}`, kind: 'agency' },
        { slug: s('100-percent'), name: `100% Quarrington_Fund ${P}`, kind: 'organization' },
      ],
      policies: [{ slug: POLICY, title: `Quarrington Act ${P}`, summary: 'A policy for the type-ahead.' }],
      // Three events a year, each in its own month, all in one policy.
      events: YEARS.flatMap((year) =>
        ['02', '06', '10'].map((month) => eventInput(s(`${year}-${month}`), `${year}-${month}-15`, SOURCE, { policy: POLICY })),
      ),
    }),
  );
});

const filter = { ...EMPTY_FILTER, policies: [POLICY] };
const query = (fields: Partial<TimelineQuery>): TimelineQuery => ({ filter, order: 'desc', after: null, before: null, page: 1, ...fields });

describe('jumping to a year', () => {
  it('starts a newest-first page at the end of the year, with every event still counted and the position known', async () => {
    const resolved = await resolveEventFilter(filter);
    const page = await listEvents(query({ at: '2021' }), { filter: resolved }, 4);
    expect(page.total).toBe(15);
    expect(page.events.map((event) => event.slug)).toEqual([s('2021-10'), s('2021-06'), s('2021-02'), s('2020-10')]);
    expect(page.offset).toBe(6);
    // Back from a jump there are the later events; forward, the earlier ones.
    expect(page.previousBefore).toBe(s('2021-10'));
    expect(page.nextAfter).toBe(s('2020-10'));
    const previous = await listEvents(query({ before: page.previousBefore }), { filter: resolved }, 4);
    expect(previous.events.map((event) => event.slug)).toEqual([s('2023-02'), s('2022-10'), s('2022-06'), s('2022-02')]);
    expect(previous.offset).toBe(2);
  });

  it('starts an oldest-first page at the start of the month', async () => {
    const resolved = await resolveEventFilter(filter);
    const page = await listEvents(query({ order: 'asc', at: '2022-05' }), { filter: resolved }, 2);
    expect(page.events.map((event) => event.slug)).toEqual([s('2022-06'), s('2022-10')]);
    expect(page.offset).toBe(10);
  });

  it('falls back to the first page, with a notice, when nothing lies beyond the jump', async () => {
    const resolved = await resolveEventFilter(filter);
    const page = await listEvents(query({ at: '2018' }), { filter: resolved }, 4);
    expect(page.events[0].slug).toBe(s('2023-10'));
    expect(page.offset).toBe(0);
    expect(page.previousBefore).toBeNull();
    expect(page.notices).toContain('No events are recorded up to 2018; showing the first page.');
  });
});

describe('suggestions for the filter pickers', () => {
  it('finds actors by the start of any word of their name or alias, agencies only among agencies', async () => {
    expect((await suggest('actor', `quarr`)).map((found) => found.value)).toEqual(expect.arrayContaining([s('zoe-quarrington'), s('quarrington-agency')]));
    expect(await suggest('actor', `Zoe Quarrington ${P}`)).toEqual([{ value: s('zoe-quarrington'), label: `Zoe Quarrington ${P}` }]);
    expect((await suggest('actor', `zq${P.replace(/[^a-z0-9]/gi, '')}`)).map((found) => found.value)).toEqual([s('zoe-quarrington')]);
    expect((await suggest('actor', 'arrington')).map((found) => found.value)).not.toContain(s('zoe-quarrington'));
    const agencies = (await suggest('agency', `Quarrington`)).map((found) => found.value);
    expect(agencies).toContain(s('quarrington-agency'));
    expect(agencies).not.toContain(s('zoe-quarrington'));
  });

  it('reads % and _ literally, caps the answer and ignores blank input', async () => {
    expect((await suggest('actor', '100%')).map((found) => found.value)).toContain(s('100-percent'));
    expect((await suggest('actor', 'Quarrington_F')).map((found) => found.value)).toEqual([s('100-percent')]);
    expect(await suggest('actor', '%')).toEqual([]);
    expect(await suggest('actor', '   ')).toEqual([]);
    expect((await suggest('actor', 'a')).length).toBeLessThanOrEqual(10);
  });

  it('finds policies by their title', async () => {
    expect(await suggest('policy', `quarrington act ${P}`)).toEqual([{ value: POLICY, label: `Quarrington Act ${P}` }]);
  });
});
