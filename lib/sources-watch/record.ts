import { changeSourceAvailabilityInTransaction } from '@/lib/admin/sources';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/db';
import { SOURCE_CHECK_AUTHOR } from '@/lib/revisions';
import type { Finding } from '@/lib/sources-watch/classify';
import type { FetchedPage } from '@/lib/sources-watch/fetch-page';
import { nextWatchState, type GoneRule, type Transition } from '@/lib/sources-watch/gone-rule';
import type { Availability } from '@/lib/vocabulary';

type Tx = Prisma.TransactionClient;

/** Failing this long puts a source in front of an editor ("failing for days"). */
export const FAILING_ATTENTION_HOURS = 72;

export const ATTENTION_KINDS = ['gone', 'back', 'changed', 'failing'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface CheckedSource {
  id: string;
  url: string;
  availability: Availability;
  archiveUrl: string | null;
}

export interface RecordedCheck {
  checkId: number;
  transition: Transition;
  /** What the source's availability is after this check. */
  availability: Availability;
}

/** The watch's current knowledge of a source, or that of a source never checked. */
export async function readWatch(sourceId: string) {
  return db.sourceWatch.findUnique({ where: { sourceId } });
}

/**
 * What an editor should look at after this check. Gone and back outrank the
 * rest; a "gone" that did not last (reachable before it was marked removed)
 * and a failure that ended need no one.
 */
function attentionAfter(
  previous: { attention: string | null; attentionSince: Date | null } | null,
  finding: Finding,
  transition: Transition,
  failingSince: Date | null,
  now: Date,
): { attention: AttentionKind | null; attentionSince: Date | null } {
  const keep = { attention: (previous?.attention ?? null) as AttentionKind | null, attentionSince: previous?.attentionSince ?? null };
  const raise = (attention: AttentionKind) => ({ attention, attentionSince: keep.attention === attention ? keep.attentionSince : now });
  if (transition === 'missing' || transition === 'remove') return raise('gone');
  if (transition === 'back') return raise('back');
  if (finding.outcome === 'changed' && keep.attention !== 'gone' && keep.attention !== 'back') return raise('changed');
  if (finding.outcome === 'failing') {
    const longFailing = failingSince !== null && now.getTime() - failingSince.getTime() >= FAILING_ATTENTION_HOURS * 3_600_000;
    return longFailing && keep.attention === null ? raise('failing') : keep;
  }
  if (finding.outcome === 'reachable' || finding.outcome === 'changed') {
    if (keep.attention === 'failing') return { attention: null, attentionSince: null };
    if (keep.attention === 'gone' && transition === null) return { attention: null, attentionSince: null };
  }
  return keep;
}

const CHANGE_KIND: Partial<Record<NonNullable<Transition>, string>> = { missing: 'missing', remove: 'removed', back: 'back' };

/**
 * Keeps one check and applies what it means, in one transaction: the check
 * row, the watch's state, a change for the feed, and — when the source turns
 * gone or comes back — its availability, through the same revisioned write as
 * an editor's change, by "source check".
 */
export async function recordCheck(
  source: CheckedSource,
  page: FetchedPage,
  finding: Finding,
  context: { runId: number | null; now: Date; rule: GoneRule; snapshotUrl: string | null },
): Promise<RecordedCheck> {
  const { now } = context;
  return db.$transaction(async (tx: Tx) => {
    const check = await tx.sourceCheck.create({
      data: {
        sourceId: source.id,
        runId: context.runId,
        checkedAt: now,
        url: source.url,
        method: page.method,
        httpStatus: page.status,
        finalUrl: page.finalUrl,
        durationMs: page.durationMs,
        outcome: finding.outcome,
        detail: finding.detail,
        fingerprint: finding.fingerprint,
      },
    });
    const previous = await tx.sourceWatch.findUnique({ where: { sourceId: source.id } });
    // As it stands now, not as the run listed it: an editor may have changed it meanwhile.
    const current = (await tx.source.findFirst({ where: { id: source.id, deletedAt: null }, select: { availability: true, archiveUrl: true } })) ?? source;
    const standing = { availability: current.availability as Availability, archiveUrl: current.archiveUrl };
    const { state, transition } = nextWatchState(
      { goneStreak: previous?.goneStreak ?? 0, goneSince: previous?.goneSince ?? null, failingSince: previous?.failingSince ?? null },
      finding.outcome,
      standing.availability,
      now,
      context.rule,
    );
    const snapshotUrl = context.snapshotUrl ?? previous?.archiveSnapshotUrl ?? null;
    let availability = standing.availability;
    let availabilityBefore = previous?.availabilityBefore ?? null;
    const newAvailability: Availability | null = transition === 'remove' ? 'removed' : transition === 'back' || transition === 'known-live' ? 'live' : null;
    // A removed source without an archived copy gets the snapshot found for it.
    const archiveUrl = (newAvailability ?? standing.availability) === 'removed' && !standing.archiveUrl && snapshotUrl ? snapshotUrl : undefined;
    if (newAvailability || archiveUrl) {
      const changed = await changeSourceAvailabilityInTransaction(tx, source.id, { availability: newAvailability ?? standing.availability, archiveUrl }, SOURCE_CHECK_AUTHOR);
      if (changed && newAvailability) {
        availabilityBefore = transition === 'known-live' ? availabilityBefore : standing.availability;
        availability = newAvailability;
      }
    }
    const kind = transition ? CHANGE_KIND[transition] : finding.outcome === 'changed' ? 'changed' : undefined;
    if (kind) await tx.sourceChange.create({ data: { sourceId: source.id, kind, at: now, checkId: check.id, detail: finding.detail } });
    if (archiveUrl) {
      await tx.sourceChange.create({ data: { sourceId: source.id, kind: 'archived', at: now, checkId: check.id, detail: `Archived copy: ${archiveUrl}` } });
    }
    const attention = attentionAfter(previous, finding, transition, state.failingSince, now);
    const watch = {
      lastCheckId: check.id,
      lastCheckedAt: now,
      lastOutcome: finding.outcome,
      // The baseline "changed" compares with moves to what is there now, so one change is reported once.
      fingerprint: finding.fingerprint ?? previous?.fingerprint ?? null,
      goneStreak: state.goneStreak,
      goneSince: state.goneSince,
      failingSince: state.failingSince,
      archiveSnapshotUrl: snapshotUrl,
      availabilityBefore,
      ...attention,
    };
    await tx.sourceWatch.upsert({
      where: { sourceId: source.id },
      create: { sourceId: source.id, ...watch },
      update: { ...watch, version: { increment: 1 } },
    });
    return { checkId: check.id, transition, availability };
  });
}
