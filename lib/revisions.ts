import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db';
import type { SessionUser } from '@/lib/roles';

/**
 * The revision history: every create, update, delete and restore of an event,
 * actor, source or policy, with who, when, and the record before and after in
 * the interchange format (so a revision can be shown, diffed and restored).
 */

export const ENTITY_TYPES = ['event', 'actor', 'source', 'policy'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];
export const REVISION_ACTIONS = ['create', 'update', 'delete', 'undelete', 'restore', 'import'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

export const REVISION_ACTION_LABELS: Record<RevisionAction, string> = {
  create: 'Created',
  update: 'Edited',
  delete: 'Deleted',
  undelete: 'Restored from the trash',
  restore: 'Restored an earlier revision',
  import: 'Imported',
};

/** editor: a signed-in user; command-line: import and seed; source-check: `npm run sources:check`. */
export type AuthorKind = 'editor' | 'command-line' | 'source-check';

export interface Author {
  userId: string | null;
  label: string;
  kind: AuthorKind;
}

export const authorOf = (user: SessionUser): Author => ({ userId: user.id, label: user.name, kind: 'editor' });
/** Changes made by the command line (import, seed) rather than a signed-in editor. */
export const COMMAND_LINE_AUTHOR: Author = { userId: null, label: 'import', kind: 'command-line' };
/** Availability changes the source watch makes (lib/sources-watch): shown in history as by "source check". */
export const SOURCE_CHECK_AUTHOR: Author = { userId: null, label: 'source check', kind: 'source-check' };

type Snapshot = Record<string, unknown>;

export interface RevisionInput {
  entityType: EntityType;
  entityId: string;
  entityKey: string;
  action: RevisionAction;
  version: number;
  before: Snapshot | null;
  after: Snapshot | null;
  author: Author;
}

export async function recordRevision(tx: Prisma.TransactionClient, revision: RevisionInput): Promise<void> {
  await tx.revision.create({ data: revisionRow(revision) });
}

/** The columns of a revision as stored (the import writes many at once with these). */
export function revisionRow(revision: RevisionInput) {
  return {
    entityType: revision.entityType,
    entityId: revision.entityId,
    entityKey: revision.entityKey,
    action: revision.action,
    version: revision.version,
    before: revision.before ? JSON.stringify(revision.before) : null,
    after: revision.after ? JSON.stringify(revision.after) : null,
    userId: revision.author.userId,
    authorLabel: revision.author.label,
    authorKind: revision.author.kind,
  } satisfies Prisma.RevisionUncheckedCreateInput;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields whose values differ between two snapshots, in the order the fields first appear. */
export function diffSnapshots(before: Snapshot | null, after: Snapshot | null): FieldChange[] {
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  return fields
    .filter((field) => JSON.stringify(before?.[field] ?? null) !== JSON.stringify(after?.[field] ?? null))
    .map((field) => ({ field, before: before?.[field] ?? null, after: after?.[field] ?? null }));
}

export interface RevisionView {
  id: number;
  action: RevisionAction;
  version: number;
  authorLabel: string;
  createdAt: Date;
  changes: FieldChange[];
  /** The record before this revision (null for a creation). */
  before: Snapshot | null;
  /** The record as this revision left it: what "restore this revision" brings back. */
  after: Snapshot | null;
}

function parseSnapshot(text: string | null): Snapshot | null {
  return text ? (JSON.parse(text) as Snapshot) : null;
}

/** Newest first. */
export async function listRevisions(entityType: EntityType, entityId: string): Promise<RevisionView[]> {
  const rows = await db.revision.findMany({ where: { entityType, entityId }, orderBy: { id: 'desc' } });
  return rows.map((row) => {
    const before = parseSnapshot(row.before);
    const after = parseSnapshot(row.after);
    return {
      id: row.id,
      action: row.action as RevisionAction,
      version: row.version,
      authorLabel: row.authorLabel,
      createdAt: row.createdAt,
      changes: diffSnapshots(before, after),
      before,
      after,
    };
  });
}

export async function getRevision(id: number) {
  const row = await db.revision.findUnique({ where: { id } });
  return row ? { ...row, entityType: row.entityType as EntityType, after: parseSnapshot(row.after), before: parseSnapshot(row.before) } : null;
}

export interface RecentChange {
  id: number;
  entityType: EntityType;
  entityKey: string;
  action: RevisionAction;
  authorLabel: string;
  createdAt: Date;
}

export async function listRecentChanges(limit = 20): Promise<RecentChange[]> {
  const rows = await db.revision.findMany({
    orderBy: { id: 'desc' },
    take: limit,
    select: { id: true, entityType: true, entityKey: true, action: true, authorLabel: true, createdAt: true },
  });
  return rows.map((row) => ({ ...row, entityType: row.entityType as EntityType, action: row.action as RevisionAction }));
}
