import { z } from 'zod';
import { formatParsedEdtf, parseEdtf, type EdtfParseResult } from '@/lib/dates';

/**
 * Dates as editors write them — "May 2026", "21 May 2026", "May 21, 2026",
 * "c. 2025", "2025-2026", "April–May 2026", "until 21 May 2026" — turned into
 * the EDTF the archive stores. EDTF typed as such passes through unchanged.
 *
 * The grammar is small on purpose: every form it reads has one meaning. A
 * numeric day/month ("05/06/2026") is left alone, since it means 5 June in
 * London and May 6 in Washington; it is refused with the usual message.
 * Nothing here uses a JavaScript Date, so no time zone can move a day.
 */

/** Natural text is longer than EDTF ("between 21 September 2025 and …"); anything longer is not a date. */
export const MAX_NATURAL_DATE_LENGTH = 80;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};

interface NaturalPoint {
  year?: number;
  month?: number;
  day?: number;
  approximate: boolean;
  uncertain: boolean;
}

const APPROXIMATE = /^(?:circa\b|approximately\b|approx\.|approx\b|about\b|around\b|ca\.|c\.|ca\b|c\b|~)\s*/;
const MONTH = '([a-z]+)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const YEAR = '(\\d{4})';
const POINT_FORMS: Array<{ pattern: RegExp; read: (match: RegExpExecArray) => Omit<NaturalPoint, 'approximate' | 'uncertain'> | null }> = [
  { pattern: new RegExp(`^${YEAR}$`), read: (m) => ({ year: Number(m[1]) }) },
  { pattern: /^(\d{4})-(\d{2})(?:-(\d{2}))?$/, read: (m) => ({ year: Number(m[1]), month: Number(m[2]), day: m[3] === undefined ? undefined : Number(m[3]) }) },
  { pattern: new RegExp(`^${MONTH},?\\s+${YEAR}$`), read: (m) => withMonth(m[1], { year: Number(m[2]) }) },
  { pattern: new RegExp(`^${DAY}\\s+${MONTH},?\\s+${YEAR}$`), read: (m) => withMonth(m[2], { day: Number(m[1]), year: Number(m[3]) }) },
  { pattern: new RegExp(`^${MONTH}\\s+${DAY},?\\s+${YEAR}$`), read: (m) => withMonth(m[1], { day: Number(m[2]), year: Number(m[3]) }) },
  // The first end of a range may leave out what the second states: "April–May 2026", "21–23 May 2026", "May 21–June 3, 2026".
  { pattern: new RegExp(`^${MONTH}$`), read: (m) => withMonth(m[1], {}) },
  { pattern: new RegExp(`^${DAY}\\s+${MONTH}$`), read: (m) => withMonth(m[2], { day: Number(m[1]) }) },
  { pattern: new RegExp(`^${MONTH}\\s+${DAY}$`), read: (m) => withMonth(m[1], { day: Number(m[2]) }) },
  { pattern: new RegExp(`^${DAY}$`), read: (m) => ({ day: Number(m[1]) }) },
];

function withMonth(name: string, rest: { year?: number; day?: number }) {
  const month = MONTHS[name];
  return month === undefined ? null : { ...rest, month };
}

function readPoint(text: string): NaturalPoint | null {
  let rest = text.trim();
  let uncertain = false;
  if (rest.endsWith('?')) {
    uncertain = true;
    rest = rest.slice(0, -1).trim();
  }
  const qualifier = APPROXIMATE.exec(rest);
  const approximate = qualifier !== null && qualifier[0] !== '';
  if (qualifier) rest = rest.slice(qualifier[0].length);
  for (const form of POINT_FORMS) {
    const match = form.pattern.exec(rest);
    const parts = match ? form.read(match) : null;
    if (parts) return { ...parts, approximate, uncertain };
  }
  return null;
}

const pad = (value: number, length = 2) => String(value).padStart(length, '0');

function pointToEdtf(point: NaturalPoint): string | null {
  if (point.year === undefined || (point.day !== undefined && point.month === undefined)) return null;
  let text = pad(point.year, 4);
  if (point.month !== undefined) text += `-${pad(point.month)}`;
  if (point.day !== undefined) text += `-${pad(point.day)}`;
  if (point.approximate && point.uncertain) return `${text}%`;
  if (point.approximate) return `${text}~`;
  if (point.uncertain) return `${text}?`;
  return text;
}

/** The first end of a range borrows the month and year it leaves out from the second ("21–23 May 2026"). */
function completeStart(start: NaturalPoint, end: NaturalPoint): NaturalPoint {
  if (start.year !== undefined) return start;
  if (start.month === undefined) return { ...start, month: end.month, year: end.year };
  return { ...start, year: end.year };
}

const RANGE_SEPARATOR = /\s*(?:–|—|\bto\b|\buntil\b|\bthrough\b|\bthru\b)\s*|\s+-\s+/;
const YEAR_RANGE = /^(\d{4})\s*[-–—]\s*(\d{2}|\d{4})$/;
const OPEN_BEFORE = /^(?:until|till|up to|by)\s+(.+)$/;
const OPEN_AFTER = /^(?:since|from)\s+(.+?)(?:\s+onwards?)?$|^(.+?)\s+onwards?$/;

function rangeToEdtf(startText: string, endText: string): string | null {
  const end = readPoint(endText);
  const start = readPoint(startText);
  if (!start || !end) return null;
  const startEdtf = pointToEdtf(completeStart(start, end));
  const endEdtf = pointToEdtf(end);
  return startEdtf && endEdtf ? `${startEdtf}/${endEdtf}` : null;
}

/**
 * The EDTF for natural text, or null when the text is none of the forms read
 * here (it may still be EDTF, or nothing valid at all). The result is not yet
 * checked as a date: readDateInput does that, with EDTF's own rules.
 */
export function naturalDateToEdtf(input: string): string | null {
  const text = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '' || text.length > MAX_NATURAL_DATE_LENGTH) return null;

  const years = YEAR_RANGE.exec(text);
  if (years) {
    // "2025-26" is 2025 to 2026, as in a fiscal or academic year.
    const end = years[2].length === 2 ? Number(years[1].slice(0, 2) + years[2]) : Number(years[2]);
    if (years[2].length === 2 && end <= Number(years[1])) return null;
    return `${years[1]}/${pad(end, 4)}`;
  }
  const between = /^(?:between|from)\s+(.+?)\s+(?:and|to|until|through)\s+(.+)$/.exec(text);
  if (between) return rangeToEdtf(between[1], between[2]);
  const before = OPEN_BEFORE.exec(text);
  if (before) {
    const point = readPoint(before[1]);
    const edtf = point && pointToEdtf(point);
    return edtf ? `../${edtf}` : null;
  }
  const after = OPEN_AFTER.exec(text);
  if (after) {
    const point = readPoint(after[1] ?? after[2]);
    const edtf = point && pointToEdtf(point);
    return edtf ? `${edtf}/..` : null;
  }
  // A hyphen between ISO dates is part of them ("2026-05-21"), so only a spaced hyphen separates a range.
  const parts = text.split(RANGE_SEPARATOR);
  if (parts.length === 2) return rangeToEdtf(parts[0], parts[1]);
  if (parts.length > 2) return null;
  const point = readPoint(text);
  return point ? pointToEdtf(point) : null;
}

const EXAMPLES = 'Write it like 21 May 2026, May 2026, 2026, c. 2025, 2025–2026, April–May 2026 or until 21 May 2026, or as EDTF (2026-05-21, 2026-05~, 2026-04/2026-05).';

/**
 * A date field as the editor typed it: EDTF, or a natural form converted to
 * EDTF, checked with EDTF's rules. An error names what was typed.
 */
export function readDateInput(input: string): EdtfParseResult {
  const text = input.trim();
  if (text === '') return { ok: false, error: `A date is required. ${EXAMPLES}` };
  if (text.length > MAX_NATURAL_DATE_LENGTH) return { ok: false, error: `This date is too long: a date is at most ${MAX_NATURAL_DATE_LENGTH} characters. ${EXAMPLES}` };
  const asEdtf = parseEdtf(text);
  if (asEdtf.ok) return asEdtf;
  const converted = naturalDateToEdtf(text);
  // Text written as EDTF ("2026-02-30", "2026-13") gets EDTF's own reason.
  if (converted === text || (converted === null && /^\d{4}[\d\-/.~?%X]*$/.test(text))) return asEdtf;
  if (/^\d{1,2}[/.]\d{1,2}[/.]\d{4}$/.test(text)) {
    return { ok: false, error: `"${text}" means one day in Europe and another in the US: write the month as a word (21 May 2026) or as EDTF (2026-05-21).` };
  }
  if (converted === null) return { ok: false, error: `"${text}" is not a date this form can read. ${EXAMPLES}` };
  const parsed = parseEdtf(converted);
  // The conversion can make a date that does not exist ("30 February 2026"); EDTF's rules say why.
  return parsed.ok ? parsed : { ok: false, error: parsed.error.replace(`"${converted}"`, `"${text}" (${converted})`) };
}

/** The form's date field: accepts natural text and EDTF, and yields the EDTF to store. */
export const dateInputSchema = z.string().transform((value, context) => {
  const result = readDateInput(value);
  if (!result.ok) {
    context.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.date.edtf;
});

/**
 * "Will read: May 2026 · stored as 2026-05", or why the text is not a date;
 * empty for no text. The input comes from a form or a client call, so
 * anything but a string previews as nothing.
 */
export function previewDateInput(input: unknown): string {
  if (typeof input !== 'string') return '';
  const text = input.slice(0, MAX_NATURAL_DATE_LENGTH + 20).trim();
  if (!text) return '';
  const result = readDateInput(text);
  return result.ok ? `Will read: ${formatParsedEdtf(result.date)} · stored as ${result.date.edtf}` : result.error;
}
