import { assertVersion, writeAtVersion } from '@/lib/admin/versioning';
import { actorExportInclude, actorToDataset, eventExportInclude, eventToDataset, policyToDataset, sourceToDataset } from '@/lib/dataset/export';
import { db, type Prisma } from '@/lib/db';
import { isNotFoundError } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { authorOf, recordRevision, type EntityType } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';

/**
 * The life of a revisioned record — event, actor, source, policy — in one
 * place: loaded for a change at the version the editor saw, moved to the trash,
 * brought back, each step recorded as a revision. What differs between the
 * kinds is only how a row is read and shown (KINDS); the steps, their checks
 * and their messages are the same for all four.
 */

type Tx = Prisma.TransactionClient;
type Snapshot = Record<string, unknown>;

/** A record as the lifecycle sees it: its id, version, the key people know it by, and its revision snapshot. */
export interface RecordState {
  id: string;
  version: number;
  key: string;
  snapshot: Snapshot;
}

interface Kind {
  /** "This event": how messages name the record. */
  label: string;
  /** The record, live (`deleted: false`) or in the trash (`deleted: true`), or null. */
  read(tx: Tx, id: string, deleted: boolean): Promise<RecordState | null>;
  /** Sets deletedAt (a date, or null to bring it back) and the next version, only where `where` still holds. */
  mark(tx: Tx, where: { id: string; version?: number; deletedAt?: { not: null } }, deletedAt: Date | null): Promise<RecordState>;
}

const deletedFilter = (deleted: boolean) => (deleted ? { not: null } : null);
const bump = (deletedAt: Date | null) => ({ deletedAt, version: { increment: 1 } });

const KINDS: Record<EntityType, Kind> = {
  event: {
    label: 'This event',
    read: async (tx, id, deleted) => {
      const row = await tx.event.findFirst({ where: { id, deletedAt: deletedFilter(deleted) }, include: eventExportInclude });
      return row && { id: row.id, version: row.version, key: row.slug, snapshot: { ...eventToDataset(row) } };
    },
    mark: async (tx, where, deletedAt) => {
      const row = await tx.event.update({ where, data: bump(deletedAt), include: eventExportInclude });
      return { id: row.id, version: row.version, key: row.slug, snapshot: { ...eventToDataset(row) } };
    },
  },
  actor: {
    label: 'This actor',
    read: async (tx, id, deleted) => {
      const row = await tx.actor.findFirst({ where: { id, deletedAt: deletedFilter(deleted) }, include: actorExportInclude });
      return row && { id: row.id, version: row.version, key: row.slug, snapshot: { ...actorToDataset(row) } };
    },
    mark: async (tx, where, deletedAt) => {
      const row = await tx.actor.update({ where, data: bump(deletedAt), include: actorExportInclude });
      return { id: row.id, version: row.version, key: row.slug, snapshot: { ...actorToDataset(row) } };
    },
  },
  source: {
    label: 'This source',
    read: async (tx, id, deleted) => {
      const row = await tx.source.findFirst({ where: { id, deletedAt: deletedFilter(deleted) } });
      return row && { id: row.id, version: row.version, key: row.id, snapshot: { ...sourceToDataset(row) } };
    },
    mark: async (tx, where, deletedAt) => {
      const row = await tx.source.update({ where, data: bump(deletedAt) });
      return { id: row.id, version: row.version, key: row.id, snapshot: { ...sourceToDataset(row) } };
    },
  },
  policy: {
    label: 'This policy',
    read: async (tx, id, deleted) => {
      const row = await tx.policy.findFirst({ where: { id, deletedAt: deletedFilter(deleted) } });
      return row && { id: row.id, version: row.version, key: row.slug, snapshot: { ...policyToDataset(row) } };
    },
    mark: async (tx, where, deletedAt) => {
      const row = await tx.policy.update({ where, data: bump(deletedAt) });
      return { id: row.id, version: row.version, key: row.slug, snapshot: { ...policyToDataset(row) } };
    },
  },
};

/**
 * The live record, once the editor's version is known to be current: NOT_FOUND
 * (with `gone`) when it is deleted or never was, the changed-meanwhile conflict
 * when someone saved it since the form was opened.
 */
export async function loadForChange(tx: Tx, type: EntityType, id: string, expectedVersion: number, gone: string): Promise<RecordState> {
  const kind = KINDS[type];
  const current = await kind.read(tx, id, false);
  if (!current) throw new AppError('NOT_FOUND', gone);
  await assertVersion(tx, { type, id, label: kind.label }, expectedVersion, { version: current.version, snapshot: current.snapshot });
  return current;
}

/**
 * Moves a live record to the trash at the version the editor saw, unless
 * `stillInUse` (run inside the same transaction) says why it cannot go, and
 * records the deletion. Readers stop seeing it; it can come back (restore).
 */
export async function moveToTrash(
  type: EntityType,
  id: string,
  expectedVersion: number,
  editor: SessionUser,
  options: { gone: string; stillInUse?: (tx: Tx) => Promise<string | null> },
): Promise<{ key: string }> {
  const kind = KINDS[type];
  return db.$transaction(async (tx) => {
    const current = await loadForChange(tx, type, id, expectedVersion, options.gone);
    const problem = (await options.stillInUse?.(tx)) ?? null;
    if (problem) throw new AppError('CONFLICT', problem);
    const deleted = await writeAtVersion(kind.label, kind.mark(tx, { id, version: expectedVersion }, new Date()));
    await recordRevision(tx, {
      entityType: type,
      entityId: id,
      entityKey: current.key,
      action: 'delete',
      version: deleted.version,
      before: current.snapshot,
      after: deleted.snapshot,
      author: authorOf(editor),
    });
    return { key: current.key };
  });
}

const NOT_IN_TRASH = 'This item is not in the trash; it may have been restored already.';

/**
 * Takes a record out of the trash, unless `blockedBy` (inside the same
 * transaction) names what it points to that is in the trash too, and records
 * who restored it. The row comes back only while it is still deleted: two
 * restores at once (side by side on PostgreSQL) give one restore and one
 * "not in the trash", never two.
 */
export async function restoreFromTrash(
  type: EntityType,
  id: string,
  editor: SessionUser,
  blockedBy: (tx: Tx) => Promise<string[]>,
): Promise<{ key: string }> {
  const kind = KINDS[type];
  return db.$transaction(async (tx) => {
    if (!(await kind.read(tx, id, true))) throw new AppError('NOT_FOUND', NOT_IN_TRASH);
    const missing = await blockedBy(tx);
    if (missing.length > 0) throw new AppError('CONFLICT', `Restore ${missing.join(', ')} first: it is in the trash too.`);
    const restored = await kind.mark(tx, { id, deletedAt: { not: null } }, null).catch((error: unknown) => {
      throw isNotFoundError(error) ? new AppError('NOT_FOUND', NOT_IN_TRASH) : error;
    });
    await recordRevision(tx, {
      entityType: type,
      entityId: id,
      entityKey: restored.key,
      action: 'undelete',
      version: restored.version,
      before: restored.snapshot,
      after: restored.snapshot,
      author: authorOf(editor),
    });
    return { key: restored.key };
  });
}
