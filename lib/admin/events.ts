import { randomUUID } from 'node:crypto';
import { createActorInTransaction, listActorChoices } from '@/lib/admin/actors';
import { topicNameFromSlug } from '@/lib/dataset/apply';
import { createPolicyInTransaction, listPolicyChoices } from '@/lib/admin/policies';
import { createSourceInTransaction, listSourceChoices } from '@/lib/admin/sources';
import { moveToTrash } from '@/lib/admin/lifecycle';
import { assertVersion, writeAtVersion } from '@/lib/admin/versioning';
import { eventExportInclude, eventToDataset } from '@/lib/dataset/export';
import type { DatasetEvent } from '@/lib/dataset/format';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { derivedDateFields, replaceEventLinks, type EventLinks } from '@/lib/event-links';
import { INVALID_FORM_MESSAGE } from '@/lib/forms';
import type { Prisma } from '@/lib/db';
import { authorOf, recordRevision, type RevisionAction } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';
import { formatEdtf } from '@/lib/dates';
import { isSlug, slugify } from '@/lib/slugs';
import type { EventFormInput, EventFormValues } from '@/lib/validation/event';
import { containsInsensitive } from '@/lib/sql-dialect';

type Tx = Prisma.TransactionClient;

export const ADMIN_PAGE_SIZE = 50;

export interface AdminEventRow {
  id: string;
  slug: string;
  title: string;
  date: string;
  type: string;
  updatedAt: Date;
}

/** Live events whose title or slug contains the search, most recently changed first. */
export async function listEventsForAdmin(search = '', page = 1): Promise<{ rows: AdminEventRow[]; total: number }> {
  const term = search.trim();
  const where: Prisma.EventWhereInput = {
    deletedAt: null,
    ...(term ? { OR: [{ title: containsInsensitive(term) }, { slug: containsInsensitive(term.toLowerCase()) }, { summary: containsInsensitive(term) }] } : {}),
  };
  const [rows, total] = await Promise.all([
    db.event.findMany({
      where,
      select: { id: true, slug: true, title: true, date: true, type: true, updatedAt: true },
      orderBy: [{ updatedAt: 'desc' }, { slug: 'asc' }],
      skip: (Math.max(1, page) - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
    }),
    db.event.count({ where }),
  ]);
  return { rows, total };
}

/**
 * Suggestions for the related-event field: an event is picked by its title,
 * which the server resolves; where titles collide the suggestion is the slug,
 * which is unambiguous. The label shows the other.
 */
export function relatedEventOptions(events: Array<{ slug: string; title: string }>): Array<{ value: string; label: string }> {
  const titleCount = new Map<string, number>();
  for (const event of events) titleCount.set(event.title, (titleCount.get(event.title) ?? 0) + 1);
  return events.map((event) =>
    titleCount.get(event.title) === 1 ? { value: event.title, label: event.slug } : { value: event.slug, label: event.title },
  );
}

/** Recently changed events, offered as relation targets (any event's title or slug can be typed). */
export async function listEventChoices(limit = 300): Promise<Array<{ slug: string; title: string }>> {
  return db.event.findMany({ where: { deletedAt: null }, select: { slug: true, title: true }, orderBy: { updatedAt: 'desc' }, take: limit });
}

export async function listTopicNames(): Promise<string[]> {
  return (await db.topic.findMany({ select: { name: true }, orderBy: { name: 'asc' } })).map((topic) => topic.name);
}

/** A key for a form row that stays with it when other rows are added or removed. */
export const newRowKey = (): string => randomUUID().slice(0, 12);

/** A stored event as the form shows it. */
export function formValuesOf(event: DatasetEvent, topicNames: Map<string, string>): EventFormValues {
  return {
    slug: event.slug,
    title: event.title,
    summary: event.summary,
    date: event.date,
    type: event.type,
    jurisdiction: event.jurisdiction,
    policy: event.policy ?? '',
    newPolicyTitle: '',
    newPolicySummary: '',
    topics: event.topics.map((slug) => topicNames.get(slug) ?? slug).join(', '),
    actors: event.actors.map((link) => ({ key: newRowKey(), actor: link.actor, role: link.role, newName: '', newKind: '' })),
    citations: event.citations.map((citation) => ({
      key: newRowKey(),
      source: citation.source,
      quote: citation.quote ?? '',
      newSource: { title: '', publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' },
    })),
    relations: event.relations.map((relation) => ({ key: newRowKey(), type: relation.type, event: relation.event })),
  };
}

export async function getEventForEdit(id: string): Promise<{ id: string; slug: string; version: number; values: EventFormValues } | null> {
  const event = await db.event.findFirst({ where: { id, deletedAt: null }, include: eventExportInclude });
  if (!event) return null;
  const topics = await db.topic.findMany({ select: { slug: true, name: true } });
  const names = new Map(topics.map((topic) => [topic.slug, topic.name]));
  return { id: event.id, slug: event.slug, version: event.version, values: formValuesOf(eventToDataset(event), names) };
}

/** Field errors found while resolving the form against the database; thrown together at the end. */
class Problems {
  readonly errors: Record<string, string> = {};
  add(field: string, message: string) {
    this.errors[field] ??= message;
  }
  throwIfAny(): void {
    if (Object.keys(this.errors).length > 0) throw new AppError('INVALID', INVALID_FORM_MESSAGE, this.errors);
  }
}

/** A title or name of punctuation alone ("!!!") makes an empty slug, which no page could be found at. */
const noSlugFrom = (what: 'name' | 'title') => `No slug can be made from this ${what}; use some letters or digits`;

async function resolvePolicy(tx: Tx, input: EventFormInput, editor: SessionUser, problems: Problems): Promise<string | null> {
  if (!input.policy) return null;
  if ('create' in input.policy) {
    const slug = slugify(input.policy.create.title);
    if (!slug) {
      problems.add('newPolicyTitle', noSlugFrom('title'));
      return null;
    }
    if (await tx.policy.findUnique({ where: { slug }, select: { id: true } })) {
      problems.add('newPolicyTitle', `A policy with this title already exists (${slug}); pick it from the list instead`);
      return null;
    }
    return (await createPolicyInTransaction(tx, { slug, ...input.policy.create }, editor)).id;
  }
  const policy = await tx.policy.findFirst({ where: { slug: input.policy.existing, deletedAt: null }, select: { id: true } });
  if (!policy) problems.add('policy', `No policy "${input.policy.existing}" exists; pick one from the list`);
  return policy?.id ?? null;
}

/** Topic ids for these topics, creating the ones that do not exist yet. */
async function ensureTopics(tx: Tx, topics: Array<{ slug: string; name: string }>): Promise<string[]> {
  const ids: string[] = [];
  for (const topic of topics) {
    const existing = await tx.topic.findUnique({ where: { slug: topic.slug }, select: { id: true } });
    ids.push(existing?.id ?? (await tx.topic.create({ data: topic })).id);
  }
  return ids;
}

async function resolveActors(tx: Tx, input: EventFormInput, editor: SessionUser, problems: Problems): Promise<EventLinks['actors']> {
  const links: EventLinks['actors'] = [];
  for (const row of input.actors) {
    if ('existing' in row.actor) {
      const actor = await tx.actor.findFirst({ where: { slug: row.actor.existing, deletedAt: null }, select: { id: true } });
      if (!actor) problems.add(`actors.${row.row}.actor`, `No actor "${row.actor.existing}" exists; pick one from the list`);
      else links.push({ actorId: actor.id, role: row.role });
      continue;
    }
    const slug = slugify(row.actor.create.name);
    if (!slug) {
      problems.add(`actors.${row.row}.newName`, noSlugFrom('name'));
      continue;
    }
    if (await tx.actor.findUnique({ where: { slug }, select: { id: true } })) {
      problems.add(`actors.${row.row}.newName`, `An actor named like this already exists (${slug}); pick it from the list instead`);
      continue;
    }
    const actorId = await createActorInTransaction(tx, { slug, ...row.actor.create, parent: null, aliases: [] }, editor);
    links.push({ actorId, role: row.role });
  }
  return links;
}

async function resolveCitations(tx: Tx, input: EventFormInput, editor: SessionUser, problems: Problems): Promise<EventLinks['citations']> {
  const links: EventLinks['citations'] = [];
  for (const row of input.citations) {
    if ('existing' in row.source) {
      const source = await tx.source.findFirst({ where: { id: row.source.existing, deletedAt: null }, select: { id: true } });
      if (!source) problems.add(`citations.${row.row}.source`, `No source "${row.source.existing}" exists; pick one from the list`);
      else links.push({ sourceId: source.id, quote: row.quote });
      continue;
    }
    const sourceId = await createSourceInTransaction(tx, row.source.create, editor);
    links.push({ sourceId, quote: row.quote });
  }
  return links;
}

const MAX_NAMED_MATCHES = 5;

/**
 * The event a relation row names, by slug or by exact title; a title several
 * events share gets a message listing their slugs (and dates) to choose from.
 */
async function findRelatedEvent(tx: Tx, reference: string): Promise<{ id: string; slug: string } | { problem: string }> {
  if (isSlug(reference)) {
    const bySlug = await tx.event.findFirst({ where: { slug: reference, deletedAt: null }, select: { id: true, slug: true } });
    if (bySlug) return bySlug;
  }
  const byTitle = await tx.event.findMany({
    where: { title: reference, deletedAt: null },
    select: { id: true, slug: true, date: true },
    orderBy: { dateSortKey: 'asc' },
    take: MAX_NAMED_MATCHES + 1,
  });
  if (byTitle.length === 1) return byTitle[0];
  if (byTitle.length === 0) return { problem: `No event has the title or slug "${reference}"; pick one from the suggestions, or type its slug` };
  const listed = byTitle.slice(0, MAX_NAMED_MATCHES).map((event) => `${event.slug} (${formatEdtf(event.date)})`).join(', ');
  const count = byTitle.length > MAX_NAMED_MATCHES ? `More than ${MAX_NAMED_MATCHES}` : String(byTitle.length);
  return { problem: `${count} events have this title; type the slug of the one you mean: ${listed}` };
}

async function resolveRelations(tx: Tx, input: EventFormInput, selfSlug: string, problems: Problems): Promise<EventLinks['relations']> {
  const links: EventLinks['relations'] = [];
  const seen = new Set<string>();
  for (const row of input.relations) {
    const field = `relations.${row.row}.event`;
    // A new event cannot be found yet, so its own slug is caught before the lookup.
    const target = row.event === selfSlug ? { id: '', slug: selfSlug } : await findRelatedEvent(tx, row.event);
    if ('problem' in target) {
      problems.add(field, target.problem);
    } else if (target.slug === selfSlug) {
      problems.add(field, 'An event cannot relate to itself');
    } else if (seen.has(`${row.type} ${target.id}`)) {
      // One listed by title and again by slug is still one fact.
      problems.add(field, 'This relation to this event is already listed above');
    } else {
      seen.add(`${row.type} ${target.id}`);
      links.push({ toEventId: target.id, type: row.type });
    }
  }
  return links;
}

async function assertEventSlugFree(tx: Tx, slug: string, exceptId: string | null, problems: Problems): Promise<void> {
  const holder = await tx.event.findUnique({ where: { slug }, select: { id: true, deletedAt: true } });
  if (!holder || holder.id === exceptId) return;
  problems.add(
    'slug',
    holder.deletedAt
      ? `A deleted event uses the slug "${slug}"; restore it from the trash or choose another slug`
      : `Another event already uses the slug "${slug}"; choose another`,
  );
}

async function snapshotOf(tx: Tx, id: string): Promise<DatasetEvent> {
  return eventToDataset(await tx.event.findUniqueOrThrow({ where: { id }, include: eventExportInclude }));
}

/**
 * The one way an editor's change reaches an event (a save from the form, a
 * restore from its history): its columns with the dates derived from its EDTF
 * date, written at the version that was read (a new event is created), its
 * links and search text (replaceEventLinks), and the revision with the event
 * as stored. The import writes many events at once through lib/dataset/apply.ts
 * with the same derived fields (derivedDateFields, lib/search.ts searchFields).
 * A restore also brings the event out of the trash.
 */
async function writeEvent(
  tx: Tx,
  change: {
    existing: { id: string; version: number } | null;
    fields: { slug: string; title: string; summary: string; date: string; type: string; jurisdiction: string; policyId: string | null };
    links: EventLinks;
    action: RevisionAction;
    before: DatasetEvent | null;
    editor: SessionUser;
  },
): Promise<void> {
  const { date, ...fields } = change.fields;
  const data = { ...fields, ...derivedDateFields(date) };
  const saved = change.existing
    ? await writeAtVersion(
        'This event',
        tx.event.update({ where: change.existing, data: { ...data, deletedAt: null, version: { increment: 1 } } }),
      )
    : await tx.event.create({ data });
  await replaceEventLinks(tx, saved.id, change.links);
  await recordRevision(tx, {
    entityType: 'event',
    entityId: saved.id,
    entityKey: fields.slug,
    action: change.action,
    version: saved.version,
    before: change.before ? { ...change.before } : null,
    after: { ...(await snapshotOf(tx, saved.id)) },
    author: authorOf(change.editor),
  });
}

/**
 * Creates (id null) or updates an event from the form, in one transaction:
 * inline policies, actors, sources and topics are created with it, and
 * everything is rolled back if any field turns out to be wrong.
 */
export async function saveEvent(id: string | null, input: EventFormInput, expectedVersion: number | null, editor: SessionUser): Promise<{ slug: string }> {
  return db.$transaction(async (tx) => {
    const problems = new Problems();
    let before: DatasetEvent | null = null;
    let currentSlug: string | null = null;
    if (id) {
      const current = await tx.event.findFirst({ where: { id, deletedAt: null }, include: eventExportInclude });
      if (!current) throw new AppError('NOT_FOUND', 'This event no longer exists; it may have been deleted.');
      before = eventToDataset(current);
      currentSlug = current.slug;
      await assertVersion(tx, { type: 'event', id, label: 'This event' }, expectedVersion ?? 0, { version: current.version, snapshot: { ...before } });
    }
    const slug = input.slug ?? currentSlug ?? slugify(input.title);
    if (slug) await assertEventSlugFree(tx, slug, id, problems);
    else problems.add('slug', 'No slug can be made from this title; type one');

    const policyId = await resolvePolicy(tx, input, editor, problems);
    const topicIds = await ensureTopics(tx, input.topics);
    const actors = await resolveActors(tx, input, editor, problems);
    const citations = await resolveCitations(tx, input, editor, problems);
    const relations = await resolveRelations(tx, input, slug, problems);
    problems.throwIfAny();

    await writeEvent(tx, {
      existing: id === null ? null : { id, version: expectedVersion ?? 0 },
      fields: { slug, title: input.title, summary: input.summary, date: input.date, type: input.type, jurisdiction: input.jurisdiction, policyId },
      links: { actors, topicIds, citations, relations },
      action: id ? 'update' : 'create',
      before,
      editor,
    });
    return { slug };
  });
}

export async function deleteEvent(id: string, expectedVersion: number, editor: SessionUser): Promise<{ slug: string }> {
  const { key } = await moveToTrash('event', id, expectedVersion, editor, { gone: 'This event no longer exists; it may have been deleted already.' });
  return { slug: key };
}

/**
 * Brings an event back to the state a revision recorded (restoring is itself a
 * revision). Everything the snapshot links to must still exist.
 */
export async function restoreEventRevision(
  revisionId: number,
  expectedVersion: number,
  editor: SessionUser,
  action: RevisionAction = 'restore',
): Promise<{ slug: string }> {
  // The id comes from a form field: anything but a stored row's id (NaN, 1.5, 2^40) is simply not found.
  if (!Number.isInteger(revisionId) || revisionId < 1 || revisionId > 2 ** 31 - 1) throw new AppError('NOT_FOUND', 'That revision does not exist.');
  return db.$transaction(async (tx) => {
    const revision = await tx.revision.findUnique({ where: { id: revisionId } });
    if (!revision || revision.entityType !== 'event' || !revision.after) throw new AppError('NOT_FOUND', 'That revision does not exist.');
    const target = JSON.parse(revision.after) as DatasetEvent;
    const current = await tx.event.findUnique({ where: { id: revision.entityId }, include: eventExportInclude });
    if (!current) throw new AppError('NOT_FOUND', 'The event of this revision no longer exists.');
    // Restoring replaces the event as the history page showed it; an edit made since is not overwritten silently.
    await assertVersion(tx, { type: 'event', id: current.id, label: 'This event' }, expectedVersion, {
      version: current.version,
      snapshot: { ...eventToDataset(current) },
    }).catch((error: unknown) => {
      if (!(error instanceof AppError) || !error.conflict) throw error;
      const by = error.conflict.changedMeanwhile.find((change) => change.by)?.by;
      throw new AppError(
        'CONFLICT',
        `This event was changed${by ? ` by ${by}` : ''} after its history was shown, so nothing was restored. ` +
          'Reload the page to see that change, then restore again if you still want this version.',
        undefined,
        error.conflict,
      );
    });
    const problems = new Problems();
    await assertEventSlugFree(tx, target.slug, current.id, problems);
    const policy = target.policy ? await tx.policy.findFirst({ where: { slug: target.policy, deletedAt: null }, select: { id: true } }) : null;
    if (target.policy && !policy) problems.add('form', `Its policy "${target.policy}" no longer exists`);
    const actors = await Promise.all(
      target.actors.map(async (link) => ({ link, actor: await tx.actor.findFirst({ where: { slug: link.actor, deletedAt: null }, select: { id: true } }) })),
    );
    actors.filter(({ actor }) => !actor).forEach(({ link }) => problems.add('form', `Its actor "${link.actor}" no longer exists`));
    const sources = await tx.source.findMany({ where: { id: { in: target.citations.map((citation) => citation.source) }, deletedAt: null }, select: { id: true } });
    const liveSources = new Set(sources.map((source) => source.id));
    target.citations.filter((citation) => !liveSources.has(citation.source)).forEach((citation) => problems.add('form', `Its source "${citation.source}" no longer exists`));
    const targets = await tx.event.findMany({ where: { slug: { in: target.relations.map((relation) => relation.event) }, deletedAt: null }, select: { id: true, slug: true } });
    const targetIds = new Map(targets.map((event) => [event.slug, event.id]));
    target.relations.filter((relation) => !targetIds.has(relation.event)).forEach((relation) => problems.add('form', `Its related event "${relation.event}" no longer exists`));
    if (Object.keys(problems.errors).length > 0) {
      throw new AppError('CONFLICT', `This revision cannot be restored: ${Object.values(problems.errors).join('; ')}.`);
    }
    const topicIds = await ensureTopics(tx, target.topics.map((slug) => ({ slug, name: topicNameFromSlug(slug) })));

    await writeEvent(tx, {
      existing: { id: current.id, version: current.version },
      fields: {
        slug: target.slug,
        title: target.title,
        summary: target.summary,
        date: target.date,
        type: target.type,
        jurisdiction: target.jurisdiction,
        policyId: policy?.id ?? null,
      },
      links: {
        actors: actors.map(({ link, actor }) => ({ actorId: actor!.id, role: link.role })),
        topicIds,
        citations: target.citations.map((citation) => ({ sourceId: citation.source, quote: citation.quote })),
        relations: target.relations.map((relation) => ({ toEventId: targetIds.get(relation.event)!, type: relation.type })),
      },
      action,
      before: eventToDataset(current),
      editor,
    });
    return { slug: target.slug };
  });
}

/** The choices the event form offers: actors, sources, policies, recent events and topics. */
export async function loadEventFormOptions() {
  const [actors, sources, policies, events, topics] = await Promise.all([
    listActorChoices(),
    listSourceChoices(),
    listPolicyChoices(),
    listEventChoices(),
    listTopicNames(),
  ]);
  return {
    actors: actors.map((actor) => ({ value: actor.slug, label: actor.name })),
    sources: sources.map((source) => ({ value: source.id, label: source.publisher ? `${source.publisher} — ${source.title}` : source.title })),
    policies: policies.map((policy) => ({ value: policy.slug, label: policy.title })),
    events: relatedEventOptions(events),
    topics,
  };
}
