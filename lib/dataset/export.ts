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

/** The whole dataset, in a stable order, so two exports of the same data are byte-identical. */
export async function exportDataset(client: Db): Promise<Dataset> {
  const [topics, actors, sources, policies, events] = await Promise.all([
    client.topic.findMany({ orderBy: { slug: 'asc' } }),
    client.actor.findMany({ where: { deletedAt: null }, include: actorExportInclude, orderBy: { slug: 'asc' } }),
    client.source.findMany({ where: { deletedAt: null }, orderBy: { id: 'asc' } }),
    client.policy.findMany({ where: { deletedAt: null }, orderBy: { slug: 'asc' } }),
    client.event.findMany({
      where: { deletedAt: null },
      include: eventExportInclude,
      orderBy: chronologicalOrder('asc'),
    }),
  ]);
  return {
    format: DATASET_FORMAT,
    topics: topics.map(topicToDataset),
    actors: actors.map(actorToDataset),
    sources: sources.map(sourceToDataset),
    policies: policies.map(policyToDataset),
    events: events.map(eventToDataset),
  };
}
