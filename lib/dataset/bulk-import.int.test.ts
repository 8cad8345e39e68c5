import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDataset, topicNameFromSlug } from '@/lib/dataset/apply';
import { exportDataset } from '@/lib/dataset/export';
import type { Dataset, DatasetEvent } from '@/lib/dataset/format';
import { importDataset } from '@/lib/dataset/import';
import { directStatementsOf, providerOfClient, type PrismaClient } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { refreshSearchText } from '@/lib/search';
import { foreignClient, freshDatabase, freshDatabaseUrl, removeFreshDatabases } from '@/tests/integration/fresh-database';
import { documentOf, eventInput, sourceInput, validated } from '@/tests/integration/factories';
import { generateBenchDataset } from '@/scripts/bench-data';

/**
 * The batched import at a size where batches matter (several thousand events,
 * several batches of each collection): what it stores is what the document
 * says, with one revision a record, search columns as the one-by-one rebuild
 * makes them, and nothing written again when nothing changed.
 */

afterAll(removeFreshDatabases);

const asCommandLine = { author: COMMAND_LINE_AUTHOR };
const EVENTS = 2_600;

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** The document as an export of it reads: collections in key order, topics and relations as sets, and the topics events create. */
function asExported(dataset: Dataset): Dataset {
  const topics = new Map(dataset.topics.map((topic) => [topic.slug, topic]));
  for (const slug of dataset.events.flatMap((event) => event.topics)) if (!topics.has(slug)) topics.set(slug, { slug, name: topicNameFromSlug(slug) });
  const event = (item: DatasetEvent): DatasetEvent => ({
    ...item,
    topics: [...new Set(item.topics)].sort(),
    relations: [...item.relations].sort(byKey((relation) => `${relation.type} ${relation.event}`)),
  });
  return {
    format: dataset.format,
    topics: [...topics.values()].sort(byKey((topic) => topic.slug)),
    actors: [...dataset.actors].sort(byKey((actor) => actor.slug)),
    sources: [...dataset.sources].sort(byKey((source) => source.id)),
    policies: [...dataset.policies].sort(byKey((policy) => policy.slug)),
    events: dataset.events.map(event).sort(byKey((item) => item.slug)),
  };
}

async function exported(client: PrismaClient): Promise<Dataset> {
  const dataset = await exportDataset(client);
  return { ...dataset, events: [...dataset.events].sort(byKey((event) => event.slug)) };
}

/** Every row of every table an import writes, in a stable order: equal means nothing was written. */
async function everyRow(client: PrismaClient) {
  const tables = ['Topic', 'Actor', 'ActorAlias', 'Source', 'Policy', 'Event', 'EventActor', 'EventTopic', 'Citation', 'EventRelation', 'Revision', 'EventSearchRow'];
  const rows: Record<string, unknown[]> = {};
  // PostgreSQL's search document (a tsvector) is compared as its text.
  const columns = (table: string) => (table === 'EventSearchRow' && providerOfClient(client) === 'postgresql' ? '"id", "eventId", "words"::text AS "words"' : '*');
  for (const table of tables) {
    const found = await client.$queryRawUnsafe<unknown[]>(`SELECT ${columns(table)} FROM "${table}"`);
    rows[table] = found.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

/**
 * The search columns of every event. The words of searchText are compared as a
 * sorted list: the rebuild reads an event's actors in no particular order, the
 * import in the document's, and a search matches words wherever they stand.
 */
async function searchColumns(client: PrismaClient) {
  const events = await client.event.findMany({ select: { id: true, searchText: true, searchTitle: true, searchSummary: true }, orderBy: { id: 'asc' } });
  return events.map((event) => ({ ...event, searchText: event.searchText.trim().split(' ').sort() }));
}

const revisionsOf = (client: PrismaClient) =>
  client.revision.findMany({ orderBy: { id: 'asc' }, select: { entityType: true, entityId: true, entityKey: true, action: true, version: true, before: true, after: true, authorLabel: true } });

describe('a batched import of thousands of events', () => {
  const document = generateBenchDataset({ events: EVENTS });
  let client: PrismaClient;
  beforeAll(async () => {
    client = await freshDatabase();
  });

  it('stores what the document says, with one revision for each record it created', async () => {
    const outcome = await importDataset(client, JSON.stringify(document), asCommandLine);
    expect(outcome).toMatchObject({ ok: true, report: { events: { created: EVENTS, updated: 0, unchanged: 0 } } });

    const stored = await exported(client);
    expect(stored).toEqual(asExported(document));

    const revisions = await revisionsOf(client);
    const expected = [
      ...stored.actors.map((actor) => ['actor', actor.slug, actor] as const),
      ...stored.sources.map((source) => ['source', source.id, source] as const),
      ...stored.policies.map((policy) => ['policy', policy.slug, policy] as const),
      ...stored.events.map((event) => ['event', event.slug, event] as const),
    ];
    expect(revisions).toHaveLength(expected.length);
    const byKeyAndType = new Map(revisions.map((revision) => [`${revision.entityType} ${revision.entityKey}`, revision]));
    for (const [type, key, record] of expected) {
      const revision = byKeyAndType.get(`${type} ${key}`);
      expect(revision, `${type} ${key}`).toMatchObject({ action: 'import', version: 1, before: null, authorLabel: 'import' });
      expect(JSON.parse(revision!.after!), `${type} ${key}`).toEqual(record);
    }
    // Each revision names its record by id.
    const eventIds = new Map((await client.event.findMany({ select: { id: true, slug: true } })).map((event) => [event.slug, event.id]));
    for (const revision of revisions.filter((row) => row.entityType === 'event')) expect(revision.entityId).toBe(eventIds.get(revision.entityKey));
  });

  it('fills the search columns as rebuilding them one event at a time does, and indexes every event', async () => {
    const written = await searchColumns(client);
    expect(written).toHaveLength(EVENTS);
    expect(written.every((event) => event.searchText.length > 10 && event.searchTitle !== '')).toBe(true);
    // A spread of them: rebuilding one at a time is slow.
    const sample = new Set(written.filter((_, index) => index % 10 === 0).map((event) => event.id));
    await client.$transaction((tx) => refreshSearchText(tx, [...sample]), { timeout: 120_000 });
    expect((await searchColumns(client)).filter((event) => sample.has(event.id))).toEqual(written.filter((event) => sample.has(event.id)));
    expect(await client.eventSearchRow.count()).toBe(EVENTS);
  });

  it('writes nothing when the same document is imported again', async () => {
    const before = await everyRow(client);
    const outcome = await applyDataset(client, document, asCommandLine);
    expect(outcome.events).toEqual({ created: 0, updated: 0, unchanged: EVENTS });
    expect(outcome.actors).toEqual({ created: 0, updated: 0, unchanged: document.actors.length });
    expect(await everyRow(client)).toEqual(before);
  });

  it('writes only the changed records, each with a revision of before and after', async () => {
    const revisionsBefore = (await revisionsOf(client)).length;
    const changed: Dataset = structuredClone(document);
    const renamedActor = changed.actors[changed.actors.length - 1];
    renamedActor.name = 'Renamed Zephyr Office';
    changed.events[7].title = 'A changed title';
    changed.events[1_900].relations = [{ type: 'follows', event: changed.events[3].slug }];
    changed.sources[5].availability = 'removed';
    changed.events.push({ ...structuredClone(changed.events[0]), slug: 'a-new-event-at-the-end', relations: [{ type: 'amends', event: changed.events[0].slug }] });

    const outcome = await applyDataset(client, changed, asCommandLine);
    expect(outcome.events).toEqual({ created: 1, updated: 2, unchanged: EVENTS - 2 });
    expect(outcome.actors).toEqual({ created: 0, updated: 1, unchanged: document.actors.length - 1 });
    expect(outcome.sources).toEqual({ created: 0, updated: 1, unchanged: document.sources.length - 1 });
    expect(await exported(client)).toEqual(asExported(changed));

    const added = (await revisionsOf(client)).slice(revisionsBefore);
    expect(added.map((revision) => `${revision.entityType} ${revision.entityKey} v${revision.version}`).sort()).toEqual(
      [
        `actor ${renamedActor.slug} v2`,
        `source ${changed.sources[5].id} v2`,
        `event ${changed.events[7].slug} v2`,
        `event ${changed.events[1_900].slug} v2`,
        'event a-new-event-at-the-end v1',
      ].sort(),
    );
    const titleChange = added.find((revision) => revision.entityKey === changed.events[7].slug)!;
    expect(JSON.parse(titleChange.before!).title).toBe(document.events[7].title);
    expect(JSON.parse(titleChange.after!).title).toBe('A changed title');

    // The renamed actor's events, written or not, search by the new name.
    const linked = await client.event.findMany({ where: { actors: { some: { actor: { slug: renamedActor.slug } } } }, select: { searchText: true } });
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((event) => event.searchText.includes(' renamed zephyr office '))).toBe(true);
  });
});

describe('the query planner after an import', () => {
  it('knows the imported events, so a page of events is read by id rather than by reading every event', async () => {
    // Analyzed when it held a dozen events, as `npm run db:prepare` leaves a database with the default dataset.
    const client = await freshDatabase();
    await importDataset(client, JSON.stringify(generateBenchDataset({ events: 12 })), asCommandLine);
    await importDataset(client, JSON.stringify(generateBenchDataset({ events: EVENTS })), asCommandLine);

    const ids = (await client.event.findMany({ select: { id: true }, take: 50 })).map((event) => event.id);
    if (providerOfClient(client) === 'postgresql') {
      const [table] = await client.$queryRawUnsafe<{ rows: number }[]>(`SELECT "reltuples"::int AS "rows" FROM "pg_class" WHERE "relname" = 'Event'`);
      expect(table.rows).toBe(12 + EVENTS);
      const plan = await client.$queryRawUnsafe<{ 'QUERY PLAN': string }[]>(
        `EXPLAIN SELECT "Event"."title" FROM "Event" WHERE "Event"."id" IN (${ids.map((_, index) => `$${index + 1}`).join(', ')})`,
        ...ids,
      );
      expect(plan.map((step) => step['QUERY PLAN']).join('\n')).not.toMatch(/Seq Scan on "Event"/);
      return;
    }
    const [stat] = await client.$queryRawUnsafe<{ stat: string }[]>(
      `SELECT "stat" FROM "sqlite_stat1" WHERE "tbl" = 'Event' AND "idx" = 'sqlite_autoindex_Event_1'`,
    );
    expect(Number(stat.stat.split(' ')[0])).toBe(12 + EVENTS);
    const plan = await client.$queryRawUnsafe<{ detail: string }[]>(
      `EXPLAIN QUERY PLAN SELECT "Event"."title" FROM "Event" WHERE "Event"."id" IN (${ids.map(() => '?').join(', ')})`,
      ...ids,
    );
    expect(plan.map((step) => step.detail).join('\n')).not.toMatch(/SCAN "?Event"?/);
  });
});

describe('an import through a client lib/db.ts did not make', () => {
  it('writes the same through Prisma raw queries, having no driver connection to write on directly', async () => {
    const document = generateBenchDataset({ events: 120 });
    const reference = await freshDatabase();
    await applyDataset(reference, document, asCommandLine);
    const foreign = foreignClient(await freshDatabaseUrl());
    try {
      expect(directStatementsOf(foreign)).toBeNull();
      const report = await applyDataset(foreign, document, asCommandLine);
      expect(report.events).toEqual({ created: 120, updated: 0, unchanged: 0 });
      expect(await exported(foreign)).toEqual(await exported(reference));
      expect((await revisionsOf(foreign)).length).toBe((await revisionsOf(reference)).length);
    } finally {
      await foreign.$disconnect();
    }
  });
});

describe('renaming an actor by import', () => {
  it('gives the new name to the actor’s events in the document and to those only the database holds', async () => {
    const client = await freshDatabase();
    const actor = { slug: 'zephyr-office', name: 'Zephyr Office', kind: 'agency' as const };
    const first = documentOf({
      actors: [actor],
      sources: [sourceInput('a-source')],
      events: [eventInput('held-in-the-database', '2026-05', 'a-source', { actors: [{ actor: actor.slug, role: 'issuer' }] })],
    });
    await applyDataset(client, validated(first), asCommandLine);
    const second = documentOf({
      actors: [{ ...actor, name: 'Office of Breezes', aliases: ['OOB'] }],
      sources: [sourceInput('a-source')],
      events: [eventInput('in-the-document', '2026-06', 'a-source', { actors: [{ actor: actor.slug, role: 'subject' }] })],
    });
    await applyDataset(client, validated(second), asCommandLine);
    const heldOnly = await client.event.findUniqueOrThrow({ where: { slug: 'held-in-the-database' }, select: { searchText: true } });
    expect(heldOnly.searchText).toContain(' office of breezes oob ');

    const third = documentOf({ ...second, events: [...second.events!, ...first.events!] });
    await applyDataset(client, validated({ ...third, actors: [{ ...actor, name: 'Bureau of Gales' }] }), asCommandLine);

    const events = await client.event.findMany({ select: { slug: true, searchText: true }, orderBy: { slug: 'asc' } });
    expect(events.map((event) => event.slug)).toEqual(['held-in-the-database', 'in-the-document']);
    for (const event of events) {
      expect(event.searchText).toContain(' bureau of gales ');
      expect(event.searchText).not.toContain('breezes');
    }
  });
});
