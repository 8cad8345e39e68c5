import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { diffSnapshots, type EntityType } from '@/lib/revisions';

/**
 * No lost update: every edit names the version it started from. When the record
 * has moved on, the edit is refused with what changed in between, so the editor
 * can merge instead of silently overwriting.
 */
export async function assertVersion(
  tx: Prisma.TransactionClient,
  entity: { type: EntityType; id: string; label: string },
  expectedVersion: number,
  current: { version: number; snapshot: Record<string, unknown> },
): Promise<void> {
  if (current.version === expectedVersion) return;
  const [base, later] = await Promise.all([
    tx.revision.findFirst({
      where: { entityType: entity.type, entityId: entity.id, version: expectedVersion },
      orderBy: { id: 'desc' },
      select: { after: true },
    }),
    tx.revision.findMany({
      where: { entityType: entity.type, entityId: entity.id, version: { gt: expectedVersion } },
      orderBy: { id: 'asc' },
      select: { authorLabel: true },
    }),
  ]);
  const baseSnapshot = base?.after ? (JSON.parse(base.after) as Record<string, unknown>) : null;
  const authors = [...new Set(later.map((revision) => revision.authorLabel))];
  const by = authors.length > 0 ? authors.join(', ') : null;
  throw new AppError(
    'CONFLICT',
    `${entity.label} was changed by ${by ?? 'someone else'} after you opened this form. Your changes are kept below; ` +
      'review what changed meanwhile, then save again to replace their version.',
    undefined,
    {
      version: current.version,
      current: current.snapshot,
      changedMeanwhile: baseSnapshot ? diffSnapshots(baseSnapshot, current.snapshot).map((change) => ({ ...change, by })) : [],
    },
  );
}

export const versionField = (value: FormDataEntryValue | null): number => {
  const version = Number(value);
  if (!Number.isInteger(version) || version < 1) {
    throw new AppError('INVALID', 'This form is missing its version; reload the page and make your change again.');
  }
  return version;
};
