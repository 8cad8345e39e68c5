import { db } from '@/lib/db';
import { Prisma } from '@/lib/db';
import { actorRoleCounts } from '@/lib/event-index';
import { ACTOR_PAGE_SIZE, type ActorIndexQuery } from '@/lib/index-queries';
import { readRow, readRows } from '@/lib/sql-reader';
import { containsText } from '@/lib/sql-dialect';
import { versionCache } from '@/lib/version-cache';
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

export interface ActorIndexEntry extends ActorListEntry {
  kind: ActorKind;
  /** The alias that matched the search, when the name did not. */
  matchedAlias: string | null;
}

export interface ActorIndex {
  query: ActorIndexQuery;
  actors: ActorIndexEntry[];
  /** Actors matching the search and kinds, on every page. */
  total: number;
  pageCount: number;
  /** Each kind with its number of actors matching the search (not the kinds), in the vocabulary's order. */
  kinds: Array<{ kind: ActorKind; count: number }>;
}

/** Live actors whose name or an alias holds the search text. */
function actorSearchCondition(q: string | null): Prisma.Sql {
  if (!q) return Prisma.sql`"Actor"."deletedAt" IS NULL`;
  return Prisma.sql`"Actor"."deletedAt" IS NULL AND (${containsText(Prisma.sql`"Actor"."name"`, q)}
    OR EXISTS (SELECT 1 FROM "ActorAlias" WHERE "ActorAlias"."actorId" = "Actor"."id" AND ${containsText(Prisma.sql`"ActorAlias"."alias"`, q)}))`;
}

async function readActorIndex(query: ActorIndexQuery): Promise<ActorIndex> {
  const matching = actorSearchCondition(query.q);
  const where = query.kinds.length ? Prisma.sql`${matching} AND "Actor"."kind" IN (${Prisma.join(query.kinds)})` : matching;
  const offset = (query.page - 1) * ACTOR_PAGE_SIZE;
  const matchedAlias = query.q
    ? Prisma.sql`(SELECT "ActorAlias"."alias" FROM "ActorAlias" WHERE "ActorAlias"."actorId" = "Actor"."id" AND ${containsText(Prisma.sql`"ActorAlias"."alias"`, query.q)} ORDER BY "ActorAlias"."position" LIMIT 1)`
    : Prisma.sql`NULL`;
  const [rows, [counted], kindRows, eventCounts] = await Promise.all([
    readRows<{ id: string; slug: string; name: string; kind: string; parentSlug: string | null; parentName: string | null; matchedAlias: string | null }>(Prisma.sql`
      SELECT "Actor"."id", "Actor"."slug", "Actor"."name", "Actor"."kind", "Parent"."slug" AS "parentSlug", "Parent"."name" AS "parentName",
        ${matchedAlias} AS "matchedAlias"
      FROM "Actor" LEFT JOIN "Actor" AS "Parent" ON "Parent"."id" = "Actor"."parentId"
      WHERE ${where} ORDER BY "Actor"."name" ASC, "Actor"."slug" ASC LIMIT ${ACTOR_PAGE_SIZE} OFFSET ${offset}`),
    readRows<{ total: number }>(Prisma.sql`SELECT COUNT(*) AS "total" FROM "Actor" WHERE ${where}`),
    readRows<{ kind: string; count: number }>(Prisma.sql`SELECT "Actor"."kind", COUNT(*) AS "count" FROM "Actor" WHERE ${matching} GROUP BY "Actor"."kind"`),
    eventCountsCache('all', readEventCounts),
  ]);
  const total = Number(counted?.total ?? 0);
  const kindCounts = new Map(kindRows.map((row) => [row.kind, Number(row.count)]));
  return {
    query,
    actors: rows.map((row) => ({
      slug: row.slug,
      name: row.name,
      kind: row.kind as ActorKind,
      parent: parentOf(row),
      eventCount: eventCounts.get(row.id) ?? 0,
      matchedAlias: row.matchedAlias && query.q && !containsIgnoringCase(row.name, query.q) ? row.matchedAlias : null,
    })),
    total,
    pageCount: Math.max(1, Math.ceil(total / ACTOR_PAGE_SIZE)),
    kinds: ACTOR_KINDS.flatMap((kind) => (kindCounts.get(kind) ? [{ kind, count: kindCounts.get(kind)! }] : [])),
  };
}

const containsIgnoringCase = (text: string, part: string) => text.toLowerCase().includes(part.toLowerCase());

/**
 * Every actor's number of live events, counted by the database in one pass
 * over the links, once per data version. Counted per page instead, a few
 * actors in thousands of events (a president, a ministry) made one page cost
 * half a second at 100,000 events.
 */
async function readEventCounts(): Promise<Map<string, number>> {
  // An actor can play two roles in one event: count distinct events, not links.
  const rows = await readRows<{ actorId: string; count: number }>(Prisma.sql`
    SELECT "EventActor"."actorId", COUNT(DISTINCT "EventActor"."eventId") AS "count"
    FROM "EventActor" JOIN "Event" ON "Event"."id" = "EventActor"."eventId"
    WHERE "Event"."deletedAt" IS NULL GROUP BY "EventActor"."actorId"`);
  return new Map(rows.map((row) => [row.actorId, Number(row.count)]));
}

const eventCountsCache = versionCache<Map<string, number>>('actor-event-counts', 2);
const actorIndexCache = versionCache<ActorIndex>('actor-index', 200);

/** A page of the actors index — searched, filtered by kind — made by the database, read once per data version and query. */
export function listActorIndex(query: ActorIndexQuery): Promise<ActorIndex> {
  return actorIndexCache(query, () => readActorIndex(query));
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
    // Counted by the filter index: in SQL it joined every link of the actor to its event (6 ms for an actor of 2,700 events).
    actorRoleCounts(actor.id),
  ]);
  return {
    id: actor.id,
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind,
    parent: parentOf(actor),
    children,
    aliases,
    roles: [...roles]
      .map(([role, count]) => ({ role: role as ActorRole, count }))
      .sort((a, b) => b.count - a.count || a.role.localeCompare(b.role)),
  };
}
