import { z } from 'zod';
import { isSlug } from '@/lib/slugs';

/**
 * The chronology's filters live in the URL so any view can be shared. This
 * module turns query parameters into a filter — never throwing: a value that
 * makes no sense becomes a notice and is ignored — and back into a URL.
 */

export const ORDERS = ['asc', 'desc'] as const;
export type Order = (typeof ORDERS)[number];
export const PAGE_SIZE = 50;
export const MAX_FILTER_VALUES = 20;

export interface EventFilter {
  /** Events involving any of these actors (slugs). */
  actors: string[];
  /** Events involving any of these agencies or their sub-agencies (slugs). */
  agencies: string[];
}

export interface TimelineQuery {
  filter: EventFilter;
  order: Order;
  /** Keyset cursors: the slug of the last event of the previous page, or the first of the next. */
  after: string | null;
  before: string | null;
}

export type SearchParams = Record<string, string | string[] | undefined>;

export interface ParsedTimelineQuery {
  query: TimelineQuery;
  notices: string[];
}

const orderSchema = z.enum(ORDERS);

function values(params: SearchParams, key: string): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((value) => value.trim()).filter((value) => value !== '');
}

function slugList(params: SearchParams, key: string, label: string, notices: string[]): string[] {
  const slugs: string[] = [];
  for (const value of values(params, key)) {
    if (!isSlug(value)) notices.push(`Ignored ${label} "${truncate(value)}": not a valid identifier.`);
    else if (!slugs.includes(value)) slugs.push(value);
  }
  if (slugs.length > MAX_FILTER_VALUES) {
    notices.push(`Only the first ${MAX_FILTER_VALUES} ${label} filters are used.`);
    return slugs.slice(0, MAX_FILTER_VALUES);
  }
  return slugs;
}

function singleSlug(params: SearchParams, key: string, notices: string[]): string | null {
  const [value] = values(params, key);
  if (value === undefined) return null;
  if (isSlug(value)) return value;
  notices.push('Ignored a page position that is not valid; showing the first page.');
  return null;
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export function parseTimelineQuery(params: SearchParams): ParsedTimelineQuery {
  const notices: string[] = [];
  const actors = slugList(params, 'actor', 'actor', notices);
  const agencies = slugList(params, 'agency', 'agency', notices);

  const [rawOrder] = values(params, 'order');
  const parsedOrder = orderSchema.safeParse(rawOrder ?? 'asc');
  if (!parsedOrder.success) notices.push(`Ignored order "${truncate(rawOrder ?? '')}": use "asc" or "desc".`);

  let after = singleSlug(params, 'after', notices);
  let before = singleSlug(params, 'before', notices);
  if (after && before) {
    notices.push('Ignored a page position that is not valid; showing the first page.');
    after = null;
    before = null;
  }

  return {
    query: { filter: { actors, agencies }, order: parsedOrder.success ? parsedOrder.data : 'asc', after, before },
    notices,
  };
}

export function isFilterActive(filter: EventFilter): boolean {
  return filter.actors.length > 0 || filter.agencies.length > 0;
}

/** The URL of a timeline view; pagination cursors are dropped unless given, since they belong to one view. */
export function timelineHref(
  query: Pick<TimelineQuery, 'filter' | 'order'> & Partial<Pick<TimelineQuery, 'after' | 'before'>>,
  basePath = '/',
): string {
  const params = new URLSearchParams();
  for (const actor of query.filter.actors) params.append('actor', actor);
  for (const agency of query.filter.agencies) params.append('agency', agency);
  if (query.order !== 'asc') params.set('order', query.order);
  if (query.after) params.set('after', query.after);
  if (query.before) params.set('before', query.before);
  const search = params.toString();
  return search ? `${basePath}?${search}` : basePath;
}

export function withoutValue(filter: EventFilter, key: keyof EventFilter, value: string): EventFilter {
  return { ...filter, [key]: filter[key].filter((item) => item !== value) };
}
