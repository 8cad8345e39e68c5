import { Prisma } from '@/lib/db';
import { storylinePlace } from '@/lib/event-index';
import { readRow, readRows } from '@/lib/sql-reader';

/**
 * An event's neighbours in its policy's storyline — the event just before and
 * just after it in the chronology's order (lib/events.ts chronologicalOrder:
 * sort day, then the less precise first, then slug) — and its place in it.
 * The filter index (lib/event-index.ts) holds each storyline in that order, so
 * the place costs a binary search however long the storyline (counting it in
 * SQL took 28 ms for a storyline of 7,600 events). While the index of the
 * current data version is still being built (right after a save), and for an
 * event it does not hold yet (written by another process within the last
 * second), the event is placed by indexed seeks on "Event"(policyId,
 * dateSortKey) and a count.
 */

export interface StorylineEvent {
  slug: string;
  title: string;
  date: string;
}

export interface StorylineNeighbours {
  policy: { slug: string; title: string };
  previous: StorylineEvent | null;
  next: StorylineEvent | null;
  /** The event's place in the storyline, from 1, and the storyline's length. */
  position: number;
  count: number;
}

type Position = { id: string; policyId: string; policySlug: string; policyTitle: string; dateSortKey: string; dateLatest: string; slug: string };

const SAME_STORYLINE = (at: Position) => Prisma.sql`"Event"."policyId" = ${at.policyId} AND "Event"."deletedAt" IS NULL`;

/** Events before `at` in the chronology (the reverse of "after"). */
const before = (at: Position) => Prisma.sql`"Event"."dateSortKey" <= ${at.dateSortKey} AND ("Event"."dateSortKey" < ${at.dateSortKey}
  OR ("Event"."dateSortKey" = ${at.dateSortKey} AND "Event"."dateLatest" > ${at.dateLatest})
  OR ("Event"."dateSortKey" = ${at.dateSortKey} AND "Event"."dateLatest" = ${at.dateLatest} AND "Event"."slug" < ${at.slug}))`;

const after = (at: Position) => Prisma.sql`"Event"."dateSortKey" >= ${at.dateSortKey} AND ("Event"."dateSortKey" > ${at.dateSortKey}
  OR ("Event"."dateSortKey" = ${at.dateSortKey} AND "Event"."dateLatest" < ${at.dateLatest})
  OR ("Event"."dateSortKey" = ${at.dateSortKey} AND "Event"."dateLatest" = ${at.dateLatest} AND "Event"."slug" > ${at.slug}))`;

/** Where a live event of a live policy stands in the chronology, or null. */
function positionOf(slug: string): Promise<Position | undefined> {
  return readRow<Position>(Prisma.sql`
    SELECT "Event"."id", "Event"."policyId", "Policy"."slug" AS "policySlug", "Policy"."title" AS "policyTitle",
      "Event"."dateSortKey", "Event"."dateLatest", "Event"."slug"
    FROM "Event" JOIN "Policy" ON "Policy"."id" = "Event"."policyId"
    WHERE "Event"."slug" = ${slug} AND "Event"."deletedAt" IS NULL AND "Policy"."deletedAt" IS NULL`);
}

/** The storyline around a live event, or null when the event is not part of a live policy. */
export async function getStorylineNeighbours(slug: string): Promise<StorylineNeighbours | null> {
  const at = await positionOf(slug);
  if (!at) return null;
  const place = await storylinePlace(at.id, at.policyId);
  if (!place) return placedBySql(at);
  const neighbourIds = [place.previousId, place.nextId].filter((id) => id !== null);
  const neighbours = neighbourIds.length
    ? await readRows<StorylineEvent & { id: string }>(
        Prisma.sql`SELECT "id", "slug", "title", "date" FROM "Event" WHERE "id" IN (${Prisma.join(neighbourIds)})`,
      )
    : [];
  const neighbour = (id: string | null): StorylineEvent | null => {
    const found = neighbours.find((row) => row.id === id);
    return found ? { slug: found.slug, title: found.title, date: found.date } : null;
  };
  return {
    policy: { slug: at.policySlug, title: at.policyTitle },
    previous: neighbour(place.previousId),
    next: neighbour(place.nextId),
    position: place.position,
    count: place.count,
  };
}

/** The same storyline read from the database alone (what an event not yet in the index gets). */
export async function getStorylineNeighboursBySql(slug: string): Promise<StorylineNeighbours | null> {
  const at = await positionOf(slug);
  return at ? placedBySql(at) : null;
}

async function placedBySql(at: Position): Promise<StorylineNeighbours> {
  const columns = Prisma.sql`SELECT "Event"."slug", "Event"."title", "Event"."date" FROM "Event"`;
  const [previous, next, counts] = await Promise.all([
    readRow<StorylineEvent>(Prisma.sql`${columns} WHERE ${SAME_STORYLINE(at)} AND ${before(at)}
      ORDER BY "Event"."dateSortKey" DESC, "Event"."dateLatest" ASC, "Event"."slug" DESC LIMIT 1`),
    readRow<StorylineEvent>(Prisma.sql`${columns} WHERE ${SAME_STORYLINE(at)} AND ${after(at)}
      ORDER BY "Event"."dateSortKey" ASC, "Event"."dateLatest" DESC, "Event"."slug" ASC LIMIT 1`),
    readRow<{ earlier: number; total: number }>(Prisma.sql`
      SELECT COUNT(CASE WHEN ${before(at)} THEN 1 END) AS "earlier", COUNT(*) AS "total" FROM "Event" WHERE ${SAME_STORYLINE(at)}`),
  ]);
  return {
    policy: { slug: at.policySlug, title: at.policyTitle },
    previous: previous ?? null,
    next: next ?? null,
    position: Number(counts?.earlier ?? 0) + 1,
    count: Number(counts?.total ?? 1),
  };
}
