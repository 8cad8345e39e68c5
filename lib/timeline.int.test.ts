import { beforeAll, describe, expect, it } from 'vitest';
import { generateBenchDataset } from '@/scripts/bench-data';
import { applyDataset } from '@/lib/dataset/apply';
import type { Dataset } from '@/lib/dataset/format';
import { OPEN_START } from '@/lib/dates';
import { db } from '@/lib/db';
import { resolveEventFilter } from '@/lib/event-filter';
import { listEvents, monthlyActivity, searchEvents } from '@/lib/events';
import { computeFacets, type Facets } from '@/lib/facets';
import { dateBound, EMPTY_FILTER, type EventFilter, type TimelineQuery } from '@/lib/filters';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { normalizeText, searchTerms } from '@/lib/search';
import { getActorBySlug } from '@/lib/actors';
import { eventIndex } from '@/lib/event-index';
import { getStorylineNeighbours, getStorylineNeighboursBySql } from '@/lib/storyline';
import { FACET_LIMIT, timelineView } from '@/lib/timeline';
import { EVENT_TYPE_LABELS, EVENT_TYPES, type EventType } from '@/lib/vocabulary';
import { uniquePrefix } from '@/tests/integration/factories';

/**
 * The fast path (filters as SQL, counts and ranking by the database, the
 * full-text index) against a straightforward computation in JavaScript over
 * every live event in the database, on a generated dataset of a few thousand
 * events: the same events, in the same order, on the same pages, with the same
 * facet counts and the same search ranking.
 */

const P = uniquePrefix('tl');
const EVENTS = 2_500;

/** The benchmark's synthetic dataset with every slug and id under this file's prefix. */
function prefixed(dataset: Dataset): Dataset {
  const p = (slug: string) => `${P}-${slug}`;
  return {
    ...dataset,
    topics: dataset.topics.map((topic) => ({ ...topic, slug: p(topic.slug) })),
    actors: dataset.actors.map((actor) => ({ ...actor, slug: p(actor.slug), parent: actor.parent && p(actor.parent) })),
    sources: dataset.sources.map((source) => ({ ...source, id: p(source.id) })),
    policies: dataset.policies.map((policy) => ({ ...policy, slug: p(policy.slug) })),
    events: dataset.events.map((event) => ({
      ...event,
      slug: p(event.slug),
      policy: event.policy && p(event.policy),
      topics: event.topics.map(p),
      actors: event.actors.map((link) => ({ ...link, actor: p(link.actor) })),
      citations: event.citations.map((citation) => ({ ...citation, source: p(citation.source) })),
      relations: event.relations.map((relation) => ({ ...relation, event: p(relation.event) })),
    })),
  };
}

interface Row {
  id: string;
  slug: string;
  title: string;
  summary: string;
  searchText: string;
  type: string;
  jurisdiction: string;
  policyId: string | null;
  dateEarliest: string;
  dateLatest: string;
  dateSortKey: string;
  dateStartMonth: string | null;
  actorIds: Set<string>;
  topicIds: Set<string>;
}

/** Everything the reference computation reads, loaded plainly. */
async function loadReference() {
  const [events, actors, topics, policies] = await Promise.all([
    db.event.findMany({
      where: { deletedAt: null },
      select: {
        id: true,
        slug: true,
        title: true,
        summary: true,
        searchText: true,
        type: true,
        jurisdiction: true,
        policyId: true,
        dateEarliest: true,
        dateLatest: true,
        dateSortKey: true,
        dateStartMonth: true,
        actors: { select: { actorId: true } },
        topics: { select: { topicId: true } },
      },
    }),
    db.actor.findMany({ where: { deletedAt: null } }),
    db.topic.findMany(),
    db.policy.findMany({ where: { deletedAt: null } }),
  ]);
  const rows: Row[] = events.map((event) => ({
    ...event,
    actorIds: new Set(event.actors.map((link) => link.actorId)),
    topicIds: new Set(event.topics.map((link) => link.topicId)),
  }));
  const chronological = (a: Row, b: Row) =>
    a.dateSortKey < b.dateSortKey ? -1 : a.dateSortKey > b.dateSortKey ? 1 : a.dateLatest > b.dateLatest ? -1 : a.dateLatest < b.dateLatest ? 1 : a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  rows.sort(chronological);

  const actorBySlug = new Map(actors.map((actor) => [actor.slug, actor]));
  const descendants = (id: string): Set<string> => {
    const all = new Set([id]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const actor of actors) {
        if (actor.parentId && all.has(actor.parentId) && !all.has(actor.id)) {
          all.add(actor.id);
          grew = true;
        }
      }
    }
    return all;
  };
  const agencyKinds = ['agency', 'government', 'legislature', 'court'];
  const agencies = actors.filter((actor) => agencyKinds.includes(actor.kind));
  const agencyTrees = new Map(agencies.map((agency) => [agency.id, descendants(agency.id)]));

  type Dimension = 'actors' | 'agencies' | 'types' | 'topics' | 'jurisdictions' | 'policies' | 'dates' | 'q';
  const idsOf = <T extends { slug: string; id: string }>(slugs: string[], all: T[]) => all.filter((row) => slugs.includes(row.slug)).map((row) => row.id);

  /** Whether an event passes every condition of the filter but `except`. */
  const matcher = (filter: EventFilter, except?: Dimension) => {
    const actorIds = idsOf(filter.actors, actors);
    const agencyIds = new Set(idsOf(filter.agencies, agencies).flatMap((id) => [...agencyTrees.get(id)!]));
    const topicIds = idsOf(filter.topics, topics);
    const policyIds = idsOf(filter.policies, policies);
    const terms = filter.q ? searchTerms(filter.q) : [];
    return (row: Row) =>
      (except === 'actors' || actorIds.length === 0 || actorIds.some((id) => row.actorIds.has(id))) &&
      (except === 'agencies' || filter.agencies.length === 0 || [...row.actorIds].some((id) => agencyIds.has(id))) &&
      (except === 'types' || filter.types.length === 0 || filter.types.includes(row.type as EventType)) &&
      (except === 'topics' || topicIds.length === 0 || topicIds.some((id) => row.topicIds.has(id))) &&
      (except === 'jurisdictions' || filter.jurisdictions.length === 0 || filter.jurisdictions.includes(row.jurisdiction)) &&
      (except === 'policies' || policyIds.length === 0 || policyIds.includes(row.policyId ?? '')) &&
      (except === 'dates' || !filter.from || row.dateLatest >= dateBound(filter.from, 'from')!) &&
      (except === 'dates' || !filter.to || row.dateEarliest <= dateBound(filter.to, 'to')!) &&
      (except === 'q' || terms.every((term) => row.searchText.includes(` ${term}`)));
  };

  const byCountThenLabel = (a: { count: number; label: string; value: string }, b: { count: number; label: string; value: string }) =>
    b.count - a.count || a.label.localeCompare(b.label) || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0);
  const facets = (filter: EventFilter): Facets => {
    const under = (dimension: Dimension) => rows.filter(matcher(filter, dimension));
    const count = (events: Row[], test: (row: Row) => boolean) => events.filter(test).length;
    const typeEvents = under('types');
    const jurisdictionEvents = under('jurisdictions');
    const jurisdictions = [...new Set(jurisdictionEvents.map((row) => row.jurisdiction))].map((code) => ({
      value: code,
      label: code,
      count: count(jurisdictionEvents, (row) => row.jurisdiction === code),
    }));
    const keep = (selected: string[]) => (option: { value: string; count: number }) => option.count > 0 || selected.includes(option.value);
    const policyEvents = under('policies');
    const topicEvents = under('topics');
    const actorEvents = under('actors');
    const agencyEvents = under('agencies');
    return {
      types: EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type], count: count(typeEvents, (row) => row.type === type) })).filter(keep(filter.types)),
      jurisdictions: jurisdictions.sort(byCountThenLabel),
      policies: policies.map((policy) => ({ value: policy.slug, label: policy.title, count: count(policyEvents, (row) => row.policyId === policy.id) })).filter(keep(filter.policies)).sort(byCountThenLabel),
      topics: topics.map((topic) => ({ value: topic.slug, label: topic.name, count: count(topicEvents, (row) => row.topicIds.has(topic.id)) })).filter(keep(filter.topics)).sort(byCountThenLabel),
      actors: actors.map((actor) => ({ value: actor.slug, label: actor.name, count: count(actorEvents, (row) => row.actorIds.has(actor.id)) })).filter(keep(filter.actors)).sort(byCountThenLabel),
      agencies: agencies
        .map((agency) => {
          const tree = agencyTrees.get(agency.id)!;
          return { value: agency.slug, label: agency.name, count: count(agencyEvents, (row) => [...row.actorIds].some((id) => tree.has(id))) };
        })
        .filter(keep(filter.agencies))
        .sort(byCountThenLabel),
    };
  };

  /** Matches best first: the JavaScript relevance score, ties in chronological order. */
  const ranked = (filter: EventFilter) => {
    const terms = searchTerms(filter.q ?? '');
    return rows
      .filter(matcher(filter))
      .map((row, position) => ({ row, position, score: relevance(row, terms) }))
      .sort((a, b) => b.score - a.score || a.position - b.position)
      .map((match) => match.row.slug);
  };

  /** Events by start month and type (months with none left out), and the events without a start month. */
  const activity = (filter: EventFilter) => {
    const byMonth: Record<string, Record<string, number>> = {};
    let yearOnly = 0;
    let openStart = 0;
    for (const row of rows.filter(matcher(filter))) {
      if (row.dateStartMonth === null) {
        if (row.dateEarliest === OPEN_START) openStart++;
        else yearOnly++;
        continue;
      }
      const byType = (byMonth[row.dateStartMonth] ??= {});
      byType[row.type] = (byType[row.type] ?? 0) + 1;
    }
    return { byMonth, yearOnly, openStart };
  };

  return { rows, actorBySlug, matcher, facets, ranked, activity, topics, policies };
}

/**
 * The ranking as it was computed in JavaScript before the database did it:
 * per term 1, plus 5 when the title contains it, 2 when the summary does, 1 when it is a whole word.
 */
function relevance(event: { title: string; summary: string; searchText: string }, terms: string[]): number {
  const title = normalizeText(event.title);
  const summary = normalizeText(event.summary);
  return terms.reduce((score, term) => {
    const wholeWord = new RegExp(`(^|[^\\p{L}\\p{N}])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'u');
    let termScore = 1;
    if (summary.includes(term)) termScore += 2;
    if (title.includes(term)) termScore += 5;
    if (wholeWord.test(event.searchText)) termScore += 1;
    return score + termScore;
  }, 0);
}

type Reference = Awaited<ReturnType<typeof loadReference>>;

const query = (filter: EventFilter, fields: Partial<TimelineQuery> = {}): TimelineQuery => ({ filter, order: 'asc', after: null, before: null, page: 1, ...fields });

/** Every page of a chronological view, by following its "Next" cursors. */
async function walk(filter: EventFilter, order: 'asc' | 'desc'): Promise<{ slugs: string[]; totals: Set<number> }> {
  const resolved = await resolveEventFilter(filter);
  const slugs: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 500; pages++) {
    const page = await listEvents(query(filter, { order, after }), { filter: resolved }, 200);
    slugs.push(...page.events.map((event) => event.slug));
    totals.add(page.total);
    if (!page.nextAfter) break;
    after = page.nextAfter;
  }
  return { slugs, totals };
}

let reference: Reference;
let filters: Array<{ name: string; filter: EventFilter }>;
let words: string[];

beforeAll(async () => {
  await applyDataset(db, prefixed(generateBenchDataset({ events: EVENTS })), { author: COMMAND_LINE_AUTHOR });
  reference = await loadReference();
  const ours = reference.rows.filter((row) => row.slug.startsWith(`${P}-`));
  const busiest = (ids: (row: Row) => Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const row of ours) for (const id of ids(row)) counts.set(id, (counts.get(id) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  };
  const actorSlug = (id: string) => [...reference.actorBySlug.values()].find((actor) => actor.id === id)!.slug;
  const topicSlug = (id: string) => reference.topics.find((topic) => topic.id === id)!.slug;
  const [topActor, secondActor] = busiest((row) => row.actorIds).map(actorSlug);
  const [topTopic] = busiest((row) => row.topicIds).map(topicSlug);
  const rareActor = actorSlug(busiest((row) => row.actorIds).at(-1)!);
  words = ['committee', 'budget', 'synthetic safety', 'amendment oversight'];
  filters = [
    { name: 'no filter', filter: EMPTY_FILTER },
    { name: 'one actor', filter: { ...EMPTY_FILTER, actors: [topActor] } },
    { name: 'two actors', filter: { ...EMPTY_FILTER, actors: [secondActor, rareActor] } },
    { name: 'an agency with its sub-agencies, and a type', filter: { ...EMPTY_FILTER, agencies: [`${P}-us-department-of-commerce`], types: ['announced'] } },
    { name: 'a topic and a date window', filter: { ...EMPTY_FILTER, topics: [topTopic], from: '2019-03', to: '2021-06' } },
    { name: 'a type and an actor', filter: { ...EMPTY_FILTER, types: ['proposed', 'enacted'], actors: [topActor] } },
    { name: 'a search', filter: { ...EMPTY_FILTER, q: 'committee' } },
    { name: 'a search and a topic', filter: { ...EMPTY_FILTER, q: 'budget', topics: [topTopic] } },
    { name: 'a two-word search, a jurisdiction and dates', filter: { ...EMPTY_FILTER, q: 'amendment oversight', jurisdictions: ['US'], from: '2020' } },
  ];
}, 300_000);

describe('the timeline view against a straightforward computation', () => {
  it('holds the generated dataset', () => {
    expect(reference.rows.filter((row) => row.slug.startsWith(`${P}-`))).toHaveLength(EVENTS);
  });

  it('lists the same events in the same order on every page, both ways', async () => {
    for (const { name, filter } of filters) {
      const expected = reference.rows.filter(reference.matcher(filter)).map((row) => row.slug);
      const forward = await walk(filter, 'asc');
      expect(forward.slugs, name).toEqual(expected);
      expect([...forward.totals], name).toEqual([expected.length]);
      const backward = await walk(filter, 'desc');
      expect(backward.slugs, name).toEqual([...expected].reverse());
    }
  });

  it('counts every facet as the straightforward computation does', async () => {
    for (const { name, filter } of filters) {
      const resolved = await resolveEventFilter(filter);
      expect(await computeFacets(resolved), name).toEqual(reference.facets(filter));
    }
  });

  it('counts the monthly activity as the straightforward computation does', async () => {
    for (const { name, filter } of filters) {
      const activity = await monthlyActivity({ filter: await resolveEventFilter(filter) });
      const expected = reference.activity(filter);
      const months = Object.keys(expected.byMonth).sort();
      expect(activity.months.filter((month) => month.count > 0).map((month) => [month.month, month.byType]), name).toEqual(
        months.map((month) => [month, expected.byMonth[month]]),
      );
      expect(activity.months[0]?.month, name).toBe(months[0]);
      expect(activity.months.at(-1)?.month, name).toBe(months.at(-1));
      expect([activity.yearOnly, activity.openStart], name).toEqual([expected.yearOnly, expected.openStart]);
    }
  });

  it('ranks search results exactly as the JavaScript relevance score does, page by page', async () => {
    for (const { name, filter } of filters.filter((entry) => entry.filter.q)) {
      const expected = reference.ranked(filter);
      const resolved = await resolveEventFilter(filter);
      const slugs: string[] = [];
      for (let page = 1; ; page++) {
        const result = await searchEvents(query(filter, { order: 'relevance', page }), { filter: resolved }, 200);
        expect(result.total, name).toBe(expected.length);
        slugs.push(...result.events.map((event) => event.slug));
        if (!result.nextPage) break;
      }
      expect(slugs, name).toEqual(expected);
    }
  });

  it('finds with the full-text index exactly what comparing the search text finds', async () => {
    for (const phrase of [...words, 'synth', 'co', 'zzzz', 'safety 00114']) {
      const resolved = await resolveEventFilter({ ...EMPTY_FILTER, q: phrase });
      const bySql = await listEvents(query(resolved.applied), { filter: resolved }, 1);
      expect(bySql.total, phrase).toBe(await db.event.count({ where: resolved.where }));
    }
  });

  it('shows a long facet as its choices with most events, keeping a selected one further down', async () => {
    const rare = [...reference.facets(EMPTY_FILTER).actors].at(-1)!;
    const view = await timelineView(query({ ...EMPTY_FILTER, actors: [rare.value] }), { facets: true });
    const all = reference.facets({ ...EMPTY_FILTER, actors: [rare.value] }).actors;
    expect(view.facets!.actors.slice(0, FACET_LIMIT)).toEqual(all.slice(0, FACET_LIMIT));
    expect(view.facets!.actors.map((option) => option.value)).toContain(rare.value);
    expect(view.facets!.hidden.actors).toBe(all.length - view.facets!.actors.length);
  });

  it('places every event of the storylines in its policy as counting the chronology does', async () => {
    await eventIndex(); // built, so the storylines are read from it
    const livePolicies = new Map(reference.policies.map((policy) => [policy.id, policy]));
    const storylines = new Map<string, Row[]>();
    for (const row of reference.rows) {
      if (row.policyId && livePolicies.has(row.policyId) && row.slug.startsWith(`${P}-`)) {
        storylines.set(row.policyId, [...(storylines.get(row.policyId) ?? []), row]);
      }
    }
    // The longest storyline whole, and every event of a few short ones.
    const sorted = [...storylines.values()].sort((a, b) => b.length - a.length);
    expect(sorted[0].length).toBeGreaterThan(50);
    for (const storyline of [sorted[0], ...sorted.slice(-5)]) {
      for (const [at, row] of storyline.entries()) {
        const found = await getStorylineNeighbours(row.slug);
        // The database alone (for an event the index does not hold yet) places it the same.
        expect(await getStorylineNeighboursBySql(row.slug), row.slug).toEqual(found);
        expect(found && { ...found, previous: found.previous?.slug ?? null, next: found.next?.slug ?? null }, row.slug).toEqual({
          policy: { slug: livePolicies.get(row.policyId!)!.slug, title: livePolicies.get(row.policyId!)!.title },
          previous: storyline[at - 1]?.slug ?? null,
          next: storyline[at + 1]?.slug ?? null,
          position: at + 1,
          count: storyline.length,
        });
      }
    }
  });

  it('counts each actor’s roles over its live events as counting the links does', async () => {
    const links = await db.eventActor.findMany({ where: { event: { deletedAt: null }, actor: { slug: { startsWith: `${P}-` } } }, include: { actor: true } });
    const expected = new Map<string, Map<string, number>>();
    for (const link of links) {
      const roles = expected.get(link.actor.slug) ?? new Map<string, number>();
      roles.set(link.role, (roles.get(link.role) ?? 0) + 1);
      expected.set(link.actor.slug, roles);
    }
    const busiest = [...expected].sort((a, b) => [...b[1].values()].reduce((x, y) => x + y) - [...a[1].values()].reduce((x, y) => x + y));
    for (const [slug, roles] of [...busiest.slice(0, 10), ...busiest.slice(-10)]) {
      const actor = await getActorBySlug(slug);
      expect(Object.fromEntries(actor!.roles.map((row) => [row.role, row.count])), slug).toEqual(Object.fromEntries(roles));
    }
  });
});
