import { Prisma } from '@/lib/generated/prisma/client';
import { POLICY_PAGE_SIZE, STATUS_TYPES, type PolicyIndexQuery, type PolicyStatusFilter } from '@/lib/index-queries';
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

/** The chronology's order of a policy's events (lib/events.ts), first to last and last to first. */
const FIRST_EVENT = Prisma.sql`ORDER BY "E"."dateSortKey" ASC, "E"."dateLatest" DESC, "E"."slug" ASC LIMIT 1`;
const LATEST_EVENT = Prisma.sql`ORDER BY "E"."dateSortKey" DESC, "E"."dateLatest" ASC, "E"."slug" DESC LIMIT 1`;
const LIVE_EVENT_OF_POLICY = Prisma.sql`FROM "Event" AS "E" WHERE "E"."policyId" = "Policy"."id" AND "E"."deletedAt" IS NULL`;

/**
 * Every live policy with what the index shows of it, each value an indexed
 * lookup among its own events ("Event"(policyId, dateSortKey)): the count,
 * the first and the latest event, the latest status-setting event's type and
 * its jurisdictions. `same*` count the live policies sharing its title, and
 * its title, jurisdictions and first year, to tell colliding titles apart.
 */
const POLICY_SUMMARY = Prisma.sql`
  WITH "Summary" AS (
    SELECT "Policy"."id", "Policy"."slug", "Policy"."title",
      (SELECT COUNT(*) ${LIVE_EVENT_OF_POLICY}) AS "eventCount",
      (SELECT "E"."slug" || char(31) || "E"."date" || char(31) || "E"."title" ${LIVE_EVENT_OF_POLICY} ${FIRST_EVENT}) AS "firstEvent",
      (SELECT "E"."slug" || char(31) || "E"."date" || char(31) || "E"."title" ${LIVE_EVENT_OF_POLICY} ${LATEST_EVENT}) AS "latestEvent",
      (SELECT substr("E"."dateSortKey", 1, 4) ${LIVE_EVENT_OF_POLICY} ${FIRST_EVENT}) AS "firstYear",
      (SELECT "E"."type" ${LIVE_EVENT_OF_POLICY} AND "E"."type" IN (${Prisma.join(STATUS_TYPES)}) ${LATEST_EVENT}) AS "statusType",
      (SELECT group_concat("J"."jurisdiction", ' ') FROM (SELECT DISTINCT "E"."jurisdiction" ${LIVE_EVENT_OF_POLICY} ORDER BY "E"."jurisdiction") AS "J") AS "jurisdictions"
    FROM "Policy" WHERE "Policy"."deletedAt" IS NULL
  ), "Compared" AS (
    SELECT "Summary".*,
      COUNT(*) OVER (PARTITION BY "title") AS "sameTitle",
      COUNT(*) OVER (PARTITION BY "title", "jurisdictions", "firstYear") AS "sameTitleAndPlace"
    FROM "Summary"
  )`;

type SummaryRow = {
  slug: string;
  title: string;
  eventCount: number;
  firstEvent: string | null;
  latestEvent: string | null;
  firstYear: string | null;
  statusType: string | null;
  jurisdictions: string | null;
  sameTitle: number;
  sameTitleAndPlace: number;
};

function indexEvent(joined: string | null): PolicyIndexEvent | null {
  if (joined === null) return null;
  const [slug, date, ...title] = joined.split('\u001f');
  return { slug, date, title: title.join('\u001f') };
}

/** What tells a policy apart from others of its title: where and since when, or where that is shared too, its slug. */
function distinction(row: SummaryRow): string | null {
  if (Number(row.sameTitle) < 2) return null;
  if (Number(row.sameTitleAndPlace) > 1 || (!row.jurisdictions && !row.firstYear)) return row.slug;
  return [row.jurisdictions?.replace(/ /g, ', '), row.firstYear ? `from ${Number(row.firstYear)}` : null].filter(Boolean).join(', ');
}

function toEntry(row: SummaryRow): PolicyIndexEntry {
  const type = row.statusType as EventType | null;
  const label = type ? POLICY_STATUS_BY_EVENT_TYPE[type] : undefined;
  return {
    slug: row.slug,
    title: row.title,
    distinction: distinction(row),
    status: type && label ? { type, label } : null,
    jurisdictions: row.jurisdictions ? row.jurisdictions.split(' ') : [],
    eventCount: Number(row.eventCount),
    first: indexEvent(row.firstEvent),
    latest: indexEvent(row.latestEvent),
  };
}

function indexCondition(query: PolicyIndexQuery): Prisma.Sql {
  const conditions: Prisma.Sql[] = [];
  if (query.status === 'none') conditions.push(Prisma.sql`"statusType" IS NULL`);
  else if (query.status) conditions.push(Prisma.sql`"statusType" = ${query.status}`);
  if (query.jurisdiction) conditions.push(Prisma.sql`(' ' || "jurisdictions" || ' ') LIKE ${`% ${query.jurisdiction} %`}`);
  return conditions.length ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
}

async function readPolicyIndex(query: PolicyIndexQuery): Promise<PolicyIndex> {
  const where = indexCondition(query);
  const offset = (query.page - 1) * POLICY_PAGE_SIZE;
  const [rows, [counted], statusRows, jurisdictionRows] = await Promise.all([
    readRows<SummaryRow>(Prisma.sql`${POLICY_SUMMARY}
      SELECT * FROM "Compared" ${where} ORDER BY "title" ASC, "firstYear" ASC, "slug" ASC LIMIT ${POLICY_PAGE_SIZE} OFFSET ${offset}`),
    readRows<{ total: number }>(Prisma.sql`${POLICY_SUMMARY} SELECT COUNT(*) AS "total" FROM "Compared" ${where}`),
    choicesCache('all', statusCounts),
    jurisdictionChoicesCache('all', jurisdictionCounts),
  ]);
  const total = Number(counted?.total ?? 0);
  return {
    query,
    policies: rows.map(toEntry),
    total,
    pageCount: Math.max(1, Math.ceil(total / POLICY_PAGE_SIZE)),
    statuses: statusRows,
    jurisdictions: jurisdictionRows,
  };
}

async function statusCounts(): Promise<PolicyIndex['statuses']> {
  const rows = await readRows<{ statusType: string | null; count: number }>(
    Prisma.sql`${POLICY_SUMMARY} SELECT "statusType", COUNT(*) AS "count" FROM "Compared" GROUP BY "statusType"`,
  );
  const counts = new Map(rows.map((row) => [row.statusType, Number(row.count)]));
  const known = STATUS_TYPES.flatMap((type) => {
    const count = counts.get(type);
    return count ? [{ value: type as PolicyStatusFilter, label: POLICY_STATUS_BY_EVENT_TYPE[type] ?? type, count }] : [];
  });
  const none = counts.get(null);
  return none ? [...known, { value: 'none', label: NO_STATUS_LABEL, count: none }] : known;
}

async function jurisdictionCounts(): Promise<PolicyIndex['jurisdictions']> {
  const rows = await readRows<{ jurisdiction: string; count: number }>(Prisma.sql`
    SELECT "E"."jurisdiction", COUNT(DISTINCT "E"."policyId") AS "count"
    FROM "Event" AS "E" JOIN "Policy" ON "Policy"."id" = "E"."policyId"
    WHERE "E"."deletedAt" IS NULL AND "Policy"."deletedAt" IS NULL
    GROUP BY "E"."jurisdiction" ORDER BY "E"."jurisdiction" ASC`);
  return rows.map((row) => ({ value: row.jurisdiction, count: Number(row.count) }));
}

const policyIndexCache = versionCache<PolicyIndex>('policy-index', 100);
// The filter choices are the same for every query: read once per data version.
const choicesCache = versionCache<PolicyIndex['statuses']>('policy-index-statuses', 2);
const jurisdictionChoicesCache = versionCache<PolicyIndex['jurisdictions']>('policy-index-jurisdictions', 2);

/**
 * A page of the policies index, with its filter choices, made by the
 * database and read once per data version and query.
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
