import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ACTOR_KINDS, type ActorKind, type ActorRole } from '@/lib/vocabulary';

/** Kinds of actor that are institutions with sub-units, and so can be used as an `agency` filter. */
export const AGENCY_KINDS: ActorKind[] = ['agency', 'government', 'legislature', 'court'];

export interface ActorOption {
  slug: string;
  name: string;
  kind: ActorKind;
}

/** Every actor, by name, for filter pickers. */
export async function listActorOptions(): Promise<ActorOption[]> {
  const actors = await db.actor.findMany({
    where: { deletedAt: null },
    select: { slug: true, name: true, kind: true },
    orderBy: { name: 'asc' },
  });
  return actors.map((actor) => ({ ...actor, kind: actor.kind as ActorKind }));
}

export async function findActorsBySlugs(slugs: string[]): Promise<Array<{ id: string; slug: string; name: string; kind: string }>> {
  if (slugs.length === 0) return [];
  return db.actor.findMany({
    where: { slug: { in: slugs }, deletedAt: null },
    select: { id: true, slug: true, name: true, kind: true },
  });
}

/**
 * The ids of these actors and of everything under them (NIST under Commerce),
 * walked level by level with plain queries so it runs on any database.
 */
export async function withDescendantIds(rootIds: string[]): Promise<string[]> {
  const all = new Set(rootIds);
  let frontier = rootIds;
  while (frontier.length > 0) {
    const children = await db.actor.findMany({ where: { parentId: { in: frontier }, deletedAt: null }, select: { id: true } });
    frontier = children.map((child) => child.id).filter((id) => !all.has(id));
    frontier.forEach((id) => all.add(id));
  }
  return [...all];
}

export interface ActorListEntry {
  slug: string;
  name: string;
  parent: { slug: string; name: string } | null;
  eventCount: number;
}

/** All actors grouped by kind, in the vocabulary's order; kinds without actors are left out. */
export async function listActorsByKind(): Promise<Array<{ kind: ActorKind; actors: ActorListEntry[] }>> {
  const actors = await db.actor.findMany({
    where: { deletedAt: null },
    select: {
      slug: true,
      name: true,
      kind: true,
      id: true,
      parent: { select: { slug: true, name: true } },
    },
    orderBy: { name: 'asc' },
  });
  // An actor can play two roles in one event: count distinct events, not links.
  const links = await db.eventActor.groupBy({ by: ['actorId', 'eventId'], where: { event: { deletedAt: null } } });
  const eventCounts = new Map<string, number>();
  for (const link of links) eventCounts.set(link.actorId, (eventCounts.get(link.actorId) ?? 0) + 1);
  return ACTOR_KINDS.map((kind) => ({
    kind,
    actors: actors
      .filter((actor) => actor.kind === kind)
      .map((actor) => ({ slug: actor.slug, name: actor.name, parent: actor.parent, eventCount: eventCounts.get(actor.id) ?? 0 })),
  })).filter((group) => group.actors.length > 0);
}

const actorDetailInclude = {
  parent: { select: { slug: true, name: true } },
  children: { where: { deletedAt: null }, select: { slug: true, name: true, kind: true }, orderBy: { name: 'asc' } },
  aliases: { orderBy: { position: 'asc' } },
} satisfies Prisma.ActorInclude;

export type ActorDetail = Prisma.ActorGetPayload<{ include: typeof actorDetailInclude }> & {
  roles: Array<{ role: ActorRole; count: number }>;
};

export async function getActorBySlug(slug: string): Promise<ActorDetail | null> {
  const actor = await db.actor.findFirst({ where: { slug, deletedAt: null }, include: actorDetailInclude });
  if (!actor) return null;
  const roles = await db.eventActor.groupBy({
    by: ['role'],
    where: { actorId: actor.id, event: { deletedAt: null } },
    _count: { _all: true },
    orderBy: { role: 'asc' },
  });
  return {
    ...actor,
    roles: roles
      .map((row) => ({ role: row.role as ActorRole, count: row._count._all }))
      .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
  };
}
