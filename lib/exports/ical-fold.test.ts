import { foldLines } from 'ical-generator';
import { describe, expect, it } from 'vitest';
import { foldIcalLines } from '@/lib/exports/ical-fold';
// The benchmark's seeded PRNG, so a failing case can be found again.
import { createRng as random } from '@/scripts/bench-data';

// One-, two-, three- and four-byte characters, and the halves of a pair on their own.
const PIECES = ['a', 'Z', ' ', ';', '\\n', 'é', 'ß', '€', '“', '中', '🚀', '𝄞', '\ud83d', '\ude80', '\u0007'];

describe('foldIcalLines', () => {
  it('folds exactly as ical-generator does, at 74 bytes, for every kind of character', () => {
    const next = random(8);
    for (let sample = 0; sample < 2000; sample++) {
      const lines = Array.from({ length: 1 + Math.floor(next() * 4) }, () => {
        const length = Math.floor(next() * 240);
        // Some lines are pure ASCII (the fast path), the others mix every kind of character.
        const ascii = next() < 0.3;
        return Array.from({ length }, () => (ascii ? 'x' : PIECES[Math.floor(next() * PIECES.length)])).join('');
      });
      const text = lines.join('\r\n') + (next() < 0.5 ? '\r\n' : '');
      expect(foldIcalLines(text), JSON.stringify(text)).toBe(foldLines(text));
    }
  });

  it('leaves a line of 74 bytes whole and breaks one of 75', () => {
    expect(foldIcalLines('x'.repeat(74))).toBe('x'.repeat(74));
    expect(foldIcalLines('x'.repeat(75))).toBe(`${'x'.repeat(74)}\r\n x`);
    expect(foldIcalLines(`${'x'.repeat(73)}é`)).toBe(`${'x'.repeat(73)}\r\n é`);
  });
});
