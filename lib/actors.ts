import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { readRow, readRows } from '@/lib/sql-reader';
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

/** An actor row's parent, from the "Parent" columns of a self-join, or null. */
const parentOf = (row: { parentSlug: string | null; parentName: string | null }) =>
  row.parentSlug !== null && row.parentName !== null ? { slug: row.parentSlug, name: row.parentName } : null;

export interface ActorListEntry {
  slug: string;
  name: string;
  parent: { slug: string; name: string } | null;
  eventCount: number;
}

/** All actors grouped by kind, in the vocabulary's order; kinds without actors are left out. */
export async function listActorsByKind(): Promise<Array<{ kind: ActorKind; actors: ActorListEntry[] }>> {
  const [actors, counts] = await Promise.all([
    readRows<{ slug: string; name: string; kind: string; id: string; parentSlug: string | null; parentName: string | null }>(Prisma.sql`
      SELECT "Actor"."slug", "Actor"."name", "Actor"."kind", "Actor"."id", "Parent"."slug" AS "parentSlug", "Parent"."name" AS "parentName"
      FROM "Actor" LEFT JOIN "Actor" AS "Parent" ON "Parent"."id" = "Actor"."parentId"
      WHERE "Actor"."deletedAt" IS NULL ORDER BY "Actor"."name" ASC`),
    // An actor can play two roles in one event: count distinct events, not links.
    readRows<{ actorId: string; count: number }>(Prisma.sql`
      SELECT "actorId", COUNT(DISTINCT "eventId") AS "count" FROM "EventActor"
      WHERE "eventId" IN (SELECT "id" FROM "Event" WHERE "deletedAt" IS NULL) GROUP BY "actorId"`),
  ]);
  const eventCounts = new Map(counts.map((row) => [row.actorId, Number(row.count)]));
  return ACTOR_KINDS.map((kind) => ({
    kind,
    actors: actors
      .filter((actor) => actor.kind === kind)
      .map((actor) => ({
        slug: actor.slug,
        name: actor.name,
        parent: parentOf(actor),
        eventCount: eventCounts.get(actor.id) ?? 0,
      })),
  })).filter((group) => group.actors.length > 0);
}

export interface ActorDetail {
  id: string;
  slug: string;
  name: string;
  kind: string;
  parent: { slug: string; name: string } | null;
  /** Live actors directly under this one, by name. */
  children: Array<{ slug: string; name: string; kind: string }>;
  aliases: Array<{ alias: string }>;
  /** Roles it plays in live events, most played first. */
  roles: Array<{ role: ActorRole; count: number }>;
}

export async function getActorBySlug(slug: string): Promise<ActorDetail | null> {
  const actor = await readRow<{ id: string; slug: string; name: string; kind: string; parentSlug: string | null; parentName: string | null }>(Prisma.sql`
    SELECT "Actor"."id", "Actor"."slug", "Actor"."name", "Actor"."kind", "Parent"."slug" AS "parentSlug", "Parent"."name" AS "parentName"
    FROM "Actor" LEFT JOIN "Actor" AS "Parent" ON "Parent"."id" = "Actor"."parentId"
    WHERE "Actor"."slug" = ${slug} AND "Actor"."deletedAt" IS NULL`);
  if (!actor) return null;
  const [children, aliases, roles] = await Promise.all([
    readRows<{ slug: string; name: string; kind: string }>(
      Prisma.sql`SELECT "slug", "name", "kind" FROM "Actor" WHERE "parentId" = ${actor.id} AND "deletedAt" IS NULL ORDER BY "name" ASC`,
    ),
    readRows<{ alias: string }>(Prisma.sql`SELECT "alias" FROM "ActorAlias" WHERE "actorId" = ${actor.id} ORDER BY "position" ASC`),
    readRows<{ role: string; count: number }>(Prisma.sql`
      SELECT "EventActor"."role", COUNT(*) AS "count" FROM "EventActor" JOIN "Event" ON "Event"."id" = "EventActor"."eventId"
      WHERE "EventActor"."actorId" = ${actor.id} AND "Event"."deletedAt" IS NULL GROUP BY "EventActor"."role"`),
  ]);
  return {
    id: actor.id,
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    parent: parentOf(actor),
    children,
    aliases,
    roles: roles
      .map((row) => ({ role: row.role as ActorRole, count: Number(row.count) }))
      .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
  };
}
