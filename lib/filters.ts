import { withoutControlCharacters } from '@/lib/characters';
import { parseEdtf } from '@/lib/dates';
import { jurisdictionSchema } from '@/lib/fields';
import { MAX_QUERY_LENGTH } from '@/lib/search';
import { isSlug } from '@/lib/slugs';
import { EVENT_TYPE_LABELS, isEventType, type EventType } from '@/lib/vocabulary';

/**
 * The chronology's filters live in the URL so any view can be shared. This
 * module turns query parameters into a filter — never throwing: a value that
 * makes no sense becomes a notice and is ignored — and back into a URL. Every
 * view of events (pages, feeds, exports, the API) reads its filter here.
 */

export const ORDERS = ['asc', 'desc', 'relevance'] as const;
export type Order = (typeof ORDERS)[number];
export const PAGE_SIZE = 50;
export const MAX_FILTER_VALUES = 20;
/** Notices shown for one view; the rest are counted in one last notice. */
export const MAX_NOTICES = 10;
/** Repeated values of one parameter read at most; the rest are ignored unread. */
export const MAX_READ_VALUES = 100;
const MAX_PAGE = 10_000;

export interface EventFilter {
  /** Events involving any of these actors (slugs). */
  actors: string[];
  /** Events involving any of these agencies or their sub-agencies (slugs). */
  agencies: string[];
  types: EventType[];
  topics: string[];
  jurisdictions: string[];
  policies: string[];
  /** Date window as typed (YYYY, YYYY-MM or YYYY-MM-DD); an event matches when its date range overlaps it. */
  from: string | null;
  to: string | null;
  /** Text search over titles, summaries, quotes, actor names and aliases. */
  q: string | null;
}

export const EMPTY_FILTER: EventFilter = {
  actors: [],
  agencies: [],
  types: [],
  topics: [],
  jurisdictions: [],
  policies: [],
  from: null,
  to: null,
  q: null,
};

export interface TimelineQuery {
  filter: EventFilter;
  order: Order;
  /** Keyset cursors for chronological order: the slug at the edge of the neighbouring page. */
  after: string | null;
  before: string | null;
  /** Page number, for relevance order (search results are ranked, not cut by date). */
  page: number;
  /**
   * A jump: the page starts where this year or month (YYYY or YYYY-MM) begins in
   * the chronological order. A position, not a filter: every event stays listed.
   */
  at?: string | null;
}

type Chronological = Exclude<Order, 'relevance'>;

/**
 * The order a list opens in when the URL names none. The chronology at `/`
 * opens newest first, as trackers and news timelines do: readers come for what
 * happened last. An actor's record, a policy's storyline, the feeds and
 * exports read oldest first, as a story is told.
 */
export function defaultOrderFor(basePath: string): Chronological {
  return basePath === '/' ? 'desc' : 'asc';
}

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ParsedTimelineQuery {
  query: TimelineQuery;
  notices: string[];
}

/**
 * Collects notices, keeping the first MAX_NOTICES: a URL with a thousand bad
 * values gets ten notices and a count, not a thousand.
 */
class Notices {
  private readonly shown: string[] = [];
  private hidden = 0;

  push(notice: string): void {
    if (this.shown.length < MAX_NOTICES) this.shown.push(notice);
    else this.hidden++;
  }

  /** Values ignored without being read one by one. */
  skip(count: number): void {
    this.hidden += count;
  }

  list(): string[] {
    if (this.hidden === 0) return this.shown;
    return [...this.shown, `…and ${this.hidden.toLocaleString('en-US')} more ignored value${this.hidden === 1 ? '' : 's'}.`];
  }
}

function values(params: SearchParams, key: string, notices: Notices): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list.length > MAX_READ_VALUES) notices.skip(list.length - MAX_READ_VALUES);
  return list
    .slice(0, MAX_READ_VALUES)
    .map((value) => value.trim())
    .filter((value) => value !== '');
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** Repeatable values that each must pass `accept`; duplicates dropped, at most MAX_FILTER_VALUES. */
function list<T extends string>(
  params: SearchParams,
  key: string,
  label: string,
  notices: Notices,
  accept: (value: string) => T | null,
  why: string,
): T[] {
  const accepted: T[] = [];
  for (const value of values(params, key, notices)) {
    const parsed = accept(value);
    if (parsed === null) notices.push(`Ignored ${label} "${truncate(value)}": ${why}.`);
    else if (!accepted.includes(parsed)) accepted.push(parsed);
  }
  if (accepted.length > MAX_FILTER_VALUES) {
    notices.push(`Only the first ${MAX_FILTER_VALUES} ${label} filters are used.`);
    return accepted.slice(0, MAX_FILTER_VALUES);
  }
  return accepted;
}

const asSlug = (value: string) => (isSlug(value) ? value : null);
const asType = (value: string) => (isEventType(value) ? value : null);
const asJurisdiction = (value: string) => {
  const parsed = jurisdictionSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
};

const PLAIN_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** The first (for `from`) or last (for `to`) day a plain YYYY, YYYY-MM or YYYY-MM-DD covers, or null if invalid. */
export function dateBound(value: string, side: 'from' | 'to'): string | null {
  if (!PLAIN_DATE.test(value)) return null;
  const parsed = parseEdtf(value);
  if (!parsed.ok) return null;
  return side === 'from' ? parsed.date.earliest : parsed.date.latest;
}

function dateWindow(params: SearchParams, notices: Notices): { from: string | null; to: string | null } {
  const bound = (side: 'from' | 'to') => {
    const [value] = values(params, side, notices);
    if (value === undefined) return null;
    if (dateBound(value, side) === null) {
      notices.push(`Ignored ${side}="${truncate(value)}": use a real date as YYYY, YYYY-MM or YYYY-MM-DD.`);
      return null;
    }
    return value;
  };
  const from = bound('from');
  const to = bound('to');
  if (from && to && dateBound(to, 'to')! < dateBound(from, 'from')!) {
    notices.push(`Ignored the date window: "to" (${to}) is before "from" (${from}).`);
    return { from: null, to: null };
  }
  return { from, to };
}

function pagePosition(params: SearchParams, key: 'after' | 'before', notices: Notices): string | null {
  const [value] = values(params, key, notices);
  if (value === undefined) return null;
  if (isSlug(value)) return value;
  notices.push('Ignored a page position that is not valid; showing the first page.');
  return null;
}

/** The order a view applies: relevance only while a usable search remains, else the chronology's default. */
export function appliedOrder(requested: Order, appliedSearch: string | null, chronological: Chronological = 'asc'): Order {
  return appliedSearch || requested !== 'relevance' ? requested : chronological;
}

const JUMP = /^\d{4}(-\d{2})?$/;

/** Reads `at` (a jump to a year or month) and the other parameters; `chronological` is the order used when none is asked for. */
export function parseTimelineQuery(params: SearchParams, { chronological = 'asc' }: { chronological?: Chronological } = {}): ParsedTimelineQuery {
  const notices = new Notices();
  // A control character in a search is dropped: it cannot be part of any text that could match.
  const [rawQuery] = values(params, 'q', notices);
  const query = rawQuery ? withoutControlCharacters(rawQuery).slice(0, MAX_QUERY_LENGTH).trim() : '';
  const q = query || null;
  const filter: EventFilter = {
    actors: list(params, 'actor', 'actor', notices, asSlug, 'not a valid identifier'),
    agencies: list(params, 'agency', 'agency', notices, asSlug, 'not a valid identifier'),
    types: list(params, 'type', 'type', notices, asType, `not an event type (${Object.keys(EVENT_TYPE_LABELS).join(', ')})`),
    topics: list(params, 'topic', 'topic', notices, asSlug, 'not a valid identifier'),
    jurisdictions: list(params, 'jurisdiction', 'jurisdiction', notices, asJurisdiction, 'use a code such as US, US-CA, EU or INTL'),
    policies: list(params, 'policy', 'policy', notices, asSlug, 'not a valid identifier'),
    ...dateWindow(params, notices),
    q,
  };

  const [rawOrder] = values(params, 'order', notices);
  const defaultOrder: Order = q ? 'relevance' : chronological;
  let order: Order = defaultOrder;
  if (rawOrder !== undefined) {
    if ((ORDERS as readonly string[]).includes(rawOrder) && (rawOrder !== 'relevance' || q)) order = rawOrder as Order;
    else notices.push(`Ignored order "${truncate(rawOrder)}": use "asc" or "desc"${q ? ' or "relevance"' : ''}.`);
  }

  let after = pagePosition(params, 'after', notices);
  let before = pagePosition(params, 'before', notices);
  if (after && before) {
    notices.push('Ignored a page position that is not valid; showing the first page.');
    after = null;
    before = null;
  }
  const [rawPage] = values(params, 'page', notices);
  let page = 1;
  if (rawPage !== undefined) {
    const number = Number(rawPage);
    if (Number.isInteger(number) && number >= 1 && number <= MAX_PAGE) page = number;
    else notices.push(`Ignored page "${truncate(rawPage)}": not a page number.`);
  }
  const [rawAt] = values(params, 'at', notices);
  let at: string | null = null;
  if (rawAt !== undefined) {
    if (JUMP.test(rawAt) && dateBound(rawAt, 'from') !== null) at = rawAt;
    else notices.push(`Ignored at="${truncate(rawAt)}": jump to a year or month as YYYY or YYYY-MM.`);
  }
  // A page position already says where the page starts; a jump only applies without one.
  if (after || before) at = null;
  return { query: { filter, order, after, before, page, at }, notices: notices.list() };
}

export function isFilterActive(filter: EventFilter): boolean {
  return (
    filter.actors.length > 0 ||
    filter.agencies.length > 0 ||
    filter.types.length > 0 ||
    filter.topics.length > 0 ||
    filter.jurisdictions.length > 0 ||
    filter.policies.length > 0 ||
    filter.from !== null ||
    filter.to !== null ||
    filter.q !== null
  );
}

/** The filter as query parameters, in a stable order (shared by every link, feed and export of a view). */
export function filterParams(filter: EventFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.q) params.set('q', filter.q);
  for (const actor of filter.actors) params.append('actor', actor);
  for (const agency of filter.agencies) params.append('agency', agency);
  for (const type of filter.types) params.append('type', type);
  for (const topic of filter.topics) params.append('topic', topic);
  for (const jurisdiction of filter.jurisdictions) params.append('jurisdiction', jurisdiction);
  for (const policy of filter.policies) params.append('policy', policy);
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  return params;
}

/** The URL of a timeline view; page positions are dropped unless given, since they belong to one view. */
export function timelineHref(
  query: { filter: EventFilter; order: Order } & Partial<Pick<TimelineQuery, 'after' | 'before' | 'page' | 'at'>>,
  basePath = '/',
): string {
  const params = filterParams(query.filter);
  const defaultOrder: Order = query.filter.q ? 'relevance' : defaultOrderFor(basePath);
  if (query.order !== defaultOrder) params.set('order', query.order);
  if (query.at) params.set('at', query.at);
  if (query.after) params.set('after', query.after);
  if (query.before) params.set('before', query.before);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

/**
 * The query string of a request without its empty parameters (a plain GET
 * form sends every field, `q=&from=&to=`) and without an order that is the
 * default; null when there is nothing to drop. Values are kept as sent, so a
 * nonsense value still reaches its notice.
 */
export function cleanSearch(params: SearchParams, basePath = '/'): string | null {
  const clean = new URLSearchParams();
  let dropped = false;
  const hasSearch = [params.q].flat().some((value) => typeof value === 'string' && value.trim() !== '');
  const defaultOrder: Order = hasSearch ? 'relevance' : defaultOrderFor(basePath);
  for (const [key, raw] of Object.entries(params)) {
    for (const value of [raw].flat()) {
      if (value === undefined) continue;
      if (value.trim() === '' || (key === 'order' && value === defaultOrder)) dropped = true;
      else clean.append(key, value);
    }
  }
  return dropped ? clean.toString() : null;
}

type ListKey = 'actors' | 'agencies' | 'types' | 'topics' | 'jurisdictions' | 'policies';

/** The filter without one value of a repeatable filter, or without the date window or search. */
export function withoutValue(filter: EventFilter, key: ListKey | 'from' | 'to' | 'q', value?: string): EventFilter {
  if (key === 'from' || key === 'to' || key === 'q') return { ...filter, [key]: null };
  return { ...filter, [key]: (filter[key] as string[]).filter((item) => item !== value) };
}
