import type { Availability } from '@/lib/vocabulary';
import type { CheckOutcome } from '@/lib/sources-watch/classify';

export interface GoneRule {
  /** Consecutive "gone" checks before a source is marked removed. */
  goneAfter: number;
  /** The least time, in hours, from the first of those checks to the last. */
  goneHours: number;
}

export interface WatchState {
  goneStreak: number;
  goneSince: Date | null;
  failingSince: Date | null;
}

export type Transition =
  /** The first "gone" of a streak: an editor should look. */
  | 'missing'
  /** Gone often enough for long enough: availability becomes "removed". */
  | 'remove'
  /** Reachable again while marked removed: availability becomes "live". */
  | 'back'
  /** Reachable while "unknown": availability becomes "live" (now it is known). */
  | 'known-live'
  | null;

/**
 * The rule that turns checks into availability: a source is marked removed only
 * after `goneAfter` consecutive "gone" checks spanning at least `goneHours`,
 * never from one failure. A failing check (timeout, DNS, 5xx) says nothing
 * about whether the page is there, so it neither counts toward the streak nor
 * breaks it; a reachable check ends it.
 */
export function nextWatchState(
  previous: WatchState,
  outcome: CheckOutcome,
  availability: Availability,
  now: Date,
  rule: GoneRule,
): { state: WatchState; transition: Transition } {
  if (outcome === 'failing') {
    return { state: { ...previous, failingSince: previous.failingSince ?? now }, transition: null };
  }
  if (outcome === 'gone') {
    const state = { goneStreak: previous.goneStreak + 1, goneSince: previous.goneSince ?? now, failingSince: null };
    const spanHours = (now.getTime() - state.goneSince.getTime()) / 3_600_000;
    if (availability !== 'removed' && state.goneStreak >= rule.goneAfter && spanHours >= rule.goneHours) return { state, transition: 'remove' };
    return { state, transition: previous.goneStreak === 0 && availability !== 'removed' ? 'missing' : null };
  }
  const state = { goneStreak: 0, goneSince: null, failingSince: null };
  if (availability === 'removed') return { state, transition: 'back' };
  return { state, transition: availability === 'unknown' ? 'known-live' : null };
}
