import { jurisdictionSchema } from '@/lib/fields';
import type { SearchParams } from '@/lib/filters';
import { ACTOR_KINDS, isActorKind, POLICY_STATUS_BY_EVENT_TYPE, type ActorKind, type EventType } from '@/lib/vocabulary';

/**
 * The queries of the two indexes, /policies and /actors, read from the URL:
 * every filter is a plain GET parameter, so a filtered index is a link and
 * the filter form works without JavaScript. Anything unusable is dropped and
 * the index shows its unfiltered page instead of failing.
 */

export const POLICY_PAGE_SIZE = 50;
export const ACTOR_PAGE_SIZE = 60;
/** Longer searches are cut: no name is longer, and the query stays cheap. */
export const MAX_INDEX_SEARCH = 100;
/** Deeper pages are answered as the last one a reader could reach by links. */
const MAX_PAGE = 10_000;

/** A status filter: an event type that sets a policy's status, or `none` for policies without one yet. */
export type PolicyStatusFilter = EventType | 'none';
export const STATUS_TYPES = Object.keys(POLICY_STATUS_BY_EVENT_TYPE) as EventType[];

export interface PolicyIndexQuery {
  status: PolicyStatusFilter | null;
  jurisdiction: string | null;
  page: number;
}

export interface ActorIndexQuery {
  q: string | null;
  kinds: ActorKind[];
  page: number;
}

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);
const all = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function pageOf(params: SearchParams): number {
  const raw = first(params.page);
  if (!raw || !/^\d{1,6}$/.test(raw)) return 1;
  return Math.min(Math.max(Number(raw), 1), MAX_PAGE);
}

export function parsePolicyIndexQuery(params: SearchParams): PolicyIndexQuery {
  const status = first(params.status)?.trim() ?? '';
  const jurisdiction = jurisdictionSchema.safeParse(first(params.jurisdiction)?.trim() ?? '');
  return {
    status: status === 'none' || (STATUS_TYPES as string[]).includes(status) ? (status as PolicyStatusFilter) : null,
    jurisdiction: jurisdiction.success && jurisdiction.data !== '' ? jurisdiction.data : null,
    page: pageOf(params),
  };
}

export function parseActorIndexQuery(params: SearchParams): ActorIndexQuery {
  const q = (first(params.q) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_INDEX_SEARCH);
  const kinds = ACTOR_KINDS.filter((kind) => all(params.kind).some((value) => isActorKind(value) && value === kind));
  return { q: q === '' ? null : q, kinds, page: pageOf(params) };
}

/** The index's URL: only the parameters in use, in a fixed order, page 1 left out. */
export function policyIndexHref(query: Partial<PolicyIndexQuery>): string {
  const params = new URLSearchParams();
  if (query.status) params.set('status', query.status);
  if (query.jurisdiction) params.set('jurisdiction', query.jurisdiction);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/policies?${search}` : '/policies';
}

export function actorIndexHref(query: Partial<ActorIndexQuery>): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  for (const kind of query.kinds ?? []) params.append('kind', kind);
  if (query.page && query.page > 1) params.set('page', String(query.page));
  const search = params.toString();
  return search ? `/actors?${search}` : '/actors';
}
