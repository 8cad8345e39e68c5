import { describe, expect, it } from 'vitest';
import type { CheckOutcome } from '@/lib/sources-watch/classify';
import { nextWatchState, type Transition, type WatchState } from '@/lib/sources-watch/gone-rule';
import type { Availability } from '@/lib/vocabulary';

const RULE = { goneAfter: 3, goneHours: 48 };
const START = new Date('2026-05-22T06:00:00Z');
const at = (hours: number) => new Date(START.getTime() + hours * 3_600_000);

/** Feeds checks through the rule at the given hours, as a controlled clock would, applying each transition. */
function replay(checks: Array<[hours: number, outcome: CheckOutcome]>, availability: Availability = 'live') {
  let state: WatchState = { goneStreak: 0, goneSince: null, failingSince: null };
  const transitions: Transition[] = [];
  for (const [hours, outcome] of checks) {
    const next = nextWatchState(state, outcome, availability, at(hours), RULE);
    state = next.state;
    transitions.push(next.transition);
    if (next.transition === 'remove') availability = 'removed';
    if (next.transition === 'back' || next.transition === 'known-live') availability = 'live';
  }
  return { state, transitions, availability };
}

describe('the rule "gone N times over M hours"', () => {
  it('never marks a source removed from one gone check', () => {
    expect(replay([[0, 'gone']])).toMatchObject({ transitions: ['missing'], availability: 'live', state: { goneStreak: 1, goneSince: START } });
  });

  it('marks it removed at the Nth consecutive gone check once they span M hours', () => {
    const { transitions, availability, state } = replay([[0, 'gone'], [24, 'gone'], [48, 'gone']]);
    expect(transitions).toEqual(['missing', null, 'remove']);
    expect(availability).toBe('removed');
    expect(state.goneSince).toEqual(START); // first seen missing, kept for "no longer at its address since"
  });

  it('waits for M hours even after N checks, then removes at the next gone check', () => {
    const { transitions } = replay([[0, 'gone'], [1, 'gone'], [2, 'gone'], [47, 'gone'], [48, 'gone']]);
    expect(transitions).toEqual(['missing', null, null, null, 'remove']);
  });

  it('starts over when a check finds the page reachable in between', () => {
    const { transitions, availability, state } = replay([[0, 'gone'], [24, 'gone'], [30, 'reachable'], [48, 'gone'], [72, 'gone']]);
    expect(transitions).toEqual(['missing', null, null, 'missing', null]);
    expect(availability).toBe('live');
    expect(state).toMatchObject({ goneStreak: 2, goneSince: at(48) });
  });

  it('lets a failing check neither count nor break the streak', () => {
    const { transitions, state } = replay([[0, 'gone'], [24, 'failing'], [36, 'gone'], [48, 'failing'], [60, 'gone']]);
    expect(transitions).toEqual(['missing', null, null, null, 'remove']);
    expect(state.goneStreak).toBe(3);
  });

  it('never removes a source from failures alone, however long', () => {
    const { transitions, availability, state } = replay([[0, 'failing'], [48, 'failing'], [96, 'failing'], [200, 'failing']]);
    expect(transitions).toEqual([null, null, null, null]);
    expect(availability).toBe('live');
    expect(state.failingSince).toEqual(START);
  });

  it('brings a removed source back when it is reachable again, and makes an unknown one live', () => {
    expect(replay([[0, 'reachable']], 'removed').transitions).toEqual(['back']);
    expect(replay([[0, 'changed']], 'unknown').transitions).toEqual(['known-live']);
    expect(replay([[0, 'gone'], [100, 'gone']], 'removed').transitions).toEqual([null, null]);
  });
});
