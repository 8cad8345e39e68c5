import { setImmediate } from 'node:timers/promises';
import type { Prisma, PrismaClient } from '@/lib/db';
import { BulkWriter, newRecordId, type SqlRow } from '@/lib/dataset/bulk-sql';
import type { Dataset, DatasetActor, DatasetEvent, DatasetTopic } from '@/lib/dataset/format';
import {
  actorExportInclude,
  actorToDataset,
  eventExportInclude,
  eventToDataset,
  policyToDataset,
  sourceToDataset,
  topicToDataset,
} from '@/lib/dataset/export';
import { directStatementsOf, withOwnConnection } from '@/lib/db';
import { bulkWriteSettings } from '@/lib/sql-dialect';
import { derivedDateFields } from '@/lib/event-links';
import { revisionRow, type Author, type EntityType } from '@/lib/revisions';
import { refreshSearchText, searchFields, type SearchFields } from '@/lib/search';

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

/**
 * One application of a document: the transaction, who is writing, when, and progress.
 *
 * Records are compared in memory and written in batches (lib/dataset/bulk-sql.ts):
 * a handful of statements for a few hundred records, where writing them one by one
 * through the models took about 13 ms a record.
 */
interface Run {
  tx: Tx;
  author: Author;
  /** Writes many rows a statement, yielding between statements. */
  sql: BulkWriter;
  /** createdAt and updatedAt of every row this run writes, as a transaction's time. */
  now: Date;
  /** Reports progress for `count` more settled records, then lets other requests in if this run has held the event loop long enough. */
  settled: (count: number) => Promise<void>;
  yieldIfDue: () => Promise<void>;
}

/** A record to create (before is null) or update, with its id and its version once written. */
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

/** A change to write: a new record gets a new id and version 1, an existing one its next version. */
function changeOf<T>(record: T, current: { id: string; version: number } | undefined, before: Snapshot | null): Change<T> {
  return current ? { record, id: current.id, version: current.version + 1, before } : { record, id: newRecordId(), version: 1, before: null };
}

const created = <T>(changes: Array<Change<T>>) => changes.filter((change) => change.before === null);
const updated = <T>(changes: Array<Change<T>>) => changes.filter((change) => change.before !== null);

/** The columns every versioned record gets when created, and when updated (a record in the trash comes back). */
const createdColumns = (run: Run) => ({ version: 1, createdAt: run.now, updatedAt: run.now });
const updatedColumns = (run: Run, change: Change<unknown>) => ({ version: change.version, deletedAt: null, updatedAt: run.now });

/**
 * Every created or updated record gets an "import" revision with the record
 * before and after, in the interchange format, like an edit in the admin.
 */
async function recordImports(run: Run, type: EntityType, keyOf: (record: Snapshot) => string, changes: Array<Change<Snapshot>>): Promise<void> {
  const rows = changes.map((change) => ({
    ...revisionRow({
      entityType: type,
      entityId: change.id,
      entityKey: keyOf(change.record),
      action: 'import',
      version: change.version,
      before: change.before,
      after: { ...change.record },
      author: run.author,
    }),
    createdAt: run.now,
  }));
  await run.sql.insert('Revision', rows);
}

/** Topics have no history or trash: they are created, or renamed when the document declares a new name. */
async function applyTopics(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const declared = new Set(dataset.topics.map((topic) => topic.slug));
  const existing = new Map((await run.tx.topic.findMany()).map((topic) => [topic.slug, topic]));
  const ids = new Map([...existing].map(([slug, topic]) => [slug, topic.id]));
  const rows: SqlRow[] = [];
  const topics = topicsOf(dataset);
  for (const topic of topics) {
    const current = existing.get(topic.slug);
    if (!current) {
      const id = newRecordId();
      ids.set(topic.slug, id);
      rows.push({ id, slug: topic.slug, name: topic.name });
      counts.created++;
    } else if (declared.has(topic.slug) && !same(topicToDataset(current), topic)) {
      await run.sql.update('Topic', current.id, { name: topic.name });
      counts.updated++;
    } else counts.unchanged++;
  }
  await run.sql.insert('Topic', rows);
  await run.settled(topics.length);
  return ids;
}

/** Each new actor after its parent, so that the parent exists when the row naming it is written. */
function parentsFirst(changes: Array<Change<DatasetActor>>): Array<Change<DatasetActor>> {
  const bySlug = new Map(changes.map((change) => [change.record.slug, change]));
  const ordered: Array<Change<DatasetActor>> = [];
  const placed = new Set<string>();
  const place = (change: Change<DatasetActor>) => {
    if (placed.has(change.record.slug)) return;
    placed.add(change.record.slug);
    const parent = change.record.parent ? bySlug.get(change.record.parent) : undefined;
    if (parent) place(parent); // validation refuses cycles
    ordered.push(change);
  };
  changes.forEach(place);
  return ordered;
}

interface AppliedActors {
  ids: Map<string, string>;
  /** The document's actors by slug: what every event of the document links to once the import is written. */
  bySlug: Map<string, DatasetActor>;
  /** Existing actors whose name or aliases changed, by id and by slug: their events' search text must follow. */
  renamedIds: string[];
  renamedSlugs: Set<string>;
}

async function applyActors(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<AppliedActors> {
  const { tx } = run;
  const existing = new Map((await tx.actor.findMany({ include: actorExportInclude })).map((actor) => [actor.slug, actor]));
  const ids = new Map([...existing].map(([slug, actor]) => [slug, actor.id]));
  const changes: Array<Change<DatasetActor>> = [];
  const renamedIds: string[] = [];
  const renamedSlugs = new Set<string>();
  for (const actor of dataset.actors) {
    const current = existing.get(actor.slug);
    const before = current ? actorToDataset(current) : null;
    if (current && !current.deletedAt && same(before, actor)) {
      counts.unchanged++;
      continue;
    }
    const change = changeOf(actor, current, before ? { ...before } : null);
    ids.set(actor.slug, change.id);
    changes.push(change);
    if (before) {
      counts.updated++;
      if (before.name !== actor.name || !same(before.aliases, actor.aliases)) {
        renamedIds.push(change.id);
        renamedSlugs.add(actor.slug);
      }
    } else counts.created++;
  }
  const columns = (actor: DatasetActor) => ({ name: actor.name, kind: actor.kind, parentId: actor.parent ? ids.get(actor.parent)! : null });
  // New actors first: an existing actor's new parent may be one of them.
  await run.sql.insert(
    'Actor',
    parentsFirst(created(changes)).map((change) => ({ id: change.id, slug: change.record.slug, ...columns(change.record), ...createdColumns(run) })),
  );
  const rewritten = updated(changes);
  await run.sql.deleteWhereIn('ActorAlias', 'actorId', rewritten.map((change) => change.id));
  for (const change of rewritten) {
    await run.sql.update('Actor', change.id, { ...columns(change.record), ...updatedColumns(run, change) });
  }
  await run.sql.insert(
    'ActorAlias',
    changes.flatMap((change) => change.record.aliases.map((alias, position) => ({ actorId: change.id, alias, position }))),
  );
  await recordImports(run, 'actor', (record) => String(record.slug), changes);
  await run.settled(dataset.actors.length);
  return { ids, bySlug: new Map(dataset.actors.map((actor) => [actor.slug, actor])), renamedIds, renamedSlugs };
}

async function applySources(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<void> {
  const { tx } = run;
  const existing = new Map((await tx.source.findMany()).map((source) => [source.id, source]));
  const changes: Array<Change<Dataset['sources'][number]>> = [];
  for (const source of dataset.sources) {
    const current = existing.get(source.id);
    const before = current ? sourceToDataset(current) : null;
    if (current && !current.deletedAt && same(before, source)) {
      counts.unchanged++;
      continue;
    }
    // A source's id is its key: it is kept, not made.
    changes.push({ ...changeOf(source, current, before ? { ...before } : null), id: source.id });
    if (before) counts.updated++;
    else counts.created++;
  }
  await run.sql.insert('Source', created(changes).map((change) => ({ ...change.record, ...createdColumns(run) })));
  for (const change of updated(changes)) {
    const { id, ...columns } = change.record;
    await run.sql.update('Source', id, { ...columns, ...updatedColumns(run, change) });
  }
  await recordImports(run, 'source', (record) => String(record.id), changes);
  await run.settled(dataset.sources.length);
}

async function applyPolicies(run: Run, dataset: Dataset, counts: ApplyCounts): Promise<Map<string, string>> {
  const { tx } = run;
  const existing = new Map((await tx.policy.findMany()).map((policy) => [policy.slug, policy]));
  const ids = new Map([...existing].map(([slug, policy]) => [slug, policy.id]));
  const changes: Array<Change<Dataset['policies'][number]>> = [];
  for (const policy of dataset.policies) {
    const current = existing.get(policy.slug);
    const before = current ? policyToDataset(current) : null;
    if (current && !current.deletedAt && same(before, policy)) {
      counts.unchanged++;
      continue;
    }
    const change = changeOf(policy, current, before ? { ...before } : null);
    ids.set(policy.slug, change.id);
    changes.push(change);
    if (before) counts.updated++;
    else counts.created++;
  }
  await run.sql.insert('Policy', created(changes).map((change) => ({ id: change.id, ...change.record, ...createdColumns(run) })));
  for (const change of updated(changes)) {
    await run.sql.update('Policy', change.id, { title: change.record.title, summary: change.record.summary, ...updatedColumns(run, change) });
  }
  await recordImports(run, 'policy', (record) => String(record.slug), changes);
  await run.settled(dataset.policies.length);
  return ids;
}

/** Events are compared and written this many at a time, so memory stays flat however long the document. */
const EVENTS_PER_BATCH = 500;

interface EventRefs {
  topics: Map<string, string>;
  actors: AppliedActors;
  policies: Map<string, string>;
}

/** The search columns of an event as the document leaves it (lib/search.ts refreshSearchText builds the same from the database). */
function eventSearchFields(event: DatasetEvent, actors: Map<string, DatasetActor>): SearchFields {
  return searchFields({
    title: event.title,
    summary: event.summary,
    quotes: event.citations.map((citation) => citation.quote),
    actorNames: event.actors.flatMap((link) => {
      const actor = actors.get(link.actor)!;
      return [actor.name, ...actor.aliases];
    }),
  });
}

/** An event's own columns: the document's fields, the dates derived from its EDTF date, and its search columns. */
function eventColumns(event: DatasetEvent, refs: EventRefs) {
  return {
    title: event.title,
    summary: event.summary,
    ...derivedDateFields(event.date),
    type: event.type,
    jurisdiction: event.jurisdiction,
    policyId: event.policy ? refs.policies.get(event.policy)! : null,
    ...eventSearchFields(event, refs.actors.bySlug),
  };
}

/** Returns the ids of the document's events, whose search columns now follow their actors' names. */
async function applyEvents(run: Run, dataset: Dataset, refs: EventRefs, counts: ApplyCounts): Promise<Set<string>> {
  const { tx } = run;
  /** Every event of the document by slug, once it is settled: relations may name any of them. */
  const ids = new Map<string, string>();
  const relations: Array<{ fromEventId: string; type: string; event: string }> = [];

  for (let start = 0; start < dataset.events.length; start += EVENTS_PER_BATCH) {
    const batch = dataset.events.slice(start, start + EVENTS_PER_BATCH).map(canonicalEvent);
    const existing = new Map(
      (await tx.event.findMany({ where: { slug: { in: batch.map((event) => event.slug) } }, include: eventExportInclude })).map((event) => [
        event.slug,
        event,
      ]),
    );
    await run.yieldIfDue();
    const changes: Array<Change<DatasetEvent>> = [];
    /** Unchanged events of a renamed actor: only their search columns are written. */
    const renamed: Array<{ id: string; event: DatasetEvent }> = [];
    for (const event of batch) {
      const current = existing.get(event.slug);
      const before = current ? eventToDataset(current) : null;
      if (current) ids.set(event.slug, current.id);
      if (current && !current.deletedAt && same(before, event)) {
        counts.unchanged++;
        if (event.actors.some((link) => refs.actors.renamedSlugs.has(link.actor))) renamed.push({ id: current.id, event });
        continue;
      }
      const change = changeOf(event, current, before ? { ...before } : null);
      ids.set(event.slug, change.id);
      changes.push(change);
      if (before) counts.updated++;
      else counts.created++;
    }

    await run.sql.insert(
      'Event',
      created(changes).map((change) => ({ id: change.id, slug: change.record.slug, ...eventColumns(change.record, refs), ...createdColumns(run) })),
    );
    const rewritten = updated(changes).map((change) => change.id);
    for (const [table, column] of [['EventActor', 'eventId'], ['EventTopic', 'eventId'], ['Citation', 'eventId'], ['EventRelation', 'fromEventId']]) {
      await run.sql.deleteWhereIn(table, column, rewritten);
    }
    for (const change of updated(changes)) {
      await run.sql.update('Event', change.id, { ...eventColumns(change.record, refs), ...updatedColumns(run, change) });
    }
    for (const { id, event } of renamed) await run.sql.update('Event', id, { ...eventSearchFields(event, refs.actors.bySlug), updatedAt: run.now });
    const linksOf = <T>(pick: (event: DatasetEvent, eventId: string) => T[]) => changes.flatMap((change) => pick(change.record, change.id));
    await run.sql.insert(
      'EventActor',
      linksOf((event, eventId) => event.actors.map((link, position) => ({ eventId, actorId: refs.actors.ids.get(link.actor)!, role: link.role, position }))),
    );
    await run.sql.insert('EventTopic', linksOf((event, eventId) => event.topics.map((slug) => ({ eventId, topicId: refs.topics.get(slug)! }))));
    await run.sql.insert(
      'Citation',
      linksOf((event, eventId) => event.citations.map((citation, position) => ({ eventId, sourceId: citation.source, quote: citation.quote, position }))),
    );
    // Relations may point forward: they are written once every event exists.
    relations.push(...linksOf((event, fromEventId) => event.relations.map((relation) => ({ fromEventId, ...relation }))));
    await recordImports(run, 'event', (record) => String(record.slug), changes);
    await run.settled(batch.length);
  }

  await run.sql.insert(
    'EventRelation',
    relations.map((relation) => ({ fromEventId: relation.fromEventId, toEventId: ids.get(relation.event)!, type: relation.type })),
  );
  return new Set(ids.values());
}

/**
 * Events search by their actors' names and aliases. The document's events
 * already hold their actors' new names (applyEvents); the others linked to a
 * renamed actor are rebuilt from the database.
 */
async function refreshEventsOfRenamedActors(run: Run, actors: AppliedActors, documentEvents: Set<string>): Promise<void> {
  if (actors.renamedIds.length === 0) return;
  const links = await run.tx.eventActor.findMany({ where: { actorId: { in: actors.renamedIds } }, select: { eventId: true } });
  await refreshSearchText(
    run.tx,
    links.map((link) => link.eventId).filter((eventId) => !documentEvents.has(eventId)),
  );
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
        const settled = async (count: number) => {
          for (let index = 0; index < count; index++) options.onProgress?.(++done, total);
          await yieldIfDue();
        };
        const sql = new BulkWriter(tx, directStatementsOf(connection), yieldIfDue);
        const run: Run = { tx, sql, author: options.author, now: new Date(), settled, yieldIfDue };
        options.onProgress?.(0, total);
        await sql.prepare(bulkWriteSettings(connection));
        const topics = await applyTopics(run, dataset, report.topics);
        const actors = await applyActors(run, dataset, report.actors);
        await applySources(run, dataset, report.sources);
        const policies = await applyPolicies(run, dataset, report.policies);
        const documentEvents = await applyEvents(run, dataset, { topics, actors, policies }, report.events);
        await refreshEventsOfRenamedActors(run, actors, documentEvents);
      },
      { timeout: 10 * 60_000 },
    ),
  );
  return report;
}
