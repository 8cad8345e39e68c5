import { chronologicalOrder } from '@/lib/events';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
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

/** The referenced actors and every ancestor of theirs, since a document must hold each actor's parent. */
function withAncestors(actors: ActorForExport[], referenced: Set<string>): ActorForExport[] {
  const bySlug = new Map(actors.map((actor) => [actor.slug, actor]));
  const kept = new Set<string>();
  for (const slug of referenced) {
    for (let current = bySlug.get(slug); current && !kept.has(current.slug); current = bySlug.get(current.parent?.slug ?? '')) {
      kept.add(current.slug);
    }
  }
  return actors.filter((actor) => kept.has(actor.slug));
}

/** Only what the selected events reference; relations to events left out are dropped, so the document stays valid. */
function selectReferenced(dataset: Dataset, actors: ActorForExport[]): Dataset {
  const eventSlugs = new Set(dataset.events.map((event) => event.slug));
  const events = dataset.events.map((event) => ({ ...event, relations: event.relations.filter((relation) => eventSlugs.has(relation.event)) }));
  const used = <T>(pick: (event: DatasetEvent) => T[]) => new Set(events.flatMap(pick));
  const actorSlugs = used((event) => event.actors.map((link) => link.actor));
  const sourceIds = used((event) => event.citations.map((citation) => citation.source));
  const policySlugs = used((event) => (event.policy ? [event.policy] : []));
  const topicSlugs = used((event) => event.topics);
  return {
    format: DATASET_FORMAT,
    topics: dataset.topics.filter((topic) => topicSlugs.has(topic.slug)),
    actors: withAncestors(actors, actorSlugs).map(actorToDataset),
    sources: dataset.sources.filter((source) => sourceIds.has(source.id)),
    policies: dataset.policies.filter((policy) => policySlugs.has(policy.slug)),
    events,
  };
}

/**
 * The dataset in the interchange format, in a stable order (collections by slug
 * or id, events chronologically), so two exports of the same data are
 * byte-identical. Records in the trash are left out.
 */
export async function exportDataset(client: Db, selection: ExportSelection = {}): Promise<Dataset> {
  const [topics, actors, sources, policies, events] = await Promise.all([
    client.topic.findMany({ orderBy: { slug: 'asc' } }),
    client.actor.findMany({ where: { deletedAt: null }, include: actorExportInclude, orderBy: { slug: 'asc' } }),
    client.source.findMany({ where: { deletedAt: null }, orderBy: { id: 'asc' } }),
    client.policy.findMany({ where: { deletedAt: null }, orderBy: { slug: 'asc' } }),
    client.event.findMany({
      where: liveEvents(selection.eventWhere),
      include: eventExportInclude,
      orderBy: chronologicalOrder('asc'),
    }),
  ]);
  const dataset: Dataset = {
    format: DATASET_FORMAT,
    topics: topics.map(topicToDataset),
    actors: actors.map(actorToDataset),
    sources: sources.map(sourceToDataset),
    policies: policies.map(policyToDataset),
    events: events.map(eventToDataset),
  };
  return selection.eventWhere ? selectReferenced(dataset, actors) : dataset;
}

/** The document as a file holds it: 2-space indented JSON with a final newline. */
export function serializeDataset(dataset: Dataset): string {
  return `${JSON.stringify(dataset, null, 2)}\n`;
}
