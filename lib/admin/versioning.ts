import { isNotFoundError } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/db';
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

/** Versions are stored as 32-bit integers; a form can send anything. */
const MAX_VERSION = 2 ** 31 - 1;

/** The version an edit form started from: plain digits within the stored range, or the form is refused. */
export const versionField = (value: FormDataEntryValue | null): number => {
  const version = typeof value === 'string' && /^\d{1,10}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new AppError('INVALID', 'This form is missing its version; reload the page and make your change again.');
  }
  return version;
};

/**
 * Runs a versioned write, one whose `where` names the version the transaction
 * read (`{ id, version }`), so that a stale write can never land. PostgreSQL
 * runs transactions side by side: two saves that both read version N both pass
 * assertVersion, and the second's update then matches no row (Prisma's P2025)
 * once the first has committed. That is the "changed meanwhile" conflict, not a
 * missing record.
 */
export async function writeAtVersion<T>(label: string, write: PromiseLike<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (!isNotFoundError(error)) throw error;
    throw new AppError(
      'CONFLICT',
      `${label} was changed by someone else while you were saving. Your changes are kept below; reload the page to see theirs, then save again.`,
    );
  }
}
