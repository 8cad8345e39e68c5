import { setImmediate } from 'node:timers/promises';
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
import { withOwnConnection } from '@/lib/db';
import { derivedDateFields, replaceEventLinks } from '@/lib/event-links';
import { recordRevision, type Author, type EntityType } from '@/lib/revisions';
import { refreshSearchTextOfActor } from '@/lib/search';

export interface ApplyCounts {
  created: number;
  updated: number;
  unchanged: number;
}
export type ApplyReport = Record<'topics' | 'actors' | 'sources' | 'policies' | 'events', ApplyCounts>;
export type ProgressListener = (done: number, total: number) => void;

export interface ApplyOptions {
  /** Whom the revisions name: the importing admin, or COMMAND_LINE_AUTHOR for the seed and the command line. */
  author: Author;
  /** Called once at the start and after each record (topic, actor, source, policy or event) is settled. */
  onProgress?: ProgressListener;
}

type Tx = Prisma.TransactionClient;
type Snapshot = Record<string, unknown>;

/** One application of a document: the transaction, who is writing, and progress. */
interface Run {
  tx: Tx;
  author: Author;
  /** Reports progress after a record, and lets other requests in when this run has held the event loop long enough. */
  settled: () => Promise<void>;
  yieldIfDue: () => Promise<void>;
}

/** A created or updated record, waiting for the second pass (parents, links) and its revision. */
interface Change<T> {
  record: T;
  id: string;
  version: number;
  before: Snapshot | null;
}

const emptyCounts = (): ApplyCounts => ({ created: 0, updated: 0, unchanged: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** The order SQLite sorts text in, so a canonical event lists relations as export does. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "frontier-models" → "Frontier models", for topics an event names without declaring. */
export function topicNameFromSlug(slug: string): string {
  const words = slug.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Topics and relations are sets: sorted here so that the order they are listed in is not a change. */
function canonicalEvent(event: DatasetEvent): DatasetEvent {
  return {
    ...event,
    topics: [...new Set(event.topics)].sort(byCodeUnits),
    relations: [...event.relations].sort((a, b) => byCodeUnits(a.type, b.type) || byCodeUnits(a.event, b.event)),
  };
}

/** The declared topics, then those events name without declaring them. */
function topicsOf(dataset: Dataset): DatasetTopic[] {
  const topics = new Map(dataset.topics.map((topic) => [topic.slug, topic]));
  for (const event of dataset.events) {
    for (const slug of event.topics) if (!topics.has(slug)) topics.set(slug, { slug, name: topicNameFromSlug(slug) });
  }
  return [...topics.values()];
}

/**
 * Every created or updated record gets an "import" revision with the record
 * before and after, in the interchange format, like an edit in the admin.
 */
async function recordImport(run: Run, type: EntityType, key: string, change: Change<Snapshot>): Promise<void> {
  await recordRevision(run.tx, {
    entityType: type,
    entityId: change.id,
    entityKey: key,
    action: 'import',
    version: change.version,
    before: change.before,
    after: change.record,
    author: run.author,
  });
}

/** Topics have no history or trash: they are created, or renamed when the document declares a new name. */
async function applyTopics(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const declared = new Set(dataset.topics.map((topic) => topic.slug));
  const existing = new Map((await run.tx.topic.findMany()).map((topic) => [topic.slug, topic]));
  const ids = new Map([...existing].map(([slug, topic]) => [slug, topic.id]));
  for (const topic of topicsOf(dataset)) {
    const current = existing.get(topic.slug);
    if (!current) {
      ids.set(topic.slug, (await run.tx.topic.create({ data: topic })).id);
      counts.created++;
    } else if (declared.has(topic.slug) && !same(topicToDataset(current), topic)) {
      await run.tx.topic.update({ where: { id: current.id }, data: { name: topic.name } });
      counts.updated++;
    } else counts.unchanged++;
    await run.settled();
  }
  return ids;
}

async function applyActors(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const { tx } = run;
  const existing = new Map((await tx.actor.findMany({ include: actorExportInclude })).map((actor) => [actor.slug, actor]));
  const ids = new Map([...existing].map(([slug, actor]) => [slug, actor.id]));
  const changes: Array<Change<Dataset['actors'][number]>> = [];
  // First pass without parents: a parent may come later in the document.
  for (const actor of dataset.actors) {
    await run.yieldIfDue();
    const current = existing.get(actor.slug);
    const before = current ? { ...actorToDataset(current) } : null;
    if (current && !current.deletedAt && same(before, actor)) {
      counts.unchanged++;
      await run.settled();
      continue;
    }
    const data = {
      name: actor.name,
      kind: actor.kind,
      aliases: { create: actor.aliases.map((alias, position) => ({ alias, position })) },
    };
    if (current) {
      await tx.actorAlias.deleteMany({ where: { actorId: current.id } });
      const updated = await tx.actor.update({
        where: { id: current.id },
        data: { ...data, deletedAt: null, version: { increment: 1 } },
        select: { version: true },
      });
      changes.push({ record: actor, id: current.id, version: updated.version, before });
      counts.updated++;
    } else {
      const created = await tx.actor.create({ data: { slug: actor.slug, ...data }, select: { id: true, version: true } });
      ids.set(actor.slug, created.id);
      changes.push({ record: actor, id: created.id, version: created.version, before: null });
      counts.created++;
    }
  }
  for (const change of changes) {
    const parent = change.record.parent;
    await tx.actor.update({ where: { id: change.id }, data: { parentId: parent ? ids.get(parent) : null } });
    // Events search by their actors' names and aliases; events this import rewrites are refreshed with their links.
    if (change.before) await refreshSearchTextOfActor(tx, change.id);
    await recordImport(run, 'actor', change.record.slug, { ...change, record: { ...change.record } });
    await run.settled();
  }
  return ids;
}

async function applySources(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<void> {
  const { tx } = run;
  const existing = new Map((await tx.source.findMany()).map((source) => [source.id, source]));
  for (const source of dataset.sources) {
    const current = existing.get(source.id);
    const before = current ? { ...sourceToDataset(current) } : null;
    if (current && !current.deletedAt && same(before, source)) {
      counts.unchanged++;
    } else if (current) {
      const updated = await tx.source.update({ where: { id: source.id }, data: { ...source, deletedAt: null, version: { increment: 1 } } });
      await recordImport(run, 'source', source.id, { record: { ...source }, id: source.id, version: updated.version, before });
      counts.updated++;
    } else {
      const created = await tx.source.create({ data: source });
      await recordImport(run, 'source', source.id, { record: { ...source }, id: source.id, version: created.version, before: null });
      counts.created++;
    }
    await run.settled();
  }
}

async function applyPolicies(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const { tx } = run;
  const existing = new Map((await tx.policy.findMany()).map((policy) => [policy.slug, policy]));
  const ids = new Map([...existing].map(([slug, policy]) => [slug, policy.id]));
  for (const policy of dataset.policies) {
    const current = existing.get(policy.slug);
    const before = current ? { ...policyToDataset(current) } : null;
    if (current && !current.deletedAt && same(before, policy)) {
      counts.unchanged++;
    } else if (current) {
      const updated = await tx.policy.update({ where: { id: current.id }, data: { ...policy, deletedAt: null, version: { increment: 1 } } });
      await recordImport(run, 'policy', policy.slug, { record: { ...policy }, id: current.id, version: updated.version, before });
      counts.updated++;
    } else {
      const created = await tx.policy.create({ data: policy });
      ids.set(policy.slug, created.id);
      await recordImport(run, 'policy', policy.slug, { record: { ...policy }, id: created.id, version: created.version, before: null });
      counts.created++;
    }
    await run.settled();
  }
  return ids;
}

async function applyEvents(
  run: Run,
  dataset: Dataset,
  refs: { topics: Map<string, string>; actors: Map<string, string>; policies: Map<string, string> },
  counts: ApplyCounts,
): Promise<void> {
  const { tx } = run;
  const slugs = dataset.events.map((event) => event.slug);
  const existing = new Map(
    (await tx.event.findMany({ where: { slug: { in: slugs } }, include: eventExportInclude })).map((event) => [event.slug, event]),
  );
  const ids = new Map([...existing].map(([slug, event]) => [slug, event.id]));
  const changes: Array<Change<DatasetEvent>> = [];

  for (const incoming of dataset.events) {
    await run.yieldIfDue();
    const event = canonicalEvent(incoming);
    const current = existing.get(event.slug);
    const before = current ? { ...eventToDataset(current) } : null;
    if (current && !current.deletedAt && same(before, event)) {
      counts.unchanged++;
      await run.settled();
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
      const updated = await tx.event.update({
        where: { id: current.id },
        data: { ...data, deletedAt: null, version: { increment: 1 } },
        select: { version: true },
      });
      changes.push({ record: event, id: current.id, version: updated.version, before });
      counts.updated++;
    } else {
      const created = await tx.event.create({ data: { slug: event.slug, ...data }, select: { id: true, version: true } });
      ids.set(event.slug, created.id);
      changes.push({ record: event, id: created.id, version: created.version, before: null });
      counts.created++;
    }
  }

  // Links are written once every event exists, since relations may point forward.
  for (const change of changes) {
    const event = change.record;
    await replaceEventLinks(tx, change.id, {
      actors: event.actors.map((link) => ({ actorId: refs.actors.get(link.actor)!, role: link.role })),
      topicIds: event.topics.map((slug) => refs.topics.get(slug)!),
      citations: event.citations.map((citation) => ({ sourceId: citation.source, quote: citation.quote })),
      relations: event.relations.map((relation) => ({ toEventId: ids.get(relation.event)!, type: relation.type })),
    });
    await recordImport(run, 'event', event.slug, { ...change, record: { ...event } });
    await run.settled();
  }
}

/**
 * Queries inside one transaction resolve without ever giving the event loop
 * back, so a long import pauses this often to let other requests be served.
 */
const YIELD_EVERY_MS = 20;

function eventLoopYielder(): () => Promise<void> {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < YIELD_EVERY_MS) return;
    await setImmediate();
    since = performance.now();
  };
}

/**
 * Writes a validated dataset as create-or-update by slug (sources by id), all in
 * one transaction: either every record is written or none is. Records already
 * equal to the document are left untouched and get no revision, so applying the
 * same document twice changes nothing. A record in the trash that the document
 * names comes back (and counts as updated).
 *
 * The transaction runs on a connection of its own to `client`'s database and
 * yields to the event loop as it goes: pages keep reading the last committed
 * state meanwhile, and other writers wait for the lock (see lib/db.ts).
 */
export async function applyDataset(client: PrismaClient, dataset: Dataset, options: ApplyOptions): Promise<ApplyReport> {
  const report: ApplyReport = {
    topics: emptyCounts(),
    actors: emptyCounts(),
    sources: emptyCounts(),
    policies: emptyCounts(),
    events: emptyCounts(),
  };
  const total =
    topicsOf(dataset).length + dataset.actors.length + dataset.sources.length + dataset.policies.length + dataset.events.length;
  await withOwnConnection(client, (connection) =>
    connection.$transaction(
      async (tx) => {
        let done = 0;
        const yieldIfDue = eventLoopYielder();
        const settled = async () => {
          options.onProgress?.(++done, total);
          await yieldIfDue();
        };
        const run: Run = { tx, author: options.author, settled, yieldIfDue };
        options.onProgress?.(0, total);
        const topics = await applyTopics(run, dataset, report.topics);
        const actors = await applyActors(run, dataset, report.actors);
        await applySources(run, dataset, report.sources);
        const policies = await applyPolicies(run, dataset, report.policies);
        await applyEvents(run, dataset, { topics, actors, policies }, report.events);
      },
      { timeout: 10 * 60_000 },
    ),
  );
  return report;
}
