import { changeSourceAvailabilityInTransaction } from '@/lib/admin/sources';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { SessionUser } from '@/lib/roles';
import { ATTENTION_KINDS, type AttentionKind } from '@/lib/sources-watch/record';
import type { CheckOutcome } from '@/lib/sources-watch/classify';
import type { SourceAttentionDecision } from '@/lib/validation/source';
import { emptyActorRow, emptyCitationRow, emptyEventFormValues, type EventFormValues } from '@/lib/validation/event';
import { LIMITS } from '@/lib/fields';
import type { Availability } from '@/lib/vocabulary';

/** Checks shown as evidence with each source that needs attention. */
export const EVIDENCE_CHECKS = 6;

export interface CheckEvidence {
  id: number;
  checkedAt: Date;
  method: string;
  httpStatus: number | null;
  finalUrl: string | null;
  durationMs: number;
  outcome: CheckOutcome;
  detail: string;
}

export interface AttentionItem {
  sourceId: string;
  title: string;
  publisher: string | null;
  url: string | null;
  availability: Availability;
  attention: AttentionKind;
  attentionSince: Date;
  goneSince: Date | null;
  goneStreak: number;
  failingSince: Date | null;
  archiveUrl: string | null;
  archiveSnapshotUrl: string | null;
  /** The watch's version: a decision names it, so it acts on what the editor saw. */
  version: number;
  checks: CheckEvidence[];
}

const isAttention = (value: string | null): value is AttentionKind => ATTENTION_KINDS.includes(value as AttentionKind);

/** Sources the watch wants an editor to look at, newest finding first, with their latest checks. */
export async function listSourcesNeedingAttention(limit = 200): Promise<AttentionItem[]> {
  const watches = await db.sourceWatch.findMany({
    where: { attention: { not: null }, source: { deletedAt: null } },
    orderBy: [{ attentionSince: 'desc' }, { sourceId: 'asc' }],
    take: limit,
    include: {
      source: {
        select: {
          title: true,
          publisher: true,
          url: true,
          availability: true,
          archiveUrl: true,
          checks: { orderBy: { id: 'desc' }, take: EVIDENCE_CHECKS },
        },
      },
    },
  });
  return watches.flatMap((watch) =>
    isAttention(watch.attention)
      ? [
          {
            sourceId: watch.sourceId,
            title: watch.source.title,
            publisher: watch.source.publisher,
            url: watch.source.url,
            availability: watch.source.availability as Availability,
            attention: watch.attention,
            attentionSince: watch.attentionSince ?? watch.lastCheckedAt ?? new Date(0),
            goneSince: watch.goneSince,
            goneStreak: watch.goneStreak,
            failingSince: watch.failingSince,
            archiveUrl: watch.source.archiveUrl,
            archiveSnapshotUrl: watch.archiveSnapshotUrl,
            version: watch.version,
            checks: watch.source.checks.map((check) => ({ ...check, outcome: check.outcome as CheckOutcome })),
          },
        ]
      : [],
  );
}

export async function countSourcesNeedingAttention(): Promise<number> {
  return db.sourceWatch.count({ where: { attention: { not: null }, source: { deletedAt: null } } });
}

/**
 * An editor's answer to a finding. Confirm: a gone source is marked removed
 * now, if the watch had not yet; anything else is acknowledged. Dismiss: the
 * finding was wrong — an availability the watch changed is put back (by the
 * editor, in the history), the gone streak starts over, and a redirect target
 * that caused it is accepted as the same page from now on.
 */
export async function resolveSourceAttention(decision: SourceAttentionDecision, editor: SessionUser): Promise<{ sourceId: string }> {
  const { sourceId } = decision;
  return db.$transaction(async (tx) => {
    const watch = await tx.sourceWatch.findUnique({ where: { sourceId } });
    const source = await tx.source.findFirst({ where: { id: sourceId, deletedAt: null } });
    if (!watch || !source || !isAttention(watch.attention)) {
      throw new AppError('NOT_FOUND', 'Nothing about this source needs attention any more; another editor may have answered it.');
    }
    if (watch.version !== decision.version) {
      throw new AppError('CONFLICT', 'The source check found something new about this source after you opened the page; look at it again, then decide.');
    }
    const kind = watch.attention;
    const now = new Date();
    const reset: { goneStreak?: number; goneSince?: null; acceptedFinalUrl?: string | null } = {};
    if (decision.decision === 'confirm' && kind === 'gone' && source.availability !== 'removed') {
      await changeSourceAvailabilityInTransaction(tx, sourceId, { availability: 'removed', archiveUrl: source.archiveUrl ?? watch.archiveSnapshotUrl }, editor);
      await tx.sourceChange.create({ data: { sourceId, kind: 'removed', at: now, detail: `Confirmed by ${editor.name}` } });
    }
    if (decision.decision === 'dismiss' && kind === 'gone') {
      const restored = (watch.availabilityBefore ?? 'live') as Availability;
      if (source.availability === 'removed' && watch.availabilityBefore) {
        await changeSourceAvailabilityInTransaction(tx, sourceId, { availability: restored }, editor);
        await tx.sourceChange.create({ data: { sourceId, kind: 'back', at: now, detail: `${editor.name} found the page still at its address` } });
      }
      const last = watch.lastCheckId ? await tx.sourceCheck.findUnique({ where: { id: watch.lastCheckId } }) : null;
      const redirectedAway = last?.outcome === 'gone' && last.finalUrl !== null && last.finalUrl !== last.url;
      Object.assign(reset, { goneStreak: 0, goneSince: null }, redirectedAway ? { acceptedFinalUrl: last.finalUrl } : {});
    }
    if (decision.decision === 'dismiss' && kind === 'back' && source.availability === 'live' && watch.availabilityBefore === 'removed') {
      await changeSourceAvailabilityInTransaction(tx, sourceId, { availability: 'removed' }, editor);
    }
    await tx.sourceWatch.update({
      where: { sourceId, version: decision.version },
      data: { attention: null, attentionSince: null, availabilityBefore: null, version: { increment: 1 }, ...reset },
    });
    return { sourceId };
  });
}

const dayOf = (moment: Date) => moment.toISOString().slice(0, 10);

/**
 * The new-event form filled in for "<title> no longer available at <host>":
 * dated, honestly, between the last check that found the page and the first
 * that did not (UTC days), citing the source. Null when the watch has not seen it gone.
 */
export async function draftEventForSource(sourceId: string, newKey: () => string): Promise<EventFormValues | null> {
  const source = await db.source.findFirst({ where: { id: sourceId, deletedAt: null }, include: { watch: true } });
  const goneSince = source?.watch?.goneSince ?? (source?.availability === 'removed' ? source.watch?.lastCheckedAt : null);
  if (!source || !source.url || !goneSince) return null;
  const lastSeen = await db.sourceCheck.findFirst({
    where: { sourceId, outcome: { in: ['reachable', 'changed'] }, checkedAt: { lt: goneSince } },
    orderBy: { id: 'desc' },
    select: { checkedAt: true },
  });
  const missingDay = dayOf(goneSince);
  const seenDay = lastSeen ? dayOf(lastSeen.checkedAt) : null;
  const date = seenDay === null ? `../${missingDay}` : seenDay === missingDay ? missingDay : `${seenDay}/${missingDay}`;
  const host = new URL(source.url).hostname;
  const title = `${source.title} no longer available at ${host}`.slice(0, LIMITS.title);
  const empty = emptyEventFormValues(newKey);
  return {
    ...empty,
    title,
    summary:
      `${source.publisher ? `${source.publisher}'s` : 'The'} page "${source.title}" is no longer at its address (${source.url}). ` +
      `The source check first found it missing on ${missingDay}${seenDay ? ` and last found it there on ${seenDay}` : ''}.`,
    date,
    type: 'removed',
    actors: [emptyActorRow(newKey())],
    citations: [{ ...emptyCitationRow(newKey()), source: source.id }],
  };
}
