import { afterEach, describe, expect, it } from 'vitest';
import {
  formatEdtf,
  formatMonthKey,
  formatParsedEdtf,
  groupingMonth,
  machineReadableDate,
  MAX_EDTF_LENGTH,
  OPEN_END,
  OPEN_START,
  parseEdtf,
  type ParsedEdtf,
  parseWithGrammar,
} from '@/lib/dates';

/** Parses input that must be valid; fails the test with the parser's own message otherwise. */
function parsed(input: string): ParsedEdtf {
  const result = parseEdtf(input);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.error}`);
  return result.date;
}

/** Parses input that must be refused, and returns the message the user would see. */
function rejection(input: string): string {
  const result = parseEdtf(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused, but it parsed as ${JSON.stringify(result.date)}`);
  return result.error;
}

const SUPPORTED_HINT = 'Use YYYY, YYYY-MM or YYYY-MM-DD';

describe('parseEdtf: single dates', () => {
  it('reads a year as the whole calendar year', () => {
    expect(parsed('2026')).toEqual({
      edtf: '2026',
      start: { year: 2026, month: undefined, day: undefined, precision: 'year', approximate: false, uncertain: false },
      end: { year: 2026, month: undefined, day: undefined, precision: 'year', approximate: false, uncertain: false },
      isInterval: false,
      earliest: '2026-01-01',
      latest: '2026-12-31',
      sortKey: '2026-01-01',
      precision: 'year',
    });
  });

  it('reads a month as its first to last day (2026-05 → 2026-05-01..2026-05-31)', () => {
    const date = parsed('2026-05');
    expect(date.start).toMatchObject({ year: 2026, month: 5, precision: 'month' });
    expect(date.start?.day).toBeUndefined();
    expect(date.start).toEqual(date.end);
    expect(date.isInterval).toBe(false);
    expect(date.earliest).toBe('2026-05-01');
    expect(date.latest).toBe('2026-05-31');
    expect(date.sortKey).toBe('2026-05-01');
    expect(date.precision).toBe('month');
  });

  it('stores months 1-based (January is 1, December is 12)', () => {
    expect(parsed('2026-01').start?.month).toBe(1);
    expect(parsed('2026-12').start?.month).toBe(12);
    expect(parsed('2026-12').latest).toBe('2026-12-31');
  });

  it('reads a day as exactly that day', () => {
    const date = parsed('2026-05-21');
    expect(date.start).toEqual({ year: 2026, month: 5, day: 21, precision: 'day', approximate: false, uncertain: false });
    expect(date.earliest).toBe('2026-05-21');
    expect(date.latest).toBe('2026-05-21');
    expect(date.sortKey).toBe('2026-05-21');
    expect(date.precision).toBe('day');
  });

  it.each([
    ['2026-04', '2026-04-30'],
    ['2026-02', '2026-02-28'],
    ['2024-02', '2024-02-29'],
    ['2000-02', '2000-02-29'],
    ['2100-02', '2100-02-28'],
  ])('knows the last day of %s is %s (leap years included)', (input, latest) => {
    expect(parsed(input).latest).toBe(latest);
  });

  it('trims surrounding whitespace and keeps the trimmed form', () => {
    const date = parsed('  2026-05 ');
    expect(date.edtf).toBe('2026-05');
    expect(date.earliest).toBe('2026-05-01');
  });

  it('marks ~ as approximate, ? as uncertain and % as both, without moving the bounds', () => {
    const approximate = parsed('2026~');
    expect(approximate.start).toMatchObject({ approximate: true, uncertain: false, precision: 'year' });
    expect([approximate.earliest, approximate.latest]).toEqual(['2026-01-01', '2026-12-31']);

    const uncertain = parsed('2026-05?');
    expect(uncertain.start).toMatchObject({ approximate: false, uncertain: true, precision: 'month', month: 5 });
    expect([uncertain.earliest, uncertain.latest]).toEqual(['2026-05-01', '2026-05-31']);

    const both = parsed('2026-05-21%');
    expect(both.start).toMatchObject({ approximate: true, uncertain: true, precision: 'day', day: 21 });
    expect([both.earliest, both.latest]).toEqual(['2026-05-21', '2026-05-21']);
    expect(both.edtf).toBe('2026-05-21%');
  });
});

describe('parseEdtf: intervals', () => {
  it('reads a closed interval of months from the first day of the start to the last day of the end', () => {
    const date = parsed('2026-04/2026-05');
    expect(date.isInterval).toBe(true);
    expect(date.start).toMatchObject({ year: 2026, month: 4, precision: 'month' });
    expect(date.end).toMatchObject({ year: 2026, month: 5, precision: 'month' });
    expect(date.earliest).toBe('2026-04-01');
    expect(date.latest).toBe('2026-05-31');
    expect(date.sortKey).toBe('2026-04-01');
    expect(date.precision).toBe('month');
  });

  it('reports the coarsest precision of the two ends', () => {
    const date = parsed('2026-05/2026-05-22');
    expect(date.precision).toBe('month');
    expect(date.earliest).toBe('2026-05-01');
    expect(date.latest).toBe('2026-05-22');
    expect(parsed('2026/2026-05-21').precision).toBe('year');
  });

  it('spans a year boundary', () => {
    const date = parsed('2025-12/2026-01');
    expect([date.earliest, date.latest, date.sortKey]).toEqual(['2025-12-01', '2026-01-31', '2025-12-01']);
  });

  it('reads an open start (../2026-05-21) with the OPEN_START sentinel, sorted by its known end', () => {
    const date = parsed('../2026-05-21');
    expect(date.isInterval).toBe(true);
    expect(date.start).toBeNull();
    expect(date.end).toMatchObject({ year: 2026, month: 5, day: 21, precision: 'day' });
    expect(date.earliest).toBe(OPEN_START);
    expect(OPEN_START).toBe('0000-01-01');
    expect(date.latest).toBe('2026-05-21');
    expect(date.sortKey).toBe('2026-05-21');
    expect(date.precision).toBe('day');
  });

  it('reads an open end (2026-05-21/..) with the OPEN_END sentinel, sorted by its start', () => {
    const date = parsed('2026-05-21/..');
    expect(date.start).toMatchObject({ year: 2026, month: 5, day: 21 });
    expect(date.end).toBeNull();
    expect(date.earliest).toBe('2026-05-21');
    expect(date.latest).toBe(OPEN_END);
    expect(OPEN_END).toBe('9999-12-31');
    expect(date.sortKey).toBe('2026-05-21');
  });

  it('keeps qualifiers on each end of an interval separately', () => {
    const date = parsed('2026-04~/2026-05');
    expect(date.start).toMatchObject({ approximate: true, uncertain: false });
    expect(date.end).toMatchObject({ approximate: false, uncertain: false });
  });

  it('sorts events chronologically by sortKey, open starts by their end', () => {
    const inputs = ['2026-05-21', '2026', '../2026-05-21', '2026-04/2026-05', '2026-05', '2025-12/2026-01'];
    const order = [...inputs].sort((a, b) => parsed(a).sortKey.localeCompare(parsed(b).sortKey));
    expect(order).toEqual(['2025-12/2026-01', '2026', '2026-04/2026-05', '2026-05', '2026-05-21', '../2026-05-21']);
  });
});

describe('parseEdtf: rejections', () => {
  it.each([
    ['2026-13'],
    ['2026-00'],
    ['2026-05-00'],
    ['abc'],
    ['2026-05-21..'],
    ['[2026,2027]'],
    ['10000'],
  ])('refuses %s, naming the input and the supported forms', (input) => {
    const error = rejection(input);
    expect(error.startsWith(`"${input}" is not a valid EDTF date: `), error).toBe(true);
    expect(error).toContain('use YYYY, YYYY-MM or YYYY-MM-DD');
    expect(error).toContain('../2026-05-21');
  });

  it('refuses 2026-02-30 saying February 2026 has no day 30', () => {
    expect(rejection('2026-02-30')).toBe('"2026-02-30" is not a valid EDTF date: February 2026 has no day 30');
  });

  it('refuses February 29 of a common year instead of rolling it over to March 1', () => {
    expect(rejection('2026-02-29')).toBe('"2026-02-29" is not a valid EDTF date: February 2026 has no day 29');
    expect(rejection('2100-02-29')).toBe('"2100-02-29" is not a valid EDTF date: February 2100 has no day 29');
  });

  it('accepts February 29 of a leap year', () => {
    const date = parsed('2024-02-29');
    expect(date.start).toMatchObject({ year: 2024, month: 2, day: 29 });
    expect([date.earliest, date.latest]).toEqual(['2024-02-29', '2024-02-29']);
    expect(parsed('2000-02-29').earliest).toBe('2000-02-29');
  });

  it('refuses a day past the end of a month inside an interval', () => {
    expect(rejection('2026-04-31/2026-05')).toBe('"2026-04-31/2026-05" is not a valid EDTF date: April 2026 has no day 31');
  });

  it('names the right year when refusing a day in a year before 100', () => {
    // JavaScript's Date maps years 0–99 to 1900–1999; the message must not.
    expect(rejection('0001-02-29')).toBe('"0001-02-29" is not a valid EDTF date: February 0001 has no day 29');
  });

  it('asks for a date when given an empty or blank string', () => {
    for (const input of ['', '   ']) {
      const error = rejection(input);
      expect(error.startsWith('A date is required. ')).toBe(true);
      expect(error).toContain(SUPPORTED_HINT);
    }
  });

  it('refuses unspecified digits (2026-XX)', () => {
    expect(rejection('2026-XX')).toBe('"2026-XX" is not a valid EDTF date: unspecified digits (X) are not supported');
  });

  it('refuses a time of day', () => {
    expect(rejection('2026-05-21T10:00:00')).toBe(
      '"2026-05-21T10:00:00" is not a valid EDTF date: a time of day is more precise than the timeline records',
    );
    expect(rejection('2026-05-21T10:00')).toContain('a time of day is more precise than the timeline records');
  });

  it('refuses an interval with an empty end (/2026, 2026/)', () => {
    expect(rejection('/2026')).toBe('"/2026" is not a valid EDTF date: an interval end may be open ("..") but not empty');
    expect(rejection('2026/')).toBe('"2026/" is not a valid EDTF date: an interval end may be open ("..") but not empty');
  });

  it('refuses an interval open at both ends (../..)', () => {
    expect(rejection('../..')).toBe('"../.." is not a valid EDTF date: an interval needs at least one known end');
  });

  it('refuses an interval that ends before it starts', () => {
    expect(rejection('2026-05/2026-04')).toBe(
      '"2026-05/2026-04" is not a valid EDTF date: the end of an interval must come after its start',
    );
    expect(rejection('2026-05-21/2026-05-20')).toContain('the end of an interval must come after its start');
  });

  it('does not claim an interval ends before it starts when it does not', () => {
    // Each of these ends on or after the day it starts; refusing them may be a
    // policy choice, but the reason given must be true.
    for (const input of ['2026-05-21/2026-05-21', '2026-05-01/2026-05', '2026-05-21/2026-05']) {
      const result = parseEdtf(input);
      if (!result.ok) expect(result.error, input).not.toContain('ends before it starts');
    }
  });

  it('refuses years outside 0001–9999', () => {
    expect(rejection('0000')).toBe('"0000" is not a valid EDTF date: the year must be between 0001 and 9999');
    expect(rejection('-2026')).toContain('the year must be between 0001 and 9999');
  });

  it('refuses input longer than the limit, quoting its beginning', () => {
    const input = '2026-05-21/2026-05-22/2026-05-23/2026-05-24';
    expect(input.length).toBeGreaterThan(MAX_EDTF_LENGTH);
    expect(rejection(input)).toBe(`"${input.slice(0, MAX_EDTF_LENGTH)}…" is not a valid EDTF date: it is too long`);
  });

  it('does not call input of exactly the limit too long', () => {
    const input = 'x'.repeat(MAX_EDTF_LENGTH);
    const error = rejection(input);
    expect(error).not.toContain('too long');
    expect(error).toContain(`"${input}"`);
  });
});

describe('formatEdtf', () => {
  it.each([
    ['2026-05-21', 'May 21, 2026'],
    ['2026-05', 'May 2026'],
    ['2026', '2026'],
    ['2026-05~', 'c. May 2026'],
    ['2026-04?', 'April 2026 (uncertain)'],
    ['2026-05-21%', 'c. May 21, 2026 (uncertain)'],
    ['2026~', 'c. 2026'],
    ['2026-04/2026-05', 'April – May 2026'],
    ['2026-05-01/2026-05-21', 'May 1 – May 21, 2026'],
    ['2025-12/2026-01', 'December 2025 – January 2026'],
    ['2026/2027', '2026 – 2027'],
    ['../2026-05-21', 'until May 21, 2026'],
    ['2026-05-21/..', 'May 21, 2026 onward'],
    ['2026-05/2026-05-22', 'May 2026 – May 22, 2026'],
    ['2026-04~/2026-05', 'c. April 2026 – May 2026'],
    ['2024-02-29', 'February 29, 2024'],
  ])('shows %s as "%s"', (input, text) => {
    expect(formatEdtf(input)).toBe(text);
  });

  it('falls back to the raw string when it does not parse', () => {
    expect(formatEdtf('2026-13')).toBe('2026-13');
    expect(formatEdtf('not a date')).toBe('not a date');
  });

  it('formatParsedEdtf agrees with formatEdtf', () => {
    expect(formatParsedEdtf(parsed('2026-04/2026-05'))).toBe('April – May 2026');
  });

  it('shows years before 100 as written, not as 19xx', () => {
    expect(formatEdtf('0050')).toBe('0050');
    expect(formatEdtf('0050-03')).toBe('March 0050');
    expect(formatEdtf('0050-01-01')).toBe('January 1, 0050');
  });
});

describe('machineReadableDate', () => {
  it.each([
    ['2026', '2026'],
    ['2026-05', '2026-05'],
    ['2026-05-21', '2026-05-21'],
    ['2026-05-21%', '2026-05-21'],
    ['2026-04/2026-05', '2026-04'],
    ['../2026-05-21', '2026-05-21'],
    ['2026-05-21/..', '2026-05-21'],
    ['0050-01-01', '0050-01-01'],
  ])('gives %s as <time datetime="%s">', (input, value) => {
    expect(machineReadableDate(parsed(input))).toBe(value);
  });
});

describe('groupingMonth', () => {
  it('groups a day or month under its year and month', () => {
    expect(groupingMonth(parsed('2026-05-21'))).toEqual({ year: 2026, month: 5 });
    expect(groupingMonth(parsed('2026-05?'))).toEqual({ year: 2026, month: 5 });
  });

  it('groups a bare year under the year with no month', () => {
    expect(groupingMonth(parsed('2026'))).toEqual({ year: 2026, month: null });
  });

  it('groups an interval by its start, and an open start by its end', () => {
    expect(groupingMonth(parsed('2026-04/2026-05'))).toEqual({ year: 2026, month: 4 });
    expect(groupingMonth(parsed('2025-12/2026-01'))).toEqual({ year: 2025, month: 12 });
    expect(groupingMonth(parsed('../2026-05-21'))).toEqual({ year: 2026, month: 5 });
    expect(groupingMonth(parsed('2026-05-21/..'))).toEqual({ year: 2026, month: 5 });
  });
});

describe('formatMonthKey', () => {
  it('shows a YYYY-MM key as a long or short month', () => {
    expect(formatMonthKey('2026-05')).toBe('May 2026');
    expect(formatMonthKey('2026-09', 'long')).toBe('September 2026');
    expect(formatMonthKey('2026-09', 'short')).toBe('Sep 2026');
    expect(formatMonthKey('2025-12')).toBe('December 2025');
    expect(formatMonthKey('2026-01', 'short')).toBe('Jan 2026');
  });

  it('labels the month groupingMonth puts a date in', () => {
    const group = groupingMonth(parsed('2026-05-21'));
    expect(formatMonthKey(`${group?.year}-${String(group?.month).padStart(2, '0')}`)).toBe('May 2026');
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  // UTC offsets on the postponement date, to prove the zone really took effect.
  it.each([
    ['America/Los_Angeles', 420],
    ['Pacific/Kiritimati', -840],
  ])('in %s the postponement date still reads May 21, 2026', (zone, offsetMinutes) => {
    process.env.TZ = zone;
    expect(new Date('2026-05-21T00:00:00Z').getTimezoneOffset()).toBe(offsetMinutes);

    expect(formatEdtf('2026-05-21')).toBe('May 21, 2026');
    const date = parsed('2026-05-21');
    expect(machineReadableDate(date)).toBe('2026-05-21');
    expect([date.earliest, date.latest]).toEqual(['2026-05-21', '2026-05-21']);

    const newYear = parsed('2026-01-01');
    expect(newYear.earliest).toBe('2026-01-01');
    expect(newYear.latest).toBe('2026-01-01');
    expect(formatEdtf('2026-01-01')).toBe('January 1, 2026');

    expect(parsed('2026').latest).toBe('2026-12-31');
    expect(parsed('2026-05').latest).toBe('2026-05-31');
    expect(formatEdtf('2026-04/2026-05')).toBe('April – May 2026');
    expect(formatMonthKey('2026-01')).toBe('January 2026');
    expect(formatMonthKey('2026-05', 'short')).toBe('May 2026');
    expect(rejection('2026-02-29')).toContain('February 2026 has no day 29');
  });
});

describe('plain calendar dates and intervals of them (read without the EDTF grammar)', () => {
  const pad = (value: number) => String(value).padStart(2, '0');

  it('gives every day, month and year of a leap and a common year its bounds', () => {
    for (const year of [2023, 2024]) {
      expect(parsed(String(year))).toMatchObject({ earliest: `${year}-01-01`, latest: `${year}-12-31`, precision: 'year', isInterval: false });
      for (let month = 1; month <= 12; month++) {
        const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
        const monthDate = parsed(`${year}-${pad(month)}`);
        expect(monthDate).toMatchObject({ earliest: `${year}-${pad(month)}-01`, latest: `${year}-${pad(month)}-${pad(days)}`, precision: 'month' });
        expect(monthDate.start).toEqual({ year, month, day: undefined, precision: 'month', approximate: false, uncertain: false });
        for (let day = 1; day <= days; day++) {
          const text = `${year}-${pad(month)}-${pad(day)}`;
          expect(parsed(text)).toMatchObject({ edtf: text, earliest: text, latest: text, sortKey: text, precision: 'day' });
        }
      }
    }
  });

  it('still refuses what is out of range, with the grammar’s reasons', () => {
    expect(rejection('2023-02-29')).toContain('February 2023 has no day 29');
    expect(rejection('0000')).toContain('the year must be between 0001 and 9999');
    for (const text of ['2024-00', '2024-13', '2024-04-00', '2024-04-31']) expect(parseEdtf(text).ok, text).toBe(false);
  });

  it('reads an interval of plain dates as the grammar does, and refuses one whose end does not start after its start', () => {
    expect(parsed('2026-04/2026-05')).toMatchObject({ isInterval: true, earliest: '2026-04-01', latest: '2026-05-31', sortKey: '2026-04-01', precision: 'month' });
    expect(parsed('2025/2026-02-03')).toMatchObject({ earliest: '2025-01-01', latest: '2026-02-03', precision: 'year' });
    expect(parsed('2026-05-21/2026-05-22').end).toEqual({ year: 2026, month: 5, day: 22, precision: 'day', approximate: false, uncertain: false });
    for (const text of ['2026-05/2026-05', '2026-05-10/2026-05', '2026-05-10/2026-05-09']) {
      expect(rejection(text), text).toContain('the end of an interval must come after its start');
    }
  });

  it('reads every date and interval of dates, qualified or open-ended, exactly as the grammar does', () => {
    const points: string[] = [];
    for (const year of ['0000', '0001', '1999', '2023', '2024', '9999']) {
      points.push(year);
      for (const month of ['00', '01', '02', '04', '12', '13']) {
        points.push(`${year}-${month}`);
        for (const day of ['00', '01', '28', '29', '30', '31', '32']) points.push(`${year}-${month}-${day}`);
      }
    }
    const qualified = points.flatMap((point) => ['', '~', '?', '%'].map((qualifier) => `${point}${qualifier}`));
    const ends = qualified.filter((_, index) => index % 7 === 0);
    const texts = [
      ...qualified,
      ...ends.flatMap((end) => [`../${end}`, `${end}/..`, `/${end}`, `${end}/`]),
      ...ends.flatMap((lower) => ends.filter((_, index) => index % 10 === 0).map((upper) => `${lower}/${upper}`)),
      '../..',
      '2024-05~~',
      '2024-05-01/2024-05-02/2024-05-03',
    ];
    let valid = 0;
    for (const text of texts) {
      const expected = parseWithGrammar(text);
      expect(parseEdtf(text), text).toEqual(expected);
      if (expected.ok) valid++;
    }
    // Enough of them are dates (not just refusals) for the comparison to mean something.
    expect(valid).toBeGreaterThan(500);
  });

  it('hands the same frozen result to every caller', () => {
    const first = parseEdtf('2026-05-21');
    expect(parseEdtf('2026-05-21')).toBe(first);
    expect(Object.isFrozen(first.ok && first.date)).toBe(true);
  });
});
