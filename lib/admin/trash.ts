import { restoreFromTrash } from '@/lib/admin/lifecycle';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma } from '@/lib/db';
import { ENTITY_TYPES, type EntityType } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';

/** Deleted items stay in the database, hidden from readers, until restored from here. */

export interface TrashItem {
  entityType: EntityType;
  id: string;
  key: string;
  label: string;
  deletedAt: Date;
  deletedBy: string | null;
}

export async function listTrash(): Promise<TrashItem[]> {
  const deleted = { where: { deletedAt: { not: null } } } as const;
  const [events, actors, sources, policies] = await Promise.all([
    db.event.findMany({ ...deleted, select: { id: true, slug: true, title: true, deletedAt: true } }),
    db.actor.findMany({ ...deleted, select: { id: true, slug: true, name: true, deletedAt: true } }),
    db.source.findMany({ ...deleted, select: { id: true, title: true, deletedAt: true } }),
    db.policy.findMany({ ...deleted, select: { id: true, slug: true, title: true, deletedAt: true } }),
  ]);
  const items: Array<Omit<TrashItem, 'deletedBy'>> = [
    ...events.map((row) => ({ entityType: 'event' as const, id: row.id, key: row.slug, label: row.title, deletedAt: row.deletedAt! })),
    ...actors.map((row) => ({ entityType: 'actor' as const, id: row.id, key: row.slug, label: row.name, deletedAt: row.deletedAt! })),
    ...sources.map((row) => ({ entityType: 'source' as const, id: row.id, key: row.id, label: row.title, deletedAt: row.deletedAt! })),
    ...policies.map((row) => ({ entityType: 'policy' as const, id: row.id, key: row.slug, label: row.title, deletedAt: row.deletedAt! })),
  ];
  const deletions = await db.revision.findMany({
    where: { action: 'delete', entityId: { in: items.map((item) => item.id) } },
    select: { entityType: true, entityId: true, authorLabel: true },
    orderBy: { id: 'asc' },
  });
  const deletedBy = new Map(deletions.map((revision) => [`${revision.entityType}:${revision.entityId}`, revision.authorLabel]));
  return items
    .map((item) => ({ ...item, deletedBy: deletedBy.get(`${item.entityType}:${item.id}`) ?? null }))
    .sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime());
}

type Tx = Prisma.TransactionClient;

/** Why an item cannot come back yet (something it points to is itself deleted), or null. */
async function blockers(tx: Tx, entityType: EntityType, id: string): Promise<string[]> {
  if (entityType === 'actor') {
    const actor = await tx.actor.findUniqueOrThrow({ where: { id }, select: { parent: { select: { name: true, deletedAt: true } } } });
    return actor.parent?.deletedAt ? [`its parent "${actor.parent.name}"`] : [];
  }
  if (entityType !== 'event') return [];
  const event = await tx.event.findUniqueOrThrow({
    where: { id },
    select: {
      policy: { select: { title: true, deletedAt: true } },
      actors: { select: { actor: { select: { name: true, deletedAt: true } } } },
      citations: { select: { source: { select: { title: true, deletedAt: true } } } },
    },
  });
  return [
    ...(event.policy?.deletedAt ? [`its policy "${event.policy.title}"`] : []),
    ...event.actors.filter((link) => link.actor.deletedAt).map((link) => `its actor "${link.actor.name}"`),
    ...event.citations.filter((citation) => citation.source.deletedAt).map((citation) => `its source "${citation.source.title}"`),
  ];
}

/** Takes an item out of the trash, recording who restored it. */
export async function undelete(entityType: string, id: string, editor: SessionUser): Promise<{ entityType: EntityType; key: string }> {
  if (!(ENTITY_TYPES as readonly string[]).includes(entityType)) throw new AppError('INVALID', 'Unknown kind of item.');
  const type = entityType as EntityType;
  const { key } = await restoreFromTrash(type, id, editor, (tx) => blockers(tx, type, id));
  return { entityType: type, key };
}
