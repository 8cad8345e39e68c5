import { Prisma } from '@/lib/db';
import { readRows } from '@/lib/sql-reader';

/**
 * What the CSV shows of a batch of events' relations — the policy's title,
 * the topics' names, each actor's name and role, each cited source's title and
 * address — read with one
 * plain SQL query per relation (portable: double-quoted identifiers, bound
 * parameters), in the order of Prisma's include of the same relations
 * (event-records.ts). Prisma's include costs several times as much per row,
 * and reads every column of every quote and source, which was most of the
 * time a CSV of every event took; streaming.int.test.ts checks both give the
 * same file. They go through lib/sql-reader.ts, the driver itself, as the
 * timeline's pages do: Prisma's raw queries cost as much again in its query
 * interpreter.
 */

export interface CsvRelations {
  policy: { title: string } | null;
  topics: Array<{ name: string }>;
  actors: Array<{ name: string; role: string }>;
  citations: Array<{ source: { title: string; url: string | null } }>;
}

type PolicyRow = { id: string; title: string };
type ActorRow = { eventId: string; role: string; name: string };
type TopicRow = { eventId: string; name: string };
type CitationRow = { eventId: string; title: string; url: string | null };

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
export async function loadCsvRelations(events: Array<{ id: string; policyId: string | null }>): Promise<CsvRelations[]> {
  if (events.length === 0) return [];
  const eventIds = Prisma.join(events.map((event) => event.id));
  const policyIds = [...new Set(events.flatMap((event) => (event.policyId ? [event.policyId] : [])))];
  const [policies, topics, actors, citations] = await Promise.all([
    policyIds.length ? readRows<PolicyRow>(Prisma.sql`SELECT "id", "title" FROM "Policy" WHERE "id" IN (${Prisma.join(policyIds)})`) : Promise.resolve([]),
    // By name, as Prisma's include orders an event's topics (event-records.ts); the id breaks a tie the same way each time.
    readRows<TopicRow>(Prisma.sql`
      SELECT l."eventId", t."name" FROM "EventTopic" l JOIN "Topic" t ON t."id" = l."topicId"
      WHERE l."eventId" IN (${eventIds}) ORDER BY t."name" ASC, t."id" ASC`),
    readRows<ActorRow>(Prisma.sql`
      SELECT l."eventId", l."role", a."name" FROM "EventActor" l JOIN "Actor" a ON a."id" = l."actorId"
      WHERE l."eventId" IN (${eventIds}) ORDER BY l."position" ASC`),
    readRows<CitationRow>(Prisma.sql`
      SELECT c."eventId", s."title", s."url" FROM "Citation" c JOIN "Source" s ON s."id" = c."sourceId"
      WHERE c."eventId" IN (${eventIds}) ORDER BY c."position" ASC`),
  ]);
  const policyById = new Map(policies.map((policy) => [policy.id, { title: policy.title }]));
  const actorsOf = byEvent(actors, (row) => ({ name: row.name, role: row.role }));
  const topicsOf = byEvent(topics, (row) => ({ name: row.name }));
  const citationsOf = byEvent(citations, (row) => ({ source: { title: row.title, url: row.url } }));
  return events.map((event) => ({
    policy: event.policyId ? (policyById.get(event.policyId) ?? null) : null,
    topics: topicsOf.get(event.id) ?? [],
    actors: actorsOf.get(event.id) ?? [],
    citations: citationsOf.get(event.id) ?? [],
  }));
}
