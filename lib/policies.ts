import { Prisma } from '@/lib/generated/prisma/client';
import { readRow, readRows } from '@/lib/sql-reader';
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

export interface PolicyListEntry {
  slug: string;
  title: string;
  eventCount: number;
}

export async function listPolicies(): Promise<PolicyListEntry[]> {
  const rows = await readRows<{ slug: string; title: string; eventCount: number }>(Prisma.sql`
    SELECT "Policy"."slug", "Policy"."title",
      (SELECT COUNT(*) FROM "Event" WHERE "Event"."policyId" = "Policy"."id" AND "Event"."deletedAt" IS NULL) AS "eventCount"
    FROM "Policy" WHERE "Policy"."deletedAt" IS NULL ORDER BY "Policy"."title" ASC`);
  return rows.map((row) => ({ ...row, eventCount: Number(row.eventCount) }));
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
