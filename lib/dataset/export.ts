import { chronologicalBatches, keysetBatches } from '@/lib/exports/batches';
import type { Prisma, PrismaClient } from '@/lib/db';
import {
  DATASET_FORMAT,
  type Dataset,
  type DatasetActor,
  type DatasetEvent,
  type DatasetPolicy,
  type DatasetSource,
  type DatasetTopic,
} from '@/lib/dataset/format';
import type { ActorKind, ActorRole, Availability, EventType, RelationType } from '@/lib/vocabulary';

/**
 * Database rows → interchange format. Import compares these shapes to decide
 * what changed, and export writes them, so both agree on one representation.
 */

type Db = PrismaClient | Prisma.TransactionClient;

export const actorExportInclude = {
  parent: { select: { slug: true } },
  aliases: { orderBy: { position: 'asc' } },
} satisfies Prisma.ActorInclude;

export const eventExportInclude = {
  policy: { select: { slug: true } },
  topics: { include: { topic: { select: { slug: true } } }, orderBy: { topic: { slug: 'asc' } } },
  actors: { include: { actor: { select: { slug: true } } }, orderBy: { position: 'asc' } },
  citations: { orderBy: { position: 'asc' } },
  relationsFrom: {
    where: { to: { deletedAt: null } },
    include: { to: { select: { slug: true } } },
    orderBy: [{ type: 'asc' }, { to: { slug: 'asc' } }],
  },
} satisfies Prisma.EventInclude;

export type ActorForExport = Prisma.ActorGetPayload<{ include: typeof actorExportInclude }>;
export type EventForExport = Prisma.EventGetPayload<{ include: typeof eventExportInclude }>;

export function topicToDataset(topic: { slug: string; name: string }): DatasetTopic {
  return { slug: topic.slug, name: topic.name };
}

export function actorToDataset(actor: ActorForExport): DatasetActor {
  return {
    slug: actor.slug,
    name: actor.name,
    kind: actor.kind as ActorKind,
    parent: actor.parent?.slug ?? null,
    aliases: actor.aliases.map((alias) => alias.alias),
  };
}

export function sourceToDataset(source: Prisma.SourceGetPayload<object>): DatasetSource {
  return {
    id: source.id,
    title: source.title,
    publisher: source.publisher,
    publishedOn: source.publishedOn,
    url: source.url,
    availability: source.availability as Availability,
    archiveUrl: source.archiveUrl,
  };
}

export function policyToDataset(policy: { slug: string; title: string; summary: string }): DatasetPolicy {
  return { slug: policy.slug, title: policy.title, summary: policy.summary };
}

export function eventToDataset(event: EventForExport): DatasetEvent {
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    date: event.date,
    type: event.type as EventType,
    jurisdiction: event.jurisdiction,
    policy: event.policy?.slug ?? null,
    topics: event.topics.map((link) => link.topic.slug),
    actors: event.actors.map((link) => ({ actor: link.actor.slug, role: link.role as ActorRole })),
    citations: event.citations.map((citation) => ({ source: citation.sourceId, quote: citation.quote })),
    relations: event.relationsFrom.map((relation) => ({ type: relation.type as RelationType, event: relation.to.slug })),
  };
}

export interface ExportSelection {
  /**
   * Only the events this matches (live events only, always), with the actors
   * (and their parents), sources, policies and topics they reference. Without
   * it, the whole dataset.
   */
  eventWhere?: Prisma.EventWhereInput;
}

const liveEvents = (where?: Prisma.EventWhereInput): Prisma.EventWhereInput => (where ? { AND: [{ deletedAt: null }, where] } : { deletedAt: null });

/** The collections of a document, in the order it holds them. */
export const DATASET_COLLECTIONS = ['topics', 'actors', 'sources', 'policies', 'events'] as const;
export type DatasetCollection = (typeof DATASET_COLLECTIONS)[number];

/** Each collection of a document as batches of its records, read when asked for (in the order of DATASET_COLLECTIONS). */
export type DatasetBatches = { [Collection in DatasetCollection]: () => AsyncIterable<Dataset[Collection]> };

/** Keyset batches over a table in the order of one unique text column: `read` gets the last key read, or undefined first. */
function byKey<Row>(keyOf: (row: Row) => string, read: (after: string | undefined, take: number) => Promise<Row[]>, batchSize?: number) {
  return keysetBatches<Row>((last, take) => read(last ? keyOf(last) : undefined, take), batchSize);
}

const gt = (after: string | undefined) => (after === undefined ? undefined : { gt: after });
const bySlug = (row: { slug: string }) => row.slug;

/** Non-empty batches of `batches`, each mapped. */
async function* mapped<Row, Record>(batches: AsyncIterable<Row[]>, toRecord: (rows: Row[]) => Record[]): AsyncGenerator<Record[], void, undefined> {
  for await (const rows of batches) {
    const records = toRecord(rows);
    if (records.length > 0) yield records;
  }
}

/**
 * The ids of the live actors the selected events name, with every live
 * ancestor of theirs, since a document must hold each actor's parent. Only
 * ids and parents are held: a few bytes per actor.
 */
async function actorIdsWithAncestors(client: Db, selected: Prisma.EventWhereInput): Promise<Set<string>> {
  const [live, referenced] = await Promise.all([
    client.actor.findMany({ where: { deletedAt: null }, select: { id: true, parentId: true } }),
    client.actor.findMany({ where: { deletedAt: null, events: { some: { event: selected } } }, select: { id: true } }),
  ]);
  const parentOf = new Map(live.map((actor) => [actor.id, actor.parentId]));
  const kept = new Set<string>();
  for (const { id } of referenced) {
    for (let current: string | null | undefined = id; current && parentOf.has(current) && !kept.has(current); current = parentOf.get(current)) {
      kept.add(current);
    }
  }
  return kept;
}

/**
 * The records of the dataset in the interchange format, in a stable order
 * (collections by slug or id, events chronologically), in batches of
 * `batchSize`, so a document of any size is written without holding it.
 * Records in the trash are left out. With `selection.eventWhere`, only the
 * selected events and what they reference; relations to events left out are
 * dropped, so the document stays valid.
 */
export function datasetBatches(client: Db, selection: ExportSelection = {}, batchSize?: number): DatasetBatches {
  const selected = liveEvents(selection.eventWhere);
  const filtered = selection.eventWhere !== undefined;
  /**
   * A selection keeps only relations to selected events. Asking that of each
   * relation (`to: selected`) repeats the whole filter per row; one query per
   * batch for which of its targets are selected costs a lookup by id each.
   */
  const withinSelection = async (events: EventForExport[]): Promise<EventForExport[]> => {
    const targets = [...new Set(events.flatMap((event) => event.relationsFrom.map((relation) => relation.toEventId)))];
    if (!filtered || targets.length === 0) return events;
    const kept = new Set(
      (await client.event.findMany({ where: { AND: [selected, { id: { in: targets } }] }, select: { id: true } })).map((event) => event.id),
    );
    return events.map((event) => ({ ...event, relationsFrom: event.relationsFrom.filter((relation) => kept.has(relation.toEventId)) }));
  };
  return {
    topics: () =>
      mapped(
        byKey(bySlug, (after, take) =>
          client.topic.findMany({ where: { slug: gt(after), ...(filtered ? { events: { some: { event: selected } } } : {}) }, orderBy: { slug: 'asc' }, take }),
        batchSize),
        (topics) => topics.map(topicToDataset),
      ),
    actors: async function* () {
      const kept = filtered ? await actorIdsWithAncestors(client, selected) : null;
      const batches = byKey(bySlug, (after, take) =>
        client.actor.findMany({ where: { slug: gt(after), deletedAt: null }, include: actorExportInclude, orderBy: { slug: 'asc' }, take }),
      batchSize);
      yield* mapped(batches, (actors) => (kept ? actors.filter((actor) => kept.has(actor.id)) : actors).map(actorToDataset));
    },
    sources: () =>
      mapped(
        byKey((source: { id: string }) => source.id, (after, take) =>
          client.source.findMany({
            where: { id: gt(after), deletedAt: null, ...(filtered ? { citations: { some: { event: selected } } } : {}) },
            orderBy: { id: 'asc' },
            take,
          }),
        batchSize),
        (sources) => sources.map(sourceToDataset),
      ),
    policies: () =>
      mapped(
        byKey(bySlug, (after, take) =>
          client.policy.findMany({
            where: { slug: gt(after), deletedAt: null, ...(filtered ? { events: { some: selected } } : {}) },
            orderBy: { slug: 'asc' },
            take,
          }),
        batchSize),
        (policies) => policies.map(policyToDataset),
      ),
    events: () =>
      mapped(
        chronologicalBatches(
          selected,
          'asc',
          async (query) => withinSelection(await client.event.findMany({ ...query, include: eventExportInclude })),
          batchSize,
        ),
        (events) => events.map(eventToDataset),
      ),
  };
}

/** The whole document in memory, from the same batches (for tests and small datasets). */
export async function exportDataset(client: Db, selection: ExportSelection = {}): Promise<Dataset> {
  const batches = datasetBatches(client, selection);
  const dataset: Dataset = { format: DATASET_FORMAT, topics: [], actors: [], sources: [], policies: [], events: [] };
  for (const collection of DATASET_COLLECTIONS) {
    const records: unknown[] = dataset[collection];
    for await (const batch of batches[collection]()) records.push(...batch);
  }
  return dataset;
}

/** The document as a file holds it: 2-space indented JSON with a final newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}

export type DatasetCounts = Record<DatasetCollection, number>;

/**
 * serializeDataset of the same records, in pieces, for a stream: a piece per
 * batch. Each record is indented as JSON.stringify nests it two levels deep (no
 * JSON text holds a raw line break, so indenting every line is exact).
 * `counts`, when given, is filled in with how many records each collection held.
 */
export async function* serializedDatasetPieces(batches: DatasetBatches, counts?: DatasetCounts): AsyncGenerator<string, void, undefined> {
  yield `{\n  "format": ${JSON.stringify(DATASET_FORMAT)}`;
  for (const collection of DATASET_COLLECTIONS) {
    yield `,\n  ${JSON.stringify(collection)}: [`;
    let count = 0;
    for await (const records of batches[collection]()) {
      let piece = '';
      for (const record of records) {
        piece += `${count++ === 0 ? '' : ','}\n    ${JSON.stringify(record, null, 2).replace(/\n/g, '\n    ')}`;
      }
      yield piece;
    }
    if (counts) counts[collection] = count;
    yield count === 0 ? ']' : '\n  ]';
  }
  yield '\n}\n';
}
