import { sourceToDataset } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Prisma, Source } from '@/lib/db';
import { moveToTrash } from '@/lib/admin/lifecycle';
import { assertVersion, writeAtVersion } from '@/lib/admin/versioning';
import { authorOf, recordRevision, type Author, type RevisionAction } from '@/lib/revisions';
import type { SessionUser } from '@/lib/roles';
import { MAX_SLUG_LENGTH, slugify } from '@/lib/slugs';
import type { SourceInput } from '@/lib/validation/source';
import type { Availability } from '@/lib/vocabulary';
import { containsInsensitive } from '@/lib/sql-dialect';

type Tx = Prisma.TransactionClient;

export interface AdminSourceRow {
  id: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  availability: Availability;
  eventCount: number;
}

export async function listSourcesForAdmin(search = ''): Promise<AdminSourceRow[]> {
  const term = search.trim();
  const matches = term
    ? { OR: [{ title: containsInsensitive(term) }, { publisher: containsInsensitive(term) }, { id: containsInsensitive(term.toLowerCase()) }] }
    : {};
  const sources = await db.source.findMany({
    where: { deletedAt: null, ...matches },
    select: { id: true, title: true, publisher: true, publishedOn: true, availability: true },
    orderBy: { title: 'asc' },
  });
  // An event may cite one source twice (two passages): count distinct events, not citations.
  const citing = await db.citation.groupBy({
    by: ['sourceId', 'eventId'],
    where: { sourceId: { in: sources.map((source) => source.id) }, event: { deletedAt: null } },
  });
  const eventCounts = new Map<string, number>();
  for (const citation of citing) eventCounts.set(citation.sourceId, (eventCounts.get(citation.sourceId) ?? 0) + 1);
  return sources.map((source) => ({
    ...source,
    availability: source.availability as Availability,
    eventCount: eventCounts.get(source.id) ?? 0,
  }));
}

/** Live sources for pickers (an event's citations). */
export async function listSourceChoices(): Promise<Array<{ id: string; title: string; publisher: string | null }>> {
  return db.source.findMany({
    where: { deletedAt: null },
    select: { id: true, title: true, publisher: true },
    orderBy: { title: 'asc' },
  });
}

/** The source in the interchange format, with the version an edit starts from. */
export async function getSourceForEdit(id: string) {
  const source = await db.source.findFirst({ where: { id, deletedAt: null } });
  return source ? { ...sourceToDataset(source), version: source.version } : null;
}

const snapshotOf = (source: Source) => ({ ...sourceToDataset(source) });

async function recordSourceRevision(
  tx: Tx,
  change: { source: Source; action: RevisionAction; before: Record<string, unknown> | null; editor: SessionUser | Author },
): Promise<void> {
  const author = 'kind' in change.editor ? change.editor : authorOf(change.editor);
  await recordRevision(tx, {
    entityType: 'source',
    entityId: change.source.id,
    entityKey: change.source.id,
    action: change.action,
    version: change.source.version,
    before: change.before,
    after: snapshotOf(change.source),
    author,
  });
}

/** An id is taken by any source, deleted ones included (they can come back from the trash). */
async function assertIdFree(tx: Tx, id: string): Promise<void> {
  const holder = await tx.source.findUnique({ where: { id }, select: { deletedAt: true } });
  if (!holder) return;
  const message = holder.deletedAt
    ? `A deleted source uses the id "${id}"; restore it from the trash or choose another id`
    : `Another source already uses the id "${id}"; choose another`;
  throw new AppError('CONFLICT', 'This id is taken.', { id: message });
}

const withSuffix = (base: string, n: number) => `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1).replace(/-+$/, '')}-${n}`;

/** An id made from the publisher and title ("cnn-business-white-house-postpones…"), numbered if already taken. */
async function freeIdFor(tx: Tx, input: SourceInput): Promise<string> {
  const base = slugify([input.publisher, input.title].filter(Boolean).join(' ')) || 'source';
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : withSuffix(base, n);
    if (!(await tx.source.findUnique({ where: { id: candidate }, select: { id: true } }))) return candidate;
  }
}

const fieldsOf = (input: SourceInput) => ({
  title: input.title,
  publisher: input.publisher,
  publishedOn: input.publishedOn,
  url: input.url,
  availability: input.availability,
  archiveUrl: input.archiveUrl,
});

async function insertSource(tx: Tx, input: SourceInput, editor: SessionUser): Promise<Source> {
  if (input.id) await assertIdFree(tx, input.id);
  const id = input.id ?? (await freeIdFor(tx, input));
  const source = await tx.source.create({ data: { id, ...fieldsOf(input) } });
  await recordSourceRevision(tx, { source, action: 'create', before: null, editor });
  return source;
}

export async function createSource(input: SourceInput, editor: SessionUser): Promise<{ id: string }> {
  return db.$transaction(async (tx) => ({ id: (await insertSource(tx, input, editor)).id }));
}

/**
 * Creates a source (with its revision) inside a caller's transaction, as the
 * event form does for a "new source" citation; returns the new source's id.
 */
export async function createSourceInTransaction(tx: Tx, input: SourceInput, editor: SessionUser): Promise<string> {
  return (await insertSource(tx, input, editor)).id;
}

/** The live source as it stands, once the editor's version is known to be current. */
async function loadForChange(tx: Tx, id: string, expectedVersion: number, gone: string) {
  const current = await tx.source.findFirst({ where: { id, deletedAt: null } });
  if (!current) throw new AppError('NOT_FOUND', gone);
  const before = snapshotOf(current);
  await assertVersion(tx, { type: 'source', id, label: 'This source' }, expectedVersion, { version: current.version, snapshot: before });
  return { current, before };
}

const GONE = 'This source no longer exists; it may have been deleted.';

/** Saves every field but the id: exports and citations know the source by it, so it never changes. */
export async function updateSource(id: string, input: SourceInput, expectedVersion: number, editor: SessionUser): Promise<{ id: string }> {
  if (input.id !== null && input.id !== id) {
    throw new AppError('INVALID', 'Nothing was saved: a source keeps its id.', {
      id: `A source's id cannot be changed after it is created; this one stays "${id}"`,
    });
  }
  return db.$transaction(async (tx) => {
    const { before } = await loadForChange(tx, id, expectedVersion, GONE);
    const source = await writeAtVersion('This source', tx.source.update({ where: { id, version: expectedVersion }, data: { ...fieldsOf(input), version: { increment: 1 } } }));
    await recordSourceRevision(tx, { source, action: 'update', before, editor });
    return { id };
  });
}

/** Records that the publisher took the source down; everything else about it stays as it was. */
export async function markSourceRemoved(id: string, expectedVersion: number, editor: SessionUser): Promise<{ id: string }> {
  return db.$transaction(async (tx) => {
    const { current, before } = await loadForChange(tx, id, expectedVersion, GONE);
    if (current.availability === 'removed') throw new AppError('CONFLICT', 'This source is already marked as removed.');
    const source = await writeAtVersion('This source', tx.source.update({ where: { id, version: expectedVersion }, data: { availability: 'removed', version: { increment: 1 } } }));
    await recordSourceRevision(tx, { source, action: 'update', before, editor });
    return { id };
  });
}

/**
 * Changes a live source's availability (and, where one was found, its archive URL) inside the caller's
 * transaction, recorded as an edit by `author` — the source watch's path to the same history an editor's
 * change leaves, so it shows there and can be undone. Returns null, writing nothing, when the source is
 * gone or already stands so.
 */
export async function changeSourceAvailabilityInTransaction(
  tx: Tx,
  id: string,
  change: { availability: Availability; archiveUrl?: string | null },
  author: SessionUser | Author,
): Promise<Source | null> {
  const current = await tx.source.findFirst({ where: { id, deletedAt: null } });
  if (!current) return null;
  const archiveUrl = change.archiveUrl === undefined ? current.archiveUrl : change.archiveUrl;
  if (current.availability === change.availability && current.archiveUrl === archiveUrl) return null;
  const source = await writeAtVersion('This source', tx.source.update({
    where: { id, version: current.version },
    data: { availability: change.availability, archiveUrl, version: { increment: 1 } },
  }));
  await recordSourceRevision(tx, { source, action: 'update', before: snapshotOf(current), editor: author });
  return source;
}

/** Moves a source to the trash. One that live events cite cannot go: their citations would point nowhere. */
export async function deleteSource(id: string, expectedVersion: number, editor: SessionUser): Promise<{ id: string }> {
  await moveToTrash('source', id, expectedVersion, editor, {
    gone: 'This source no longer exists; it may have been deleted already.',
    stillInUse: async (tx) => {
      const events = await tx.event.count({ where: { deletedAt: null, citations: { some: { sourceId: id } } } });
      return events > 0
        ? `${events} event${events === 1 ? ' cites' : 's cite'} this source; remove ${events === 1 ? 'that citation' : 'those citations'} or delete ${events === 1 ? 'the event' : 'the events'} first.`
        : null;
    },
  });
  return { id };
}
