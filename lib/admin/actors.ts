import { refreshSearchTextOfActor } from '@/lib/search';
import { listActorOptions, type ActorOption } from '@/lib/actors';
import { actorExportInclude, actorToDataset, type ActorForExport } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { INVALID_FORM_MESSAGE } from '@/lib/forms';
import type { Prisma } from '@/lib/db';
import { moveToTrash } from '@/lib/admin/lifecycle';
import { assertVersion, writeAtVersion } from '@/lib/admin/versioning';
import { authorOf, recordRevision, type RevisionAction } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';
import { slugify } from '@/lib/slugs';
import type { ActorInput } from '@/lib/validation/actor';
import type { ActorKind } from '@/lib/vocabulary';
import { containsInsensitive } from '@/lib/sql-dialect';

type Tx = Prisma.TransactionClient;

export interface AdminActorRow {
  id: string;
  slug: string;
  name: string;
  kind: ActorKind;
  parent: { slug: string; name: string } | null;
  eventCount: number;
}

export async function listActorsForAdmin(search = ''): Promise<AdminActorRow[]> {
  const term = search.trim();
  const matches = term
    ? { OR: [{ name: containsInsensitive(term) }, { slug: containsInsensitive(term.toLowerCase()) }, { aliases: { some: { alias: containsInsensitive(term) } } }] }
    : {};
  const actors = await db.actor.findMany({
    where: { deletedAt: null, ...matches },
    select: { id: true, slug: true, name: true, kind: true, parent: { select: { slug: true, name: true } } },
    orderBy: { name: 'asc' },
  });
  // An actor can play two roles in one event: count distinct events, not links.
  const links = await db.eventActor.groupBy({
    by: ['actorId', 'eventId'],
    where: { actorId: { in: actors.map((actor) => actor.id) }, event: { deletedAt: null } },
  });
  const eventCounts = new Map<string, number>();
  for (const link of links) eventCounts.set(link.actorId, (eventCounts.get(link.actorId) ?? 0) + 1);
  return actors.map((actor) => ({ ...actor, kind: actor.kind as ActorKind, eventCount: eventCounts.get(actor.id) ?? 0 }));
}

/** Live actors for pickers (a parent, an event's actors). */
export async function listActorChoices(): Promise<ActorOption[]> {
  return listActorOptions();
}

/** The actor in the interchange format (parent as a slug, aliases in order), with what an edit needs. */
export async function getActorForEdit(id: string) {
  const actor = await db.actor.findFirst({ where: { id, deletedAt: null }, include: actorExportInclude });
  return actor ? { id: actor.id, version: actor.version, ...actorToDataset(actor) } : null;
}

const snapshotOf = (actor: ActorForExport) => ({ ...actorToDataset(actor) });

async function recordActorRevision(
  tx: Tx,
  change: { actor: ActorForExport; action: RevisionAction; before: Record<string, unknown> | null; editor: SessionUser },
): Promise<void> {
  await recordRevision(tx, {
    entityType: 'actor',
    entityId: change.actor.id,
    entityKey: change.actor.slug,
    action: change.action,
    version: change.actor.version,
    before: change.before,
    after: snapshotOf(change.actor),
    author: authorOf(change.editor),
  });
}

/** A slug is taken by any actor, deleted ones included (they can come back from the trash). */
async function assertSlugFree(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const holder = await tx.actor.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
  if (!holder || holder.id === exceptId) return;
  const message = holder.deletedAt
    ? `A deleted actor uses the slug "${slug}"; restore it from the trash or choose another slug`
    : `Another actor already uses the slug "${slug}"; choose another`;
  throw new AppError('CONFLICT', 'This slug is taken.', { slug: message });
}

function slugFromName(name: string): string {
  const slug = slugify(name);
  if (!slug) throw new AppError('INVALID', INVALID_FORM_MESSAGE, { slug: 'No slug can be made from this name; type one' });
  return slug;
}

const parentProblem = (message: string) => new AppError('INVALID', 'Nothing was saved: choose another parent.', { parent: message });

/**
 * The parent's id, once it is known to be a live actor that does not sit under
 * `actorId` (which would make the hierarchy a loop).
 */
async function resolveParent(tx: Tx, parentSlug: string | null, actorId?: string): Promise<string | null> {
  if (!parentSlug) return null;
  const parent = await tx.actor.findUnique({ where: { slug: parentSlug }, select: { id: true, name: true, deletedAt: true } });
  if (!parent) throw parentProblem(`No actor has the slug "${parentSlug}"`);
  if (parent.deletedAt) throw parentProblem(`"${parent.name}" is in the trash; restore it first or choose another parent`);
  if (parent.id === actorId) throw parentProblem('An actor cannot be its own parent');
  // Walk up from the chosen parent: meeting this actor on the way means the parent sits under it.
  const visited = new Set<string>();
  let ancestorId: string | null = parent.id;
  while (actorId && ancestorId && !visited.has(ancestorId)) {
    visited.add(ancestorId);
    const ancestor: { parentId: string | null } | null = await tx.actor.findUnique({ where: { id: ancestorId }, select: { parentId: true } });
    if (ancestor?.parentId === actorId) {
      throw parentProblem(`"${parent.name}" sits under this actor, so it cannot also be its parent`);
    }
    ancestorId = ancestor?.parentId ?? null;
  }
  return parent.id;
}

const aliasRows = (aliases: string[]) => aliases.map((alias, position) => ({ alias, position }));

async function insertActor(tx: Tx, input: ActorInput, editor: SessionUser): Promise<ActorForExport> {
  const slug = input.slug || slugFromName(input.name);
  await assertSlugFree(tx, slug);
  const parentId = await resolveParent(tx, input.parent);
  const actor = await tx.actor.create({
    data: { slug, name: input.name, kind: input.kind, parentId, aliases: { create: aliasRows(input.aliases) } },
    include: actorExportInclude,
  });
  await recordActorRevision(tx, { actor, action: 'create', before: null, editor });
  return actor;
}

export async function createActor(input: ActorInput, editor: SessionUser): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => ({ slug: (await insertActor(tx, input, editor)).slug }));
}

/**
 * Creates an actor (with its revision) inside a caller's transaction, as the
 * event form does for a "new actor" row; returns the new actor's id. Field
 * errors are keyed like the actor form's fields ("slug", "parent").
 */
export async function createActorInTransaction(tx: Tx, input: ActorInput, editor: SessionUser): Promise<string> {
  return (await insertActor(tx, input, editor)).id;
}

/** The live actor as it stands, once the editor's version is known to be current. */
async function loadForChange(tx: Tx, id: string, expectedVersion: number, gone: string) {
  const current = await tx.actor.findFirst({ where: { id, deletedAt: null }, include: actorExportInclude });
  if (!current) throw new AppError('NOT_FOUND', gone);
  const before = snapshotOf(current);
  await assertVersion(tx, { type: 'actor', id, label: 'This actor' }, expectedVersion, { version: current.version, snapshot: before });
  return { current, before };
}

export async function updateActor(id: string, input: ActorInput, expectedVersion: number, editor: SessionUser): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const { current, before } = await loadForChange(tx, id, expectedVersion, 'This actor no longer exists; it may have been deleted.');
    const slug = input.slug || current.slug;
    await assertSlugFree(tx, slug, id);
    const parentId = await resolveParent(tx, input.parent, id);
    await tx.actorAlias.deleteMany({ where: { actorId: id } });
    const actor = await writeAtVersion(
      'This actor',
      tx.actor.update({
      where: { id, version: expectedVersion },
      data: { slug, name: input.name, kind: input.kind, parentId, aliases: { create: aliasRows(input.aliases) }, version: { increment: 1 } },
      include: actorExportInclude,
    }),
    );
    await recordActorRevision(tx, { actor, action: 'update', before, editor });
    // Search finds events by their actors' names and aliases.
    await refreshSearchTextOfActor(tx, id);
    return { slug };
  });
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why an actor cannot go yet, or null when nothing depends on it. */
function stillInUse(eventCount: number, childNames: string[]): string | null {
  const reasons: string[] = [];
  if (eventCount > 0) {
    reasons.push(`${count(eventCount, 'event lists', 'events list')} it (remove it from ${eventCount === 1 ? 'that event' : 'those events'} first)`);
  }
  if (childNames.length > 0) {
    reasons.push(`${count(childNames.length, 'actor sits', 'actors sit')} under it: ${childNames.join(', ')} (give ${childNames.length === 1 ? 'it' : 'them'} another parent first)`);
  }
  return reasons.length > 0 ? `This actor is still in use: ${reasons.join('; ')}.` : null;
}

/** Moves an actor to the trash, unless live events or live sub-units still point at it. */
export async function deleteActor(id: string, expectedVersion: number, editor: SessionUser): Promise<{ slug: string }> {
  const { key } = await moveToTrash('actor', id, expectedVersion, editor, {
    gone: 'This actor no longer exists; it may have been deleted already.',
    stillInUse: async (tx) => {
      const [eventCount, children] = await Promise.all([
        tx.event.count({ where: { deletedAt: null, actors: { some: { actorId: id } } } }),
        tx.actor.findMany({ where: { parentId: id, deletedAt: null }, select: { name: true }, orderBy: { name: 'asc' } }),
      ]);
      return stillInUse(eventCount, children.map((child) => child.name));
    },
  });
  return { slug: key };
}
