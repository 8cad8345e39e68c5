import { LRUCache } from 'lru-cache';
import { catalog } from '@/lib/catalog';
import { dataVersion } from '@/lib/data-version';
import { OPEN_START } from '@/lib/dates';
import type { Dimension, FilterParts } from '@/lib/event-filter';
import { Prisma } from '@/lib/db';
import { matchingSearchRows, searchRowEvents } from '@/lib/sql-dialect';
import { forEachTuple, readColumn, readRows } from '@/lib/sql-reader';

/**
 * The timeline's filter index: what a faceted search engine keeps beside its
 * documents (Lucene's doc values and postings), derived from the database once
 * per data version and answering a filter's total, facet counts, monthly
 * activity and chronological pages without reading every matching row again.
 *
 * Measured at 100,000 events, a facet count in SQL grouped tens of thousands of
 * event–actor rows per request (0.1–1.4 s of the server's one thread); here a
 * filter is one pass over compact arrays of the live events (a few
 * milliseconds), and the database still answers what an index cannot hold
 * cheaply: the text search (its full-text index gives the matching events),
 * relevance ranking and the rows of a page. The database stays the record:
 * the index is rebuilt from it when the data version changes (lib/data-version.ts),
 * by plain SQL that PostgreSQL runs as well.
 */

/** One bit per filter dimension, plus one for a caller's own scope. */
const BIT: Record<Dimension | 'scope', number> = {
  actors: 1 << 0,
  agencies: 1 << 1,
  types: 1 << 2,
  topics: 1 << 3,
  jurisdictions: 1 << 4,
  policies: 1 << 5,
  dates: 1 << 6,
  q: 1 << 7,
  scope: 1 << 8,
};

/** Values of one kind (actor ids, types, …) numbered densely, so events can hold them as small integers. */
class Codes {
  readonly values: string[] = [];
  private readonly byValue = new Map<string, number>();

  code(value: string): number {
    let code = this.byValue.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.byValue.set(value, code);
    }
    return code;
  }

  find(value: string): number | undefined {
    return this.byValue.get(value);
  }
}

/** Lists of small integers per event, packed (compressed sparse rows): list i is values[start[i]..start[i+1]). */
interface PackedLists {
  start: Int32Array;
  values: Int32Array;
}

/** For each value, the events holding it (ascending positions): the postings a filter on that value reads. */
function invert(lists: PackedLists, valueCount: number): PackedLists {
  const counts = new Int32Array(valueCount + 1);
  for (const value of lists.values) counts[value + 1]++;
  for (let value = 0; value < valueCount; value++) counts[value + 1] += counts[value];
  const start = counts.slice();
  const values = new Int32Array(lists.values.length);
  const next = counts.slice(0, valueCount);
  for (let event = 0; event + 1 < lists.start.length; event++) {
    for (let at = lists.start[event]; at < lists.start[event + 1]; at++) values[next[lists.values[at]]++] = event;
  }
  return { start, values };
}

export interface EventIndex {
  version: string;
  /** Live events, numbered by their place in the chronology (oldest first). */
  size: number;
  id: string[];
  slug: string[];
  sortKey: string[];
  latest: string[];
  earliest: string[];
  /** The normalized title and summary (lib/search.ts searchFields), which search ranking compares. */
  title: string[];
  summary: string[];
  position: Map<string, number>;
  type: Int32Array;
  types: Codes;
  jurisdiction: Int32Array;
  jurisdictions: Codes;
  /** -1: no policy. */
  policy: Int32Array;
  policies: Codes;
  /** -1: no start month (dated to a year, or an open start). */
  month: Int32Array;
  months: Codes;
  /** Each policy's live events in the chronology's order (its storyline). */
  policyEvents: PackedLists;
  actors: Codes;
  /** Each event's distinct actors, and each actor's events. */
  eventActors: PackedLists;
  actorEvents: PackedLists;
  /** For each actor, how many live events it took part in under each role (an event counts once a role). */
  actorRoles: Map<number, Map<string, number>>;
  topics: Codes;
  eventTopics: PackedLists;
  topicEvents: PackedLists;
  /** Each event's distinct agencies: every live agency above (or being) one of its live actors. */
  agencies: Codes;
  eventAgencies: PackedLists;
}

/** The chronology's order as SQL (lib/events.ts chronologicalOrder); `compare` below is the same order. */
export const CHRONOLOGICAL_ORDER = Prisma.sql`"Event"."dateSortKey" ASC, "Event"."dateLatest" DESC, "Event"."slug" ASC`;

type EventRow = [
  id: string,
  slug: string,
  type: string,
  jurisdiction: string,
  policyId: string | null,
  dateStartMonth: string | null,
  dateEarliest: string,
  dateLatest: string,
  dateSortKey: string,
  searchTitle: string,
  searchSummary: string,
];

/** Pairs of (event, value) in any order, packed per event, each value once per event. */
function packPairs(size: number, events: number[], values: number[]): PackedLists {
  const start = new Int32Array(size + 1);
  for (const event of events) start[event + 1]++;
  for (let event = 0; event < size; event++) start[event + 1] += start[event];
  const next = start.slice(0, size);
  const packed = new Int32Array(events.length);
  for (let at = 0; at < events.length; at++) packed[next[events[at]]++] = values[at];
  // Drop repeats within each event's (short) list, compacting in place.
  const compact = new Int32Array(size + 1);
  let write = 0;
  for (let event = 0; event < size; event++) {
    const from = write;
    for (let at = start[event]; at < start[event + 1]; at++) {
      let seen = false;
      for (let earlier = from; earlier < write && !seen; earlier++) seen = packed[earlier] === packed[at];
      if (!seen) packed[write++] = packed[at];
    }
    compact[event + 1] = write;
  }
  return { start: compact, values: packed.slice(0, write) };
}

/** The (event, policy) pairs of the events that belong to a policy. */
function eventsWithPolicy(policy: number[]): [number[], number[]] {
  const events: number[] = [];
  const values: number[] = [];
  policy.forEach((code, event) => {
    if (code >= 0) {
      events.push(event);
      values.push(code);
    }
  });
  return [events, values];
}

async function buildIndex(version: string): Promise<EventIndex> {
  const names = await catalog();
  const types = new Codes();
  const jurisdictions = new Codes();
  const policies = new Codes();
  const months = new Codes();
  const position = new Map<string, number>();
  const id: string[] = [];
  const slug: string[] = [];
  const earliest: string[] = [];
  const latest: string[] = [];
  const sortKey: string[] = [];
  const type: number[] = [];
  const jurisdiction: number[] = [];
  const policy: number[] = [];
  const month: number[] = [];
  const title: string[] = [];
  const summary: string[] = [];
  await forEachTuple<EventRow>(Prisma.sql`
      SELECT "id", "slug", "type", "jurisdiction", "policyId", "dateStartMonth", "dateEarliest", "dateLatest", "dateSortKey", "searchTitle", "searchSummary"
      FROM "Event" WHERE "deletedAt" IS NULL ORDER BY ${CHRONOLOGICAL_ORDER}`,
    ([eventId, eventSlug, eventType, eventJurisdiction, policyId, startMonth, dateEarliest, dateLatest, dateSortKey, searchTitle, searchSummary]) => {
    position.set(eventId, id.length);
    id.push(eventId);
    slug.push(eventSlug);
    earliest.push(dateEarliest);
    latest.push(dateLatest);
    sortKey.push(dateSortKey);
    title.push(searchTitle);
    summary.push(searchSummary);
    type.push(types.code(eventType));
    jurisdiction.push(jurisdictions.code(eventJurisdiction));
    policy.push(policyId === null ? -1 : policies.code(policyId));
    month.push(startMonth === null ? -1 : months.code(startMonth));
    },
  );
  const size = id.length;

  /**
   * Links of events to values of one kind, packed per event; links of deleted events are left out. A link's
   * further columns go to `visit` with the value's code.
   */
  const links = async (query: Prisma.Sql, codes: Codes, visit?: (code: number, row: string[]) => void): Promise<PackedLists> => {
    const events: number[] = [];
    const values: number[] = [];
    await forEachTuple<string[]>(query, (row) => {
      const event = position.get(row[0]);
      if (event === undefined) return;
      const code = codes.code(row[1]);
      events.push(event);
      values.push(code);
      visit?.(code, row);
    });
    return packPairs(size, events, values);
  };
  // An actor can hold two roles in one event: the event counts once for it, and once for each of its roles.
  const actors = new Codes();
  const actorRoles = new Map<number, Map<string, number>>();
  const eventActors = await links(Prisma.sql`SELECT "eventId", "actorId", "role" FROM "EventActor"`, actors, (actor, [, , role]) => {
    let roles = actorRoles.get(actor);
    if (!roles) actorRoles.set(actor, (roles = new Map()));
    roles.set(role, (roles.get(role) ?? 0) + 1);
  });
  const topics = new Codes();
  const eventTopics = await links(Prisma.sql`SELECT "eventId", "topicId" FROM "EventTopic"`, topics);

  // The agencies above each actor, from the same tree the agency filter walks (live actors only).
  const agencies = new Codes();
  const agenciesOfActor = new Map<number, number[]>();
  for (const agency of names.actors.filter((actor) => names.isAgency(actor))) {
    const agencyCode = agencies.code(agency.id);
    for (const actorId of names.withDescendants([agency.id])) {
      const actor = actors.find(actorId);
      if (actor !== undefined) agenciesOfActor.set(actor, [...(agenciesOfActor.get(actor) ?? []), agencyCode]);
    }
  }
  const agencyEvents: number[] = [];
  const agencyValues: number[] = [];
  for (let event = 0; event < size; event++) {
    for (let at = eventActors.start[event]; at < eventActors.start[event + 1]; at++) {
      for (const agency of agenciesOfActor.get(eventActors.values[at]) ?? []) {
        agencyEvents.push(event);
        agencyValues.push(agency);
      }
    }
  }

  return {
    version,
    size,
    id,
    slug,
    sortKey,
    latest,
    earliest,
    title,
    summary,
    position,
    type: Int32Array.from(type),
    types,
    jurisdiction: Int32Array.from(jurisdiction),
    jurisdictions,
    policy: Int32Array.from(policy),
    policies,
    policyEvents: invert(packPairs(size, ...eventsWithPolicy(policy)), policies.values.length),
    month: Int32Array.from(month),
    months,
    actors,
    eventActors,
    actorEvents: invert(eventActors, actors.values.length),
    actorRoles,
    topics,
    eventTopics,
    topicEvents: invert(eventTopics, topics.values.length),
    agencies,
    eventAgencies: packPairs(size, agencyEvents, agencyValues),
  };
}

const KEY = Symbol.for('ai-policy-timeline.event-index');
const BUILT = Symbol.for('ai-policy-timeline.event-index.built');
const holder = globalThis as unknown as { [KEY]?: Promise<EventIndex>; [BUILT]?: EventIndex };

/** The index of the current data version, built at most once per version and shared by concurrent requests. */
export async function eventIndex(): Promise<EventIndex> {
  const version = await dataVersion();
  const cached = holder[KEY];
  if (cached) {
    const found = await cached.catch(() => null);
    if (found && found.version === version) return found;
    if (holder[KEY] !== cached) return eventIndex(); // another request is already building the new one
  }
  const building = buildIndex(version);
  holder[KEY] = building;
  building.then(
    (built) => {
      if (holder[KEY] === building) holder[BUILT] = built;
    },
    () => {
      if (holder[KEY] === building) delete holder[KEY];
    },
  );
  return building;
}

/**
 * The index of the current data version when it is built already; otherwise
 * null, and its build starts for the callers that need it. For a page that can
 * answer from the database as well (an event's storyline): right after a save
 * it does not wait a second for the index of 100,000 events.
 */
export async function builtEventIndex(): Promise<EventIndex | null> {
  const version = await dataVersion();
  const built = holder[BUILT];
  if (built?.version === version) return built;
  eventIndex().catch(() => {}); // a failed build is not kept; the next caller starts another
  return null;
}

/** Where a live event stands in its policy's storyline; null when the index is not built yet or does not hold it under that policy. */
export interface StorylinePlace {
  /** From 1. */
  position: number;
  count: number;
  previousId: string | null;
  nextId: string | null;
}

export async function storylinePlace(eventId: string, policyId: string): Promise<StorylinePlace | null> {
  const index = await builtEventIndex();
  if (!index) return null;
  const event = index.position.get(eventId);
  const policy = index.policies.find(policyId);
  if (event === undefined || policy === undefined) return null;
  const { start, values } = index.policyEvents;
  // The storyline's events are in ascending positions: a binary search finds the event among them.
  let low = start[policy];
  let high = start[policy + 1];
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < event) low = middle + 1;
    else high = middle;
  }
  if (low >= start[policy + 1] || values[low] !== event) return null;
  return {
    position: low - start[policy] + 1,
    count: start[policy + 1] - start[policy],
    previousId: low > start[policy] ? index.id[values[low - 1]] : null,
    nextId: low + 1 < start[policy + 1] ? index.id[values[low + 1]] : null,
  };
}

/** How many live events an actor took part in under each role. */
export async function actorRoleCounts(actorId: string): Promise<Map<string, number>> {
  const index = await eventIndex();
  const actor = index.actors.find(actorId);
  return new Map(actor === undefined ? [] : index.actorRoles.get(actor));
}

/**
 * How well each event matches one search term, 0 where no word of it starts
 * with the term: 1, plus 5 when the title contains the term, 2 when the summary
 * does, 1 when it is a whole word (the score lib/search.ts has always given).
 * The database's full-text index finds the events with a word starting with
 * the term, and those with the term as a word; the title and summary are
 * compared here. A term's scores hold for any filter, so they are kept per data
 * version and term, and a search of several terms adds them up.
 */
const termScores = new LRUCache<string, Promise<Uint8Array>>({ max: 64 });

/** The highest score one term can give. */
const MAX_TERM_SCORE = 9;

function scoresOf(index: EventIndex, term: string): Promise<Uint8Array> {
  const key = JSON.stringify([index.version, term]);
  let found = termScores.get(key);
  if (!found) {
    found = (async () => {
      const eventOf = await searchRowsOf(index);
      const scores = new Uint8Array(index.size);
      for (const row of await readColumn<number>(matchingSearchRows(term, 'prefix'))) {
        const event = eventOf[row] ?? -1;
        if (event >= 0) scores[event] = 1 + (index.title[event].includes(term) ? 5 : 0) + (index.summary[event].includes(term) ? 2 : 0);
      }
      for (const row of await readColumn<number>(matchingSearchRows(term, 'word'))) {
        const event = eventOf[row] ?? -1;
        if (event >= 0 && scores[event] > 0) scores[event] += 1;
      }
      return scores;
    })();
    termScores.set(key, found);
    found.catch(() => termScores.delete(key));
  }
  return found;
}

/** The event (its place in the index, -1 for none live) of each full-text index row, read on the version's first search. */
const searchRows = new WeakMap<EventIndex, Promise<Int32Array>>();

function searchRowsOf(index: EventIndex): Promise<Int32Array> {
  let found = searchRows.get(index);
  if (!found) {
    found = readRows<{ id: number; eventId: string }>(searchRowEvents).then((rows) => {
      const eventOf = new Int32Array(rows.reduce((highest, row) => Math.max(highest, row.id), 0) + 1).fill(-1);
      for (const row of rows) eventOf[row.id] = index.position.get(row.eventId) ?? -1;
      return eventOf;
    });
    searchRows.set(index, found);
    found.catch(() => searchRows.delete(index));
  }
  return found;
}

function membership(index: EventIndex, ids: Iterable<string>): Uint8Array {
  const members = new Uint8Array(index.size);
  for (const id of ids) {
    const event = index.position.get(id);
    if (event !== undefined) members[event] = 1;
  }
  return members;
}

function fromPostings(index: EventIndex, codes: Codes, postings: PackedLists, ids: string[]): Uint8Array {
  const members = new Uint8Array(index.size);
  for (const id of ids) {
    const code = codes.find(id);
    if (code === undefined) continue;
    for (let at = postings.start[code]; at < postings.start[code + 1]; at++) members[postings.values[at]] = 1;
  }
  return members;
}

/** Which codes of a kind are wanted, as a lookup array (values the index has never seen match nothing). */
function wanted(codes: Codes, values: string[]): Uint8Array {
  const lookup = new Uint8Array(codes.values.length);
  for (const value of values) {
    const code = codes.find(value);
    if (code !== undefined) lookup[code] = 1;
  }
  return lookup;
}

/**
 * A filter applied to the index: for every live event, the dimensions it fails
 * (one bit each), so that "matches every condition" and "matches every
 * condition but one dimension's" — what a facet of that dimension counts over —
 * are both one test per event.
 */
export interface Selection {
  index: EventIndex;
  failed: Uint16Array;
  /** Each search term's scores (see scoresOf); empty without a search. */
  scores: Uint8Array[];
  /** Events failing no condition. */
  total: number;
}

/**
 * Applies a filter's parts, and optionally a caller's own condition over "Event"
 * (a scope), to the index.
 */
export async function selectEvents(parts: FilterParts, scope?: Prisma.Sql): Promise<Selection> {
  const index = await eventIndex();
  const [scores, scoped] = await Promise.all([
    Promise.all((parts.q ?? []).map((term) => scoresOf(index, term))),
    scope ? readRows<{ id: string }>(Prisma.sql`SELECT "Event"."id" FROM "Event" WHERE ${scope}`).then((rows) => membership(index, rows.map((row) => row.id))) : null,
  ]);
  const actors = parts.actors ? fromPostings(index, index.actors, index.actorEvents, parts.actors) : null;
  const agencies = parts.agencies ? fromPostings(index, index.actors, index.actorEvents, parts.agencies) : null;
  const topics = parts.topics ? fromPostings(index, index.topics, index.topicEvents, parts.topics) : null;
  const types = parts.types ? wanted(index.types, parts.types) : null;
  const jurisdictions = parts.jurisdictions ? wanted(index.jurisdictions, parts.jurisdictions) : null;
  const policies = parts.policies ? wanted(index.policies, parts.policies) : null;
  const from = parts.dates?.from ?? null;
  const to = parts.dates?.to ?? null;
  const dated = Boolean(parts.dates);

  const failed = new Uint16Array(index.size);
  let total = 0;
  for (let event = 0; event < index.size; event++) {
    let bits = 0;
    if (actors && !actors[event]) bits |= BIT.actors;
    if (agencies && !agencies[event]) bits |= BIT.agencies;
    if (topics && !topics[event]) bits |= BIT.topics;
    if (types && !types[index.type[event]]) bits |= BIT.types;
    if (jurisdictions && !jurisdictions[index.jurisdiction[event]]) bits |= BIT.jurisdictions;
    if (policies && (index.policy[event] < 0 || !policies[index.policy[event]])) bits |= BIT.policies;
    if (dated && ((from !== null && index.latest[event] < from) || (to !== null && index.earliest[event] > to))) bits |= BIT.dates;
    for (const termScores of scores) if (termScores[event] === 0) bits |= BIT.q;
    if (scoped && !scoped[event]) bits |= BIT.scope;
    failed[event] = bits;
    if (bits === 0) total++;
  }
  return { index, failed, scores, total };
}

/**
 * Matching event ids best match first — the sum of the terms' scores, ties in
 * chronological order — from `offset`, at most `limit` of them.
 */
export function rankedIds(selection: Selection, offset: number, limit: number): string[] {
  const { index, failed, scores } = selection;
  const sums = new Uint16Array(index.size);
  const perScore = new Int32Array(MAX_TERM_SCORE * scores.length + 1);
  for (let event = 0; event < index.size; event++) {
    if (failed[event] !== 0) continue;
    for (const termScores of scores) sums[event] += termScores[event];
    perScore[sums[event]]++;
  }
  const ids: string[] = [];
  let skip = offset;
  for (let score = perScore.length - 1; score > 0 && ids.length < limit; score--) {
    if (skip >= perScore[score]) {
      skip -= perScore[score];
      continue;
    }
    // This score's events, in chronological order.
    for (let event = 0; event < index.size && ids.length < limit; event++) {
      if (failed[event] !== 0 || sums[event] !== score) continue;
      if (skip > 0) skip--;
      else ids.push(index.id[event]);
    }
  }
  return ids;
}


export interface SortPosition {
  dateSortKey: string;
  dateLatest: string;
  slug: string;
}

/** The chronology's order (lib/events.ts orderSql): sort day ascending, then the wider range first, then slug. */
function compare(index: EventIndex, event: number, position: SortPosition): number {
  const key = index.sortKey[event];
  if (key !== position.dateSortKey) return key < position.dateSortKey ? -1 : 1;
  const latest = index.latest[event];
  if (latest !== position.dateLatest) return latest > position.dateLatest ? -1 : 1;
  const slug = index.slug[event];
  return slug === position.slug ? 0 : slug < position.slug ? -1 : 1;
}

/** The first event that sorts after `position`. */
function firstAfter(index: EventIndex, position: SortPosition): number {
  let low = 0;
  let high = index.size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(index, middle, position) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The first event that sorts on or after the day `sortKey` (`after`: strictly after it). */
function firstFromDay(index: EventIndex, sortKey: string, after: boolean): number {
  let low = 0;
  let high = index.size;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (after ? index.sortKey[middle] <= sortKey : index.sortKey[middle] < sortKey) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Where a page starts: strictly beyond an event's sort position, or at a sort day (a jump to a year or month). */
export type PageStart = { beyond: SortPosition } | { from: string } | null;

/**
 * Up to `limit` matching event ids in chronological order (`asc`) or its
 * reverse, from `start` in that direction: beyond an event, or from the first
 * event sorting on or after a day (`asc`) or the last sorting on or before it.
 */
export function chronologicalIds(selection: Selection, direction: 'asc' | 'desc', start: PageStart, limit: number): string[] {
  const { index, failed } = selection;
  const ids: string[] = [];
  if (direction === 'asc') {
    const first = !start ? 0 : 'beyond' in start ? firstAfter(index, start.beyond) : firstFromDay(index, start.from, false);
    for (let event = first; event < index.size && ids.length < limit; event++) {
      if (failed[event] === 0) ids.push(index.id[event]);
    }
  } else {
    let event = index.size - 1;
    if (start && 'beyond' in start) {
      // The last event sorting before the edge: everything before the first that sorts at or after it.
      event = firstAfter(index, start.beyond) - 1;
      while (event >= 0 && compare(index, event, start.beyond) >= 0) event--;
    } else if (start) event = firstFromDay(index, start.from, true) - 1;
    for (; event >= 0 && ids.length < limit; event--) {
      if (failed[event] === 0) ids.push(index.id[event]);
    }
  }
  return ids;
}

/** How many matching events come before this one when reading in `direction`. */
export function matchesBefore(selection: Selection, eventId: string, direction: 'asc' | 'desc'): number {
  const { index, failed } = selection;
  const at = index.position.get(eventId);
  if (at === undefined) return 0;
  let count = 0;
  const [from, to] = direction === 'asc' ? [0, at] : [at + 1, index.size];
  for (let event = from; event < to; event++) if (failed[event] === 0) count++;
  return count;
}

/** Events per start month and type, and those without a month, among the matching events. */
export function activityCounts(selection: Selection): { byMonth: Map<string, Map<string, number>>; yearOnly: number; openStart: number } {
  const { index, failed } = selection;
  const counts = new Int32Array(index.months.values.length * index.types.values.length);
  const typeCount = index.types.values.length;
  let withoutMonth = 0;
  let openStart = 0;
  for (let event = 0; event < index.size; event++) {
    if (failed[event] !== 0) continue;
    const month = index.month[event];
    if (month >= 0) counts[month * typeCount + index.type[event]]++;
    else {
      withoutMonth++;
      if (index.earliest[event] === OPEN_START) openStart++;
    }
  }
  const byMonth = new Map<string, Map<string, number>>();
  index.months.values.forEach((month, monthCode) => {
    for (let typeCode = 0; typeCode < typeCount; typeCode++) {
      const count = counts[monthCode * typeCount + typeCode];
      if (count === 0) continue;
      const byType = byMonth.get(month) ?? new Map<string, number>();
      byType.set(index.types.values[typeCode], count);
      byMonth.set(month, byType);
    }
  });
  return { byMonth, yearOnly: withoutMonth - openStart, openStart };
}

export type FacetDimension = 'types' | 'actors' | 'agencies' | 'topics' | 'jurisdictions' | 'policies';

/**
 * For each facet, how many matching events each value has — counting, for a
 * facet of a dimension the filter narrows, the events matching every other
 * condition (a facet's own choices combine with OR). Values are ids (actors,
 * agencies, topics, policies) or the stored text (types, jurisdictions).
 */
export function facetCounts(selection: Selection, facets: FacetDimension[], active: Dimension[]): Map<FacetDimension, Map<string, number>> {
  const { index, failed } = selection;
  const result = new Map<FacetDimension, Map<string, number>>();
  for (const facet of facets) {
    const ignored = active.includes(facet) ? BIT[facet] : 0;
    const counts = new Int32Array(codesOf(index, facet).values.length);
    for (let event = 0; event < index.size; event++) {
      if ((failed[event] & ~ignored) !== 0) continue;
      switch (facet) {
        case 'types':
          counts[index.type[event]]++;
          break;
        case 'jurisdictions':
          counts[index.jurisdiction[event]]++;
          break;
        case 'policies':
          if (index.policy[event] >= 0) counts[index.policy[event]]++;
          break;
        default: {
          const lists = facet === 'actors' ? index.eventActors : facet === 'topics' ? index.eventTopics : index.eventAgencies;
          for (let at = lists.start[event]; at < lists.start[event + 1]; at++) counts[lists.values[at]]++;
        }
      }
    }
    const values = codesOf(index, facet).values;
    result.set(facet, new Map(values.flatMap((value, code) => (counts[code] > 0 ? [[value, counts[code]] as const] : []))));
  }
  return result;
}

function codesOf(index: EventIndex, facet: FacetDimension): Codes {
  switch (facet) {
    case 'types':
      return index.types;
    case 'jurisdictions':
      return index.jurisdictions;
    case 'policies':
      return index.policies;
    case 'actors':
      return index.actors;
    case 'topics':
      return index.topics;
    case 'agencies':
      return index.agencies;
  }
}
