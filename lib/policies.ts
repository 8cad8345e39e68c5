import { db } from '@/lib/db';
import { chronologicalOrder } from '@/lib/events';
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
  const latest = await db.event.findFirst({
    where: { policyId, deletedAt: null, type: { in: STATUS_EVENT_TYPES } },
    select: { slug: true, title: true, date: true, type: true },
    orderBy: chronologicalOrder('desc'),
  });
  const label = latest ? POLICY_STATUS_BY_EVENT_TYPE[latest.type as EventType] : undefined;
  return latest && label ? { label, since: { slug: latest.slug, title: latest.title, date: latest.date } } : null;
}

export interface PolicyListEntry {
  slug: string;
  title: string;
  eventCount: number;
}

export async function listPolicies(): Promise<PolicyListEntry[]> {
  const policies = await db.policy.findMany({
    where: { deletedAt: null },
    select: { slug: true, title: true, _count: { select: { events: { where: { deletedAt: null } } } } },
    orderBy: { title: 'asc' },
  });
  return policies.map((policy) => ({ slug: policy.slug, title: policy.title, eventCount: policy._count.events }));
}

export interface PolicyDetail {
  id: string;
  slug: string;
  title: string;
  summary: string;
  status: PolicyStatus | null;
}

export async function getPolicyBySlug(slug: string): Promise<PolicyDetail | null> {
  const policy = await db.policy.findFirst({
    where: { slug, deletedAt: null },
    select: { id: true, slug: true, title: true, summary: true },
  });
  if (!policy) return null;
  return { ...policy, status: await getPolicyStatus(policy.id) };
}
