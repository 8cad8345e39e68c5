import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * The policy, actors and citations of a batch of events, read with
 * one plain SQL query per relation (portable: double-quoted identifiers,
 * bound parameters), in the shape and order of Prisma's include of the same
 * relations (event-records.ts). Prisma's include costs several times as much
 * per row, which is most of the time an export of every event takes;
 * streaming.int.test.ts checks the two give the same records. Topics are
 * left out: no export of every event shows them.
 */

export interface EventRelations {
  policy: { slug: string; title: string } | null;
  actors: Array<{ role: string; actor: { slug: string; name: string } }>;
  citations: Array<{
    quote: string | null;
    source: { id: string; title: string; publisher: string | null; url: string | null; availability: string; archiveUrl: string | null };
  }>;
}

type PolicyRow = { id: string; slug: string; title: string };
type ActorRow = { eventId: string; role: string; slug: string; name: string };
type CitationRow = EventRelations['citations'][number]['source'] & { eventId: string; quote: string | null };

/** Rows grouped by event id, each group in the order the rows came. */
function byEvent<Row extends { eventId: string }, Item>(rows: Row[], item: (row: Row) => Item): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const row of rows) {
    const group = groups.get(row.eventId);
    if (group) group.push(item(row));
    else groups.set(row.eventId, [item(row)]);
  }
  return groups;
}

/** The relations of each event, in the order of `events`. */
export async function loadEventRelations(events: Array<{ id: string; policyId: string | null }>): Promise<EventRelations[]> {
  if (events.length === 0) return [];
  const eventIds = Prisma.join(events.map((event) => event.id));
  const policyIds = [...new Set(events.flatMap((event) => (event.policyId ? [event.policyId] : [])))];
  const [policies, actors, citations] = await Promise.all([
    policyIds.length
      ? db.$queryRaw<PolicyRow[]>`SELECT "id", "slug", "title" FROM "Policy" WHERE "id" IN (${Prisma.join(policyIds)})`
      : Promise.resolve([]),
    db.$queryRaw<ActorRow[]>`
      SELECT l."eventId", l."role", a."slug", a."name" FROM "EventActor" l JOIN "Actor" a ON a."id" = l."actorId"
      WHERE l."eventId" IN (${eventIds}) ORDER BY l."position" ASC`,
    db.$queryRaw<CitationRow[]>`
      SELECT c."eventId", c."quote", s."id", s."title", s."publisher", s."url", s."availability", s."archiveUrl"
      FROM "Citation" c JOIN "Source" s ON s."id" = c."sourceId"
      WHERE c."eventId" IN (${eventIds}) ORDER BY c."position" ASC`,
  ]);
  const policyById = new Map(policies.map((policy) => [policy.id, { slug: policy.slug, title: policy.title }]));
  const actorsOf = byEvent(actors, (row) => ({ role: row.role, actor: { slug: row.slug, name: row.name } }));
  const citationsOf = byEvent(citations, ({ eventId: _, quote, ...source }) => ({ quote, source }));
  return events.map((event) => ({
    policy: event.policyId ? (policyById.get(event.policyId) ?? null) : null,
    actors: actorsOf.get(event.id) ?? [],
    citations: citationsOf.get(event.id) ?? [],
  }));
}
