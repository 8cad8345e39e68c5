import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { Dataset, DatasetEvent, DatasetTopic } from '@/lib/dataset/format';
import {
  actorExportInclude,
  actorToDataset,
  eventExportInclude,
  eventToDataset,
  policyToDataset,
  sourceToDataset,
  topicToDataset,
} from '@/lib/dataset/export';
import { derivedDateFields, replaceEventLinks } from '@/lib/event-links';

export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ApplyReport = Record<'topics' | 'actors' | 'sources' | 'policies' | 'events', ApplyCounts>;

type Tx = Prisma.TransactionClient;

const emptyCounts = (): ApplyCounts => ({ created: 0, updated: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** "frontier-models" → "Frontier models", for topics an event names without declaring. */
export function topicNameFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Topics and relations are sets: sorted here so that the order they are listed in is not a change. */
function canonicalEvent(event: DatasetEvent): DatasetEvent {
  return {
    ...event,
    topics: [...new Set(event.topics)].sort(),
    relations: [...event.relations].sort((a, b) => a.type.localeCompare(b.type) || a.event.localeCompare(b.event)),
  };
}

async function applyTopics(tx: Tx, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const declared = new Map(dataset.topics.map((topic) => [topic.slug, topic]));
  for (const event of dataset.events) {
    for (const slug of event.topics) if (!declared.has(slug)) declared.set(slug, { slug, name: topicNameFromSlug(slug) });
  }
  const existing = new Map((await tx.topic.findMany()).map((topic) => [topic.slug, topic]));
  const ids = new Map([...existing].map(([slug, topic]) => [slug, topic.id]));
  for (const topic of declared.values()) {
    const current = existing.get(topic.slug);
    const explicitlyDeclared = dataset.topics.some((item: DatasetTopic) => item.slug === topic.slug);
    if (!current) {
      ids.set(topic.slug, (await tx.topic.create({ data: topic })).id);
      counts.created++;
    } else if (explicitlyDeclared && !same(topicToDataset(current), topic)) {
      await tx.topic.update({ where: { id: current.id }, data: { name: topic.name } });
      counts.updated++;
    } else counts.unchanged++;
  }
  return ids;
}

async function applyActors(tx: Tx, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const existing = new Map(
    (await tx.actor.findMany({ include: actorExportInclude })).map((actor) => [actor.slug, actor]),
  );
  const ids = new Map([...existing].map(([slug, actor]) => [slug, actor.id]));
  const changed: string[] = [];
  // First pass without parents: a parent may come later in the document.
  for (const actor of dataset.actors) {
    const current = existing.get(actor.slug);
    if (current && same(actorToDataset(current), actor)) {
      counts.unchanged++;
      continue;
    }
    const data = {
      name: actor.name,
      kind: actor.kind,
      aliases: { create: actor.aliases.map((alias, position) => ({ alias, position })) },
    };
    if (current) {
      await tx.actorAlias.deleteMany({ where: { actorId: current.id } });
      await tx.actor.update({ where: { id: current.id }, data });
      counts.updated++;
    } else {
      ids.set(actor.slug, (await tx.actor.create({ data: { slug: actor.slug, ...data } })).id);
      counts.created++;
    }
    changed.push(actor.slug);
  }
  const bySlug = new Map(dataset.actors.map((actor) => [actor.slug, actor]));
  for (const slug of changed) {
    const parent = bySlug.get(slug)?.parent;
    await tx.actor.update({ where: { slug }, data: { parentId: parent ? ids.get(parent) : null } });
  }
  return ids;
}

async function applySources(tx: Tx, dataset: Dataset, counts: ApplyCounts): Promise<void> {
  const existing = new Map((await tx.source.findMany()).map((source) => [source.id, source]));
  for (const source of dataset.sources) {
    const current = existing.get(source.id);
    if (!current) {
      await tx.source.create({ data: source });
      counts.created++;
    } else if (!same(sourceToDataset(current), source)) {
      await tx.source.update({ where: { id: source.id }, data: source });
      counts.updated++;
    } else counts.unchanged++;
  }
}

async function applyPolicies(tx: Tx, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const existing = new Map((await tx.policy.findMany()).map((policy) => [policy.slug, policy]));
  const ids = new Map([...existing].map(([slug, policy]) => [slug, policy.id]));
  for (const policy of dataset.policies) {
    const current = existing.get(policy.slug);
    if (!current) {
      ids.set(policy.slug, (await tx.policy.create({ data: policy })).id);
      counts.created++;
    } else if (!same(policyToDataset(current), policy)) {
      await tx.policy.update({ where: { id: current.id }, data: policy });
      counts.updated++;
    } else counts.unchanged++;
  }
  return ids;
}

async function applyEvents(
  tx: Tx,
  dataset: Dataset,
  refs: { topics: Map<string, string>; actors: Map<string, string>; policies: Map<string, string> },
  counts: ApplyCounts,
): Promise<void> {
  const slugs = dataset.events.map((event) => event.slug);
  const existing = new Map(
    (await tx.event.findMany({ where: { slug: { in: slugs } }, include: eventExportInclude })).map((event) => [event.slug, event]),
  );
  const ids = new Map([...existing].map(([slug, event]) => [slug, event.id]));
  const changed: DatasetEvent[] = [];

  for (const incoming of dataset.events) {
    const event = canonicalEvent(incoming);
    const current = existing.get(event.slug);
    if (current && same(eventToDataset(current), event)) {
      counts.unchanged++;
      continue;
    }
    const data = {
      title: event.title,
      summary: event.summary,
      ...derivedDateFields(event.date),
      type: event.type,
      jurisdiction: event.jurisdiction,
      policyId: event.policy ? refs.policies.get(event.policy) : null,
    };
    if (current) {
      await tx.event.update({ where: { id: current.id }, data });
      counts.updated++;
    } else {
      ids.set(event.slug, (await tx.event.create({ data: { slug: event.slug, ...data } })).id);
      counts.created++;
    }
    changed.push(event);
  }

  // Links are written once every event exists, since relations may point forward.
  for (const event of changed) {
    await replaceEventLinks(tx, ids.get(event.slug)!, {
      actors: event.actors.map((link) => ({ actorId: refs.actors.get(link.actor)!, role: link.role })),
      topicIds: event.topics.map((slug) => refs.topics.get(slug)!),
      citations: event.citations.map((citation) => ({ sourceId: citation.source, quote: citation.quote })),
      relations: event.relations.map((relation) => ({ toEventId: ids.get(relation.event)!, type: relation.type })),
    });
  }
}

/**
 * Writes a validated dataset as create-or-update by slug (sources by id), all in
 * one transaction. Records already equal to the document are left untouched, so
 * applying the same document twice changes nothing.
 */
export async function applyDataset(client: PrismaClient, dataset: Dataset): Promise<ApplyReport> {
  const report: ApplyReport = {
    topics: emptyCounts(),
    actors: emptyCounts(),
    sources: emptyCounts(),
    policies: emptyCounts(),
    events: emptyCounts(),
  };
  await client.$transaction(
    async (tx) => {
      const topics = await applyTopics(tx, dataset, report.topics);
      const actors = await applyActors(tx, dataset, report.actors);
      await applySources(tx, dataset, report.sources);
      const policies = await applyPolicies(tx, dataset, report.policies);
      await applyEvents(tx, dataset, { topics, actors, policies }, report.events);
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  );
  return report;
}
