import { Prisma } from '@/lib/db';
import { POLICY_PAGE_SIZE, STATUS_TYPES, type PolicyIndexQuery, type PolicyStatusFilter } from '@/lib/index-queries';
import { distinctValues, unitSeparator } from '@/lib/sql-dialect';
import { readRow, readRows } from '@/lib/sql-reader';
import { versionCache } from '@/lib/version-cache';
import { POLICY_STATUS_BY_EVENT_TYPE, type EventType } from '@/lib/vocabulary';

export interface PolicyStatus {
  label: string;
  /** The event the status comes from. */
  since: { slug: string; title: string; date: string };
}

const STATUS_EVENT_TYPES = Object.keys(POLICY_STATUS_BY_EVENT_TYPE) as EventType[];

/**
 * A policy stands where its latest status-bearing event left it; commentary
 * (statements, lobbying, hearings) does not move it.
 */
export async function getPolicyStatus(policyId: string): Promise<PolicyStatus | null> {
  // The latest status-changing event in the chronology's order, read backwards.
  const latest = await readRow<{ slug: string; title: string; date: string; type: string }>(Prisma.sql`
    SELECT "slug", "title", "date", "type" FROM "Event"
    WHERE "policyId" = ${policyId} AND "deletedAt" IS NULL AND "type" IN (${Prisma.join(STATUS_EVENT_TYPES)})
    ORDER BY "dateSortKey" DESC, "dateLatest" ASC, "slug" DESC LIMIT 1`);
  const label = latest ? POLICY_STATUS_BY_EVENT_TYPE[latest.type as EventType] : undefined;
  return latest && label ? { label, since: { slug: latest.slug, title: latest.title, date: latest.date } } : null;
}

export interface PolicyIndexEvent {
  slug: string;
  title: string;
  date: string;
}

export interface PolicyIndexEntry {
  slug: string;
  title: string;
  /** Set when another live policy has the same title: what tells them apart ("US, 2025", or the slug). */
  distinction: string | null;
  status: { type: EventType; label: string } | null;
  /** The jurisdictions of its live events, alphabetical (usually one). */
  jurisdictions: string[];
  eventCount: number;
  first: PolicyIndexEvent | null;
  latest: PolicyIndexEvent | null;
}

export interface PolicyIndex {
  query: PolicyIndexQuery;
  policies: PolicyIndexEntry[];
  /** Policies matching the filter, on every page. */
  total: number;
  pageCount: number;
  /** Filter choices with their number of policies, whatever else is chosen. */
  statuses: Array<{ value: PolicyStatusFilter; label: string; count: number }>;
  jurisdictions: Array<{ value: string; count: number }>;
}

export const NO_STATUS_LABEL = 'No status yet';

/**
 * Every live policy's event count, first and latest event, latest status-setting
 * event and jurisdictions, aggregated by the database in one pass over the live
 * events that belong to a policy: each event is ranked within its policy from
 * the first and from the last (the chronology's order, lib/events.ts), and
 * among the status-setting ones from the last. One pass costs ~0.3 s at
 * 100,000 events, where per-policy look-ups cost ~3 s; it runs once per data
 * version (summariesCache) and every index page is cut from its result.
 */
const policyAggregates = () => Prisma.sql`
  WITH "Ranked" AS (
    SELECT "policyId", "slug", "date", "title", "type", "jurisdiction", "dateSortKey",
      ROW_NUMBER() OVER (PARTITION BY "policyId" ORDER BY "dateSortKey" ASC, "dateLatest" DESC, "slug" ASC) AS "fromFirst",
      ROW_NUMBER() OVER (PARTITION BY "policyId" ORDER BY "dateSortKey" DESC, "dateLatest" ASC, "slug" DESC) AS "fromLast",
      ROW_NUMBER() OVER (PARTITION BY "policyId", "type" IN (${Prisma.join(STATUS_TYPES)}) ORDER BY "dateSortKey" DESC, "dateLatest" ASC, "slug" DESC) AS "fromLastOfKind"
    FROM "Event" WHERE "deletedAt" IS NULL AND "policyId" IS NOT NULL
  )
  SELECT "policyId", COUNT(*) AS "eventCount",
    MAX(CASE WHEN "fromFirst" = 1 THEN "slug" || ${unitSeparator()} || "date" || ${unitSeparator()} || "title" END) AS "firstEvent",
    MAX(CASE WHEN "fromFirst" = 1 THEN substr("dateSortKey", 1, 4) END) AS "firstYear",
    MAX(CASE WHEN "fromLast" = 1 THEN "slug" || ${unitSeparator()} || "date" || ${unitSeparator()} || "title" END) AS "latestEvent",
    MAX(CASE WHEN "fromLastOfKind" = 1 AND "type" IN (${Prisma.join(STATUS_TYPES)}) THEN "type" END) AS "statusType",
    ${distinctValues(Prisma.sql`"jurisdiction"`)} AS "jurisdictions"
  FROM "Ranked" GROUP BY "policyId"`;

type AggregateRow = {
  policyId: string;
  eventCount: number;
  firstEvent: string | null;
  firstYear: string | null;
  latestEvent: string | null;
  statusType: string | null;
  jurisdictions: string | null;
};

interface PolicySummaries {
  /** By title, then first year, then slug. */
  entries: Array<PolicyIndexEntry & { statusFilter: PolicyStatusFilter }>;
  statuses: PolicyIndex['statuses'];
  jurisdictions: PolicyIndex['jurisdictions'];
}

function indexEvent(joined: string | null): PolicyIndexEvent | null {
  if (joined === null) return null;
  const [slug, date, ...title] = joined.split('\u001f');
  return { slug, date, title: title.join('\u001f') };
}

/** Code-unit order, as SQLite's BINARY collation sorts (and as the rest of the site lists titles). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function readPolicySummaries(): Promise<PolicySummaries> {
  const [policies, aggregates] = await Promise.all([
    readRows<{ id: string; slug: string; title: string }>(Prisma.sql`SELECT "id", "slug", "title" FROM "Policy" WHERE "deletedAt" IS NULL`),
    readRows<AggregateRow>(policyAggregates()),
  ]);
  const aggregateOf = new Map(aggregates.map((row) => [row.policyId, row]));
  const rows = policies.map((policy) => {
    const row = aggregateOf.get(policy.id);
    const type = (row?.statusType ?? null) as EventType | null;
    const label = type ? POLICY_STATUS_BY_EVENT_TYPE[type] : undefined;
    return {
      slug: policy.slug,
      title: policy.title,
      firstYear: row?.firstYear ?? null,
      status: type && label ? { type, label } : null,
      jurisdictions: row?.jurisdictions ? row.jurisdictions.split(',').sort(byText) : [],
      eventCount: Number(row?.eventCount ?? 0),
      first: indexEvent(row?.firstEvent ?? null),
      latest: indexEvent(row?.latestEvent ?? null),
    };
  });
  // Titles shared by several policies, and titles shared with the same places and first year too.
  const count = (keys: string[]) => keys.reduce((counts, key) => counts.set(key, (counts.get(key) ?? 0) + 1), new Map<string, number>());
  const placeKey = (row: (typeof rows)[number]) => JSON.stringify([row.title, row.jurisdictions, row.firstYear]);
  const sameTitle = count(rows.map((row) => row.title));
  const samePlace = count(rows.map(placeKey));
  const distinction = (row: (typeof rows)[number]): string | null => {
    if ((sameTitle.get(row.title) ?? 0) < 2) return null;
    if ((samePlace.get(placeKey(row)) ?? 0) > 1 || (row.jurisdictions.length === 0 && !row.firstYear)) return row.slug;
    return [...row.jurisdictions, ...(row.firstYear ? [`from ${Number(row.firstYear)}`] : [])].join(', ');
  };
  const entries = rows
    .sort((a, b) => byText(a.title, b.title) || byText(a.firstYear ?? '', b.firstYear ?? '') || byText(a.slug, b.slug))
    .map((row) => {
      const { firstYear: _firstYear, ...entry } = row;
      return { ...entry, distinction: distinction(row), statusFilter: row.status?.type ?? ('none' as const) };
    });
  const statusCounts = count(entries.map((entry) => entry.statusFilter));
  const jurisdictionCounts = count(entries.flatMap((entry) => entry.jurisdictions));
  return {
    entries,
    statuses: [...STATUS_TYPES, 'none' as const].flatMap((value) => {
      const found = statusCounts.get(value);
      return found ? [{ value, label: value === 'none' ? NO_STATUS_LABEL : (POLICY_STATUS_BY_EVENT_TYPE[value] ?? value), count: found }] : [];
    }),
    jurisdictions: [...jurisdictionCounts].sort(([a], [b]) => byText(a, b)).map(([value, found]) => ({ value, count: found })),
  };
}

const summariesCache = versionCache<PolicySummaries>('policy-summaries', 2);
const policyIndexCache = versionCache<PolicyIndex>('policy-index', 100);

async function readPolicyIndex(query: PolicyIndexQuery): Promise<PolicyIndex> {
  const summaries = await summariesCache('all', readPolicySummaries);
  const matching = summaries.entries.filter(
    (entry) => (!query.status || entry.statusFilter === query.status) && (!query.jurisdiction || entry.jurisdictions.includes(query.jurisdiction)),
  );
  const offset = (query.page - 1) * POLICY_PAGE_SIZE;
  return {
    query,
    policies: matching.slice(offset, offset + POLICY_PAGE_SIZE).map(({ statusFilter: _statusFilter, ...entry }) => entry),
    total: matching.length,
    pageCount: Math.max(1, Math.ceil(matching.length / POLICY_PAGE_SIZE)),
    statuses: summaries.statuses,
    jurisdictions: summaries.jurisdictions,
  };
}

/**
 * A page of the policies index, with its filter choices: cut from the
 * policies' summaries (aggregated by the database once per data version),
 * each query's page kept per data version too.
 */
export function listPolicyIndex(query: PolicyIndexQuery): Promise<PolicyIndex> {
  return policyIndexCache(query, () => readPolicyIndex(query));
}

export interface PolicyDetail {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: PolicyStatus | null;
}

export async function getPolicyBySlug(slug: string): Promise<PolicyDetail | null> {
  const policy = await readRow<{ id: string; slug: string; title: string; summary: string }>(
    Prisma.sql`SELECT "id", "slug", "title", "summary" FROM "Policy" WHERE "slug" = ${slug} AND "deletedAt" IS NULL`,
  );
  if (!policy) return null;
  return { ...policy, status: await getPolicyStatus(policy.id) };
}
