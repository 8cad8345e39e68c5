import { UTCDate } from '@date-fns/utc';
import { format, getDaysInMonth } from 'date-fns';
import edtf, { type EdtfDate, type EdtfValue } from 'edtf';

/**
 * Dates are EDTF (ISO 8601-2) strings, parsed by the `edtf` package. We accept
 * the part of EDTF level 1 a chronology needs: `YYYY`, `YYYY-MM`, `YYYY-MM-DD`,
 * each optionally qualified `~` (approximate), `?` (uncertain) or `%` (both),
 * and intervals `A/B` whose ends are such dates or open (`..`).
 *
 * Everything here works on calendar parts and UTC bounds, never on the
 * process's local time zone, so a date cannot move with the server or browser.
 */

export type DatePrecision = 'year' | 'month' | 'day';

export interface EdtfPoint {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
  approximate: boolean;
  uncertain: boolean;
}

export interface ParsedEdtf {
  /** The EDTF string as given (trimmed). */
  edtf: string;
  /** `null` marks an open end (`..`). A single date has start === end. */
  start: EdtfPoint | null;
  end: EdtfPoint | null;
  isInterval: boolean;
  /** First and last calendar day covered, YYYY-MM-DD; sentinels for open ends. */
  earliest: string;
  latest: string;
  /** The day the chronology sorts by: the earliest bound, or the latest when the start is open. */
  sortKey: string;
  /** The coarsest precision the date states. */
  precision: DatePrecision;
}

export type EdtfParseResult = { ok: true; date: ParsedEdtf } | { ok: false; error: string };

export const OPEN_START = '0000-01-01';
export const OPEN_END = '9999-12-31';

const PRECISIONS: Record<number, DatePrecision> = { 1: 'year', 2: 'month', 3: 'day' };
const PRECISION_RANK: Record<DatePrecision, number> = { year: 1, month: 2, day: 3 };
export const MAX_EDTF_LENGTH = 40;

const SUPPORTED =
  'Use YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by ~ (approximate), ? (uncertain) or % (both), ' +
  'or an interval such as 2026-04/2026-05, ../2026-05-21 or 2026-05-21/..';

/**
 * A calendar day as a UTCDate. Built with setUTCFullYear because the Date
 * constructors read years 0–99 as 1900–1999.
 */
function calendarDay(year: number, monthIndex: number, day: number): UTCDate {
  const date = new UTCDate(2000, 0, 1);
  date.setUTCFullYear(year, monthIndex, day);
  return date;
}

function invalid(input: string, reason: string): EdtfParseResult {
  return { ok: false, error: `"${input}" is not a valid EDTF date: ${reason}` };
}

function toPoint(date: EdtfDate): EdtfPoint | string {
  const precision = PRECISIONS[date.precision];
  if (!precision) return 'a time of day is more precise than the timeline records';
  if (date.unspecified.value !== 0) return 'unspecified digits (X) are not supported';
  const [year, month, day] = date.values;
  if (year < 1 || year > 9999) return 'the year must be between 0001 and 9999';
  return {
    year,
    month: month === undefined ? undefined : month + 1,
    day,
    precision,
    approximate: date.approximate.value !== 0,
    uncertain: date.uncertain.value !== 0,
  };
}

function dayString(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function coarsest(points: Array<EdtfPoint | null>): DatePrecision {
  const present = points.filter((point): point is EdtfPoint => point !== null);
  return present.reduce<DatePrecision>(
    (result, point) => (PRECISION_RANK[point.precision] < PRECISION_RANK[result] ? point.precision : result),
    'day',
  );
}

/**
 * Parsed dates by input text. Parsing costs about a tenth of a millisecond (the
 * edtf grammar), and an import or a page of 100,000 events parses the same few
 * thousand dates over and over. Results are frozen since callers share them.
 */
const parsedByInput = new Map<string, EdtfParseResult>();
const MAX_CACHED_DATES = 50_000;

export function parseEdtf(rawInput: string): EdtfParseResult {
  const cached = parsedByInput.get(rawInput);
  if (cached) return cached;
  const result = deepFreeze(parseEdtfUncached(rawInput));
  if (parsedByInput.size >= MAX_CACHED_DATES) parsedByInput.clear();
  parsedByInput.set(rawInput, result);
  return result;
}

function deepFreeze(result: EdtfParseResult): EdtfParseResult {
  if (result.ok) {
    if (result.date.start) Object.freeze(result.date.start);
    if (result.date.end) Object.freeze(result.date.end);
    Object.freeze(result.date);
  }
  return Object.freeze(result);
}

const PLAIN_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([~?%])?$/;
const twoDigits = (value: number) => String(value).padStart(2, '0');

/**
 * "2026", "2026-05" or "2026-05-21", optionally qualified ("2026-05~",
 * "2026?", "2026-05-21%"): most dates of an archive, read without the grammar
 * (which costs a tenth of a millisecond a date) and exactly as it reads them
 * (lib/dates.test.ts compares the two). Null for anything else, including such
 * dates out of range, which the grammar reports.
 */
function plainCalendarDate(input: string): ParsedEdtf | null {
  const match = PLAIN_DATE.exec(input);
  if (!match) return null;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  const qualifier = match[4];
  if (year < 1 || (month !== undefined && (month < 1 || month > 12))) return null;
  const daysInMonth = getDaysInMonth(calendarDay(year, (month ?? 12) - 1, 1));
  if (day !== undefined && (day < 1 || day > daysInMonth)) return null;
  const precision: DatePrecision = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  const point: EdtfPoint = { year, month, day, precision, approximate: qualifier === '~' || qualifier === '%', uncertain: qualifier === '?' || qualifier === '%' };
  const earliest = `${match[1]}-${twoDigits(month ?? 1)}-${twoDigits(day ?? 1)}`;
  const latest = `${match[1]}-${twoDigits(month ?? 12)}-${twoDigits(day ?? daysInMonth)}`;
  return { edtf: input, start: point, end: point, isInterval: false, earliest, latest, sortKey: earliest, precision };
}

/**
 * "2026-04/2026-05", "../2026-05-21" or "2026-05~/..": an interval whose ends
 * are such dates, one of them possibly open, read as the grammar reads it.
 * Null for anything else.
 */
function plainInterval(input: string): ParsedEdtf | null {
  const [lower, upper, ...rest] = input.split('/');
  if (upper === undefined || rest.length > 0 || (lower === '..' && upper === '..')) return null;
  const start = lower === '..' ? null : plainCalendarDate(lower);
  const end = upper === '..' ? null : plainCalendarDate(upper);
  if ((lower !== '..' && !start) || (upper !== '..' && !end)) return null;
  // The grammar refuses an end that does not start after the start; it gives the reason.
  if (start && end && end.earliest <= start.earliest) return null;
  const earliest = start ? start.earliest : OPEN_START;
  const latest = end ? end.latest : OPEN_END;
  return {
    edtf: input,
    start: start && start.start,
    end: end && end.end,
    isInterval: true,
    earliest,
    latest,
    sortKey: start ? earliest : latest,
    precision: coarsest([start && start.start, end && end.end]),
  };
}

function parseEdtfUncached(rawInput: string): EdtfParseResult {
  const input = rawInput.trim();
  if (input === '') return { ok: false, error: 'A date is required. ' + SUPPORTED };
  if (input.length > MAX_EDTF_LENGTH) return invalid(input.slice(0, MAX_EDTF_LENGTH) + '…', 'it is too long');
  const plain = plainCalendarDate(input) ?? plainInterval(input);
  if (plain) return { ok: true, date: plain };
  return parseWithGrammar(input);
}

/** A trimmed date of at most MAX_EDTF_LENGTH characters, read by the EDTF grammar alone (exported for tests). */
export function parseWithGrammar(input: string): EdtfParseResult {

  // The parser rolls February 29 of a common year over to March 1; refuse it instead.
  for (const [, year, month, day] of input.matchAll(/(\d{4})-(\d{2})-(\d{2})/g)) {
    const firstOfMonth = calendarDay(Number(year), Number(month) - 1, 1);
    if (Number(month) >= 1 && Number(month) <= 12 && Number(day) > getDaysInMonth(firstOfMonth)) {
      return invalid(input, `${format(firstOfMonth, 'MMMM yyyy')} has no day ${Number(day)}`);
    }
  }

  let value: EdtfValue;
  try {
    value = edtf(input, { level: 1 });
  } catch (error) {
    const reason = error instanceof Error && error.message.startsWith('invalid upper bound')
      ? 'the end of an interval must come after its start'
      : SUPPORTED.charAt(0).toLowerCase() + SUPPORTED.slice(1);
    return invalid(input, reason);
  }

  if (value.type === 'Date') {
    const point = toPoint(value);
    if (typeof point === 'string') return invalid(input, point);
    const earliest = dayString(value.min);
    return {
      ok: true,
      date: {
        edtf: input,
        start: point,
        end: point,
        isInterval: false,
        earliest,
        latest: dayString(value.max),
        sortKey: earliest,
        precision: point.precision,
      },
    };
  }

  if (value.type === 'Interval') {
    const lower = typeof value.lower === 'object' ? value.lower : undefined;
    const upper = typeof value.upper === 'object' ? value.upper : undefined;
    if (value.lower === null || value.upper === null || value.min === null || value.max === null) {
      return invalid(input, 'an interval end may be open ("..") but not empty');
    }
    if (!lower && !upper) return invalid(input, 'an interval needs at least one known end');
    const start = lower ? toPoint(lower) : null;
    const end = upper ? toPoint(upper) : null;
    if (typeof start === 'string') return invalid(input, start);
    if (typeof end === 'string') return invalid(input, end);
    const earliest = lower ? dayString(value.min) : OPEN_START;
    const latest = upper ? dayString(value.max) : OPEN_END;
    return {
      ok: true,
      date: {
        edtf: input,
        start,
        end,
        isInterval: true,
        earliest,
        latest,
        sortKey: lower ? earliest : latest,
        precision: coarsest([start, end]),
      },
    };
  }

  return invalid(input, SUPPORTED.charAt(0).toLowerCase() + SUPPORTED.slice(1));
}

function formatPoint(point: EdtfPoint, options: { omitYear?: boolean } = {}): string {
  // UTCDate formats its own UTC fields, so the local time zone plays no part.
  const day = calendarDay(point.year, (point.month ?? 1) - 1, point.day ?? 1);
  let text: string;
  if (point.precision === 'day') text = format(day, options.omitYear ? 'MMMM d' : 'MMMM d, yyyy');
  else if (point.precision === 'month') text = format(day, options.omitYear ? 'MMMM' : 'MMMM yyyy');
  else text = String(point.year).padStart(4, '0');
  if (point.approximate) text = `c. ${text}`;
  if (point.uncertain) text = `${text} (uncertain)`;
  return text;
}

const isQualified = (point: EdtfPoint) => point.approximate || point.uncertain;

/** How a reader sees a date: "May 21, 2026", "May 2026", "c. May 2026", "April – May 2026". */
export function formatParsedEdtf(date: ParsedEdtf): string {
  const { start, end } = date;
  if (!date.isInterval && start) return formatPoint(start);
  if (!start && end) return `until ${formatPoint(end)}`;
  if (start && !end) return `${formatPoint(start)} onward`;
  if (start && end) {
    const sameYear =
      start.year === end.year &&
      start.precision !== 'year' &&
      start.precision === end.precision &&
      !isQualified(start) &&
      !isQualified(end);
    return `${formatPoint(start, { omitYear: sameYear })} – ${formatPoint(end)}`;
  }
  return date.edtf;
}

/** Formats a stored EDTF string; falls back to the raw string if it no longer parses. */
export function formatEdtf(input: string): string {
  const result = parseEdtf(input);
  return result.ok ? formatParsedEdtf(result.date) : input;
}

/**
 * "Will read: May 2026", or why the text is not a date; empty for no text. The
 * input comes straight from a form or a client call, so anything but a string
 * previews as nothing and only the first characters a date can have are read.
 */
export function previewEdtf(input: unknown): string {
  if (typeof input !== 'string') return '';
  const text = input.slice(0, MAX_EDTF_LENGTH + 20).trim();
  if (!text) return '';
  const parsed = parseEdtf(text);
  return parsed.ok ? `Will read: ${formatParsedEdtf(parsed.date)}` : parsed.error;
}

/** A value for `<time datetime>`: the most precise calendar form of the start (or the end when open). */
export function machineReadableDate(date: ParsedEdtf): string {
  const point = date.start ?? date.end;
  if (!point) return '';
  const parts = [String(point.year).padStart(4, '0')];
  if (point.month !== undefined) parts.push(String(point.month).padStart(2, '0'));
  if (point.day !== undefined) parts.push(String(point.day).padStart(2, '0'));
  return parts.join('-');
}

/** The year and month (1–12) a date is grouped under, when it names a month; intervals group by their start. */
export function groupingMonth(date: ParsedEdtf): { year: number; month: number | null } | null {
  const point = date.start ?? date.end;
  if (!point) return null;
  return { year: point.year, month: point.month ?? null };
}

/** A month key "YYYY-MM" as "September 2026" (long) or "Sep 2026" (short). */
export function formatMonthKey(monthKey: string, style: 'long' | 'short' = 'long'): string {
  const [year, month] = monthKey.split('-').map(Number);
  return format(calendarDay(year, month - 1, 1), style === 'long' ? 'MMMM yyyy' : 'MMM yyyy');
}
