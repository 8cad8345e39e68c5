import { describe, expect, it } from 'vitest';
import { dateInputSchema, naturalDateToEdtf, previewDateInput, readDateInput } from '@/lib/natural-date';

describe('naturalDateToEdtf', () => {
  it.each([
    ['2026', '2026'],
    ['May 2026', '2026-05'],
    ['may, 2026', '2026-05'],
    ['Sept. 2025', '2025-09'],
    ['21 May 2026', '2026-05-21'],
    ['21st May 2026', '2026-05-21'],
    ['May 21, 2026', '2026-05-21'],
    ['May 3 2026', '2026-05-03'],
    ['c. 2025', '2025~'],
    ['circa 2025', '2025~'],
    ['c2025', null],
    ['about May 2026', '2026-05~'],
    ['May 2026?', '2026-05?'],
    ['c. May 2026?', '2026-05%'],
    ['2025-2026', '2025/2026'],
    ['2025 - 2026', '2025/2026'],
    ['2025–26', '2025/2026'],
    ['2025-24', null],
    ['April–May 2026', '2026-04/2026-05'],
    ['April to May 2026', '2026-04/2026-05'],
    ['21–23 May 2026', '2026-05-21/2026-05-23'],
    ['May 21 – June 3, 2026', '2026-05-21/2026-06-03'],
    ['December 2025 – January 2026', '2025-12/2026-01'],
    ['between 2024 and 2025', '2024/2025'],
    ['from March 2025 to May 2026', '2025-03/2026-05'],
    ['until 21 May 2026', '../2026-05-21'],
    ['since March 2025', '2025-03/..'],
    ['2025 onward', '2025/..'],
    ['  MAY   2026 ', '2026-05'],
  ])('reads %j as %j', (input, expected) => {
    expect(naturalDateToEdtf(input)).toBe(expected);
  });

  it.each(['05/06/2026', 'Smarch 2026', 'May', '21 May', 'next Tuesday', '2026-05-21 to', 'a – b – c'])('does not guess at %j', (input) => {
    expect(naturalDateToEdtf(input)).toBeNull();
  });
});

describe('readDateInput', () => {
  it('passes EDTF through unchanged', () => {
    const result = readDateInput('2026-04/2026-05');
    expect(result.ok && result.date.edtf).toBe('2026-04/2026-05');
  });

  it('converts natural text and derives the bounds of the EDTF it becomes', () => {
    const result = readDateInput('May 2026');
    expect(result.ok && [result.date.edtf, result.date.earliest, result.date.latest]).toEqual(['2026-05', '2026-05-01', '2026-05-31']);
  });

  it('refuses a day that does not exist, naming what was typed and what it became', () => {
    const result = readDateInput('30 February 2026');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/"30 February 2026" \(2026-02-30\).*February 2026 has no day 30/);
  });

  it('refuses an interval that ends before it starts', () => {
    const result = readDateInput('2026 – 2025');
    expect(!result.ok && result.error).toMatch(/end of an interval must come after its start/);
  });

  it('says what it can read when it cannot read the text', () => {
    const result = readDateInput('next Tuesday');
    expect(!result.ok && result.error).toMatch(/^"next Tuesday" is not a date this form can read\. Write it like 21 May 2026/);
  });

  it('refuses a numeric day and month, which read differently in Europe and the US', () => {
    const result = readDateInput('05/06/2026');
    expect(!result.ok && result.error).toMatch(/write the month as a word/);
  });

  it('asks for a date when there is none', () => {
    expect(readDateInput('  ')).toMatchObject({ ok: false, error: expect.stringMatching(/^A date is required/) });
  });
});

describe('dateInputSchema', () => {
  it('yields the EDTF to store', () => {
    expect(dateInputSchema.parse('c. 2025')).toBe('2025~');
  });
  it('fails with the reason', () => {
    const result = dateInputSchema.safeParse('the other day');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/is not a date this form can read/);
  });
});

describe('previewDateInput', () => {
  it('shows how the date reads and the EDTF it is stored as', () => {
    expect(previewDateInput('21 May 2026')).toBe('Will read: May 21, 2026 · stored as 2026-05-21');
    expect(previewDateInput('2025-2026')).toBe('Will read: 2025 – 2026 · stored as 2025/2026');
  });
  it('previews nothing for no text or no string', () => {
    expect(previewDateInput('')).toBe('');
    expect(previewDateInput({ toString: () => '2026' })).toBe('');
  });
});

describe('long input', () => {
  it('is refused as too long without being read', () => {
    expect(readDateInput('9'.repeat(81))).toMatchObject({ ok: false, error: expect.stringMatching(/^This date is too long/) });
    expect(previewDateInput(`2026-05${' '.repeat(100_000)}`)).toBe('Will read: May 2026 · stored as 2026-05');
  });
});
