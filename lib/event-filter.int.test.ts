import { beforeAll, describe, expect, it } from 'vitest';
import { pageOfEvents, resolveEventFilter } from '@/lib/events';
import { computeFacets, type FacetOption } from '@/lib/facets';
import { parseTimelineQuery, type SearchParams } from '@/lib/filters';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// Every record here carries this prefix, and every event names the file's own actor, so that filtering by
// that actor isolates these events from the other files' in the shared database.
const P = uniquePrefix('flt');
const s = (name: string) => `${P}-${name}`;
const short = (slug: string) => slug.slice(P.length + 1);
const OWNER = s('owner');
const SOURCE = s('src');
const owner = { actor: OWNER, role: 'participant' as const };

beforeAll(async () => {
  await applyDocument(
    documentOf({
      topics: [
        { slug: s('alpha'), name: 'Alpha topic' },
        { slug: s('beta'), name: 'Beta topic' },
      ],
      actors: [
        { slug: OWNER, name: 'Filter Owner', kind: 'organization', aliases: [`Zyxwowner${P.slice(-4)}`] },
        { slug: s('agency'), name: 'Filter Agency', kind: 'agency' },
        { slug: s('sub'), name: 'Filter Sub-agency', kind: 'agency', parent: s('agency') },
      ],
      sources: [sourceInput(SOURCE)],
      policies: [{ slug: s('policy'), title: 'Filter policy', summary: 'For the filter tests.' }],
      events: [
        eventInput(s('may'), '2026-05', SOURCE, {
          type: 'announced',
          title: 'Agency announces model evaluations',
          summary: 'An announcement.',
          topics: [s('alpha')],
          actors: [owner],
          citations: [{ source: SOURCE, quote: 'The regulation of frontier systems begins.' }],
        }),
        eventInput(s('day'), '2026-05-21', SOURCE, {
          type: 'postponed',
          title: 'Order postponed',
          summary: 'The evaluation order was postponed.',
          topics: [s('alpha'), s('beta')],
          policy: s('policy'),
          actors: [owner],
        }),
        eventInput(s('june'), '2026-06-01/2026-06-30', SOURCE, {
          type: 'signed',
          jurisdiction: 'EU',
          title: 'Rules signed',
          topics: [s('beta')],
          actors: [owner, { actor: s('sub'), role: 'issuer' }],
        }),
        eventInput(s('year'), '2025', SOURCE, { type: 'statement', jurisdiction: 'GB', title: 'Statement on évaluation', actors: [owner] }),
        eventInput(s('open'), '../2026-04-30', SOURCE, { type: 'released', title: 'Early access programme', actors: [owner] }),
      ],
    }),
  );
});

/** The view a visitor's URL asks for, always within this file's events. */
async function view(params: SearchParams) {
  const { query, notices } = parseTimelineQuery({ ...params, actor: OWNER });
  const resolved = await resolveEventFilter(query.filter);
  const page = await pageOfEvents(query, { filter: resolved }, 100);
  return { slugs: page.events.map((event) => short(event.slug)), notices: [...notices, ...resolved.notices], resolved, page };
}

const counts = (options: FacetOption[]) => Object.fromEntries(options.map((option) => [option.value, option.count]));

describe('each filter alone', () => {
  it('type is repeatable and matches any of the types', async () => {
    expect((await view({ type: ['announced', 'signed'] })).slugs).toEqual(['may', 'june']);
  });

  it('topic, jurisdiction (any case) and policy', async () => {
    expect((await view({ topic: s('beta') })).slugs).toEqual(['day', 'june']);
    expect((await view({ jurisdiction: 'eu' })).slugs).toEqual(['june']);
    expect((await view({ policy: s('policy') })).slugs).toEqual(['day']);
  });

  it('an agency includes the events of its sub-agency', async () => {
    expect((await view({ agency: s('agency') })).slugs).toEqual(['june']);
  });
});

describe('combined filters', () => {
  it('different filters combine with AND', async () => {
    expect((await view({ type: 'postponed', topic: s('alpha') })).slugs).toEqual(['day']);
    expect((await view({ type: 'signed', topic: s('alpha') })).slugs).toEqual([]);
    expect((await view({ topic: s('beta'), from: '2026-06' })).slugs).toEqual(['june']);
  });
});

describe('the date window matches by overlap, at each precision', () => {
  it('a month-precision event matches a window starting inside its month', async () => {
    expect((await view({ from: '2026-05-21' })).slugs).toEqual(['may', 'day', 'june']);
  });

  it('a window ending on the first day of a month still meets an event dated to that month', async () => {
    expect((await view({ to: '2026-05-01' })).slugs).toEqual(['year', 'open', 'may']);
  });

  it('a window after a day-precision event misses it, but not the month around it', async () => {
    expect((await view({ from: '2026-05-22', to: '2026-05-31' })).slugs).toEqual(['may']);
  });

  it('a year window covers the whole year', async () => {
    expect((await view({ from: '2025', to: '2025' })).slugs).toEqual(['year', 'open']);
  });
});

describe('invalid parameters', () => {
  it('are reported and ignored, never an error', async () => {
    const result = await view({ from: '2026-13', type: 'vetoed', jurisdiction: 'U$', topic: 'no-such-topic-here' });
    expect(result.slugs).toHaveLength(5);
    expect(result.notices).toEqual(
      expect.arrayContaining([
        expect.stringContaining('Ignored from="2026-13"'),
        expect.stringContaining('Ignored type "vetoed"'),
        expect.stringContaining('Ignored jurisdiction "U$"'),
        'No topic "no-such-topic-here" is recorded; that filter was ignored.',
      ]),
    );
  });

  it('a window whose end comes before its start is ignored as a whole', async () => {
    const result = await view({ from: '2026-06', to: '2026-05' });
    expect(result.slugs).toHaveLength(5);
    expect(result.notices).toContain('Ignored the date window: "to" (2026-05) is before "from" (2026-06).');
  });
});

describe('text search', () => {
  it('matches words at their start, case and accents aside, and ranks title matches first', async () => {
    const result = await view({ q: 'Evaluation' });
    // Titles "…model evaluations" and "Statement on évaluation" outrank a summary match.
    expect(result.slugs.slice(0, 2).sort()).toEqual(['may', 'year']);
    expect(result.slugs[2]).toBe('day');
    // The summary match comes with the passage that matched, to be shown under the title.
    expect(result.page.events[2].snippet).toBe('The evaluation order was postponed.');
  });

  it('does not match inside a word', async () => {
    expect((await view({ q: 'valuation' })).slugs).toEqual([]);
  });

  it('needs every word, and finds quotes and actor aliases', async () => {
    expect((await view({ q: 'order evaluation' })).slugs).toEqual(['day']);
    expect((await view({ q: 'frontier' })).slugs).toEqual(['may']);
    expect((await view({ q: `zyxwowner${P.slice(-4)}` })).slugs).toHaveLength(5);
  });

  it('can be read in date order instead of by relevance', async () => {
    expect((await view({ q: 'evaluation', order: 'asc' })).slugs).toEqual(['year', 'may', 'day']);
  });
});

describe('facet counts', () => {
  it("count each choice under the other filters, not the facet's own selection", async () => {
    const { resolved } = await view({ type: 'announced' });
    const facets = await computeFacets(resolved);
    // The type facet ignores the type filter itself: every type of this file's events is offered.
    expect(counts(facets.types)).toEqual({ announced: 1, postponed: 1, signed: 1, statement: 1, released: 1 });
    // Topics and jurisdictions are counted among the announced events only.
    expect(counts(facets.topics.filter((option) => option.value.startsWith(P)))).toEqual({ [s('alpha')]: 1 });
    expect(counts(facets.jurisdictions)).toEqual({ US: 1 });
  });

  it('an agency counts the events of its sub-agencies, each once', async () => {
    const { resolved } = await view({});
    const facets = await computeFacets(resolved);
    expect(counts(facets.agencies)[s('agency')]).toBe(1);
    expect(counts(facets.agencies)[s('sub')]).toBe(1);
    expect(counts(facets.policies)[s('policy')]).toBe(1);
  });
});
