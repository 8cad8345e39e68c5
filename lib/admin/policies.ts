import { policyToDataset } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/db';
import { moveToTrash } from '@/lib/admin/lifecycle';
import { assertVersion, writeAtVersion } from '@/lib/admin/versioning';
import { authorOf, recordRevision } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';
import { slugify } from '@/lib/slugs';
import type { PolicyInput } from '@/lib/validation/policy';
import { containsInsensitive } from '@/lib/sql-dialect';

export interface AdminPolicyRow {
  id: string;
  slug: string;
  title: string;
  eventCount: number;
  updatedAt: Date;
}

export async function listPoliciesForAdmin(search = ''): Promise<AdminPolicyRow[]> {
  const term = search.trim();
  const policies = await db.policy.findMany({
    where: { deletedAt: null, ...(term ? { OR: [{ title: containsInsensitive(term) }, { slug: containsInsensitive(term.toLowerCase()) }] } : {}) },
    select: { id: true, slug: true, title: true, updatedAt: true, _count: { select: { events: { where: { deletedAt: null } } } } },
    orderBy: { title: 'asc' },
  });
  return policies.map(({ _count, ...policy }) => ({ ...policy, eventCount: _count.events }));
}

/** Policies an event can be attached to, for pickers. */
export async function listPolicyChoices(): Promise<Array<{ slug: string; title: string }>> {
  return db.policy.findMany({ where: { deletedAt: null }, select: { slug: true, title: true }, orderBy: { title: 'asc' } });
}

export async function getPolicyForEdit(id: string) {
  return db.policy.findFirst({
    where: { id, deletedAt: null },
    select: { id: true, slug: true, title: true, summary: true, version: true },
  });
}

/** A slug is taken by any policy, deleted ones included (they can come back from the trash). */
async function assertSlugFree(tx: Prisma.TransactionClient, slug: string, exceptId?: string): Promise<void> {
  const holder = await tx.policy.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
  if (!holder || holder.id === exceptId) return;
  const message = holder.deletedAt
    ? `A deleted policy uses the slug "${slug}"; restore it from the trash or choose another slug`
    : `Another policy already uses the slug "${slug}"; choose another`;
  throw new AppError('CONFLICT', 'This slug is taken.', { slug: message });
}

/** Creates a policy inside a running transaction (the event form creates policies inline). */
export async function createPolicyInTransaction(
  tx: Prisma.TransactionClient,
  input: PolicyInput,
  editor: SessionUser,
): Promise<{ id: string; slug: string }> {
  const slug = input.slug ?? slugify(input.title);
  await assertSlugFree(tx, slug);
  const policy = await tx.policy.create({ data: { slug, title: input.title, summary: input.summary } });
  await recordRevision(tx, {
    entityType: 'policy',
    entityId: policy.id,
    entityKey: slug,
    action: 'create',
    version: policy.version,
    before: null,
    after: { ...policyToDataset(policy) },
    author: authorOf(editor),
  });
  return { id: policy.id, slug };
}

export async function createPolicy(input: PolicyInput, editor: SessionUser): Promise<{ slug: string }> {
  return db.$transaction((tx) => createPolicyInTransaction(tx, input, editor));
}

export async function updatePolicy(id: string, input: PolicyInput, expectedVersion: number, editor: SessionUser): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const current = await tx.policy.findFirst({ where: { id, deletedAt: null } });
    if (!current) throw new AppError('NOT_FOUND', 'This policy no longer exists; it may have been deleted.');
    const before = { ...policyToDataset(current) };
    await assertVersion(tx, { type: 'policy', id, label: 'This policy' }, expectedVersion, { version: current.version, snapshot: before });
    const slug = input.slug ?? current.slug;
    await assertSlugFree(tx, slug, id);
    const updated = await writeAtVersion(
      'This policy',
      tx.policy.update({ where: { id, version: expectedVersion }, data: { slug, title: input.title, summary: input.summary, version: { increment: 1 } } }),
    );
    await recordRevision(tx, {
      entityType: 'policy',
      entityId: id,
      entityKey: slug,
      action: 'update',
      version: updated.version,
      before,
      after: { ...policyToDataset(updated) },
      author: authorOf(editor),
    });
    return { slug };
  });
}

/** Moves a policy to the trash. One that live events still belong to cannot go: it would leave them pointing nowhere. */
export async function deletePolicy(id: string, expectedVersion: number, editor: SessionUser): Promise<{ slug: string }> {
  const { key } = await moveToTrash('policy', id, expectedVersion, editor, {
    gone: 'This policy no longer exists; it may have been deleted already.',
    stillInUse: async (tx) => {
      const events = await tx.event.count({ where: { policyId: id, deletedAt: null } });
      return events > 0 ? `${events} event${events === 1 ? ' belongs' : 's belong'} to this policy; move or delete ${events === 1 ? 'it' : 'them'} first.` : null;
    },
  });
  return { slug: key };
}
