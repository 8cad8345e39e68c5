import type { EdtfPoint, ParsedEdtf } from '@/lib/dates';

/**
 * How a timeline date becomes an all-day calendar event. Calendars have no way
 * to say "some day in May 2026", so an event covers every day its date may
 * mean, and no more:
 *
 * - a day → that day; a month → the whole month; a year → the whole year;
 * - an interval → from the first day of its start to the last day of its end;
 * - an open end (`../2026-05-21`, `2026-05-21/..`) → only the known end, at its
 *   own precision, and the summary says which end is unknown.
 *
 * Days are plain YYYY-MM-DD strings worked out from calendar parts, never from
 * a time zone, and become VALUE=DATE values: no calendar can move them.
 */
export interface AllDayRange {
  /** The first day, YYYY-MM-DD. */
  start: string;
  /** The day after the last one, YYYY-MM-DD: DTEND of an all-day event is exclusive. */
  end: string;
  /** Which end of the date is not known, if any. */
  open: 'start' | 'end' | null;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');
const dayString = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

function firstDay(point: EdtfPoint): string {
  return dayString(point.year, point.month ?? 1, point.day ?? 1);
}

/** The day after the last day a point covers. */
function dayAfter(point: EdtfPoint): string {
  const { year, month, day } = point;
  // DATE values have four-digit years: a date reaching 9999-12-31 ends a day short.
  if (year === 9999 && (month === undefined || month === 12) && (day === undefined || day === 31)) return '9999-12-31';
  if (month === undefined) return dayString(year + 1, 1, 1);
  if (day !== undefined && day < daysInMonth(year, month)) return dayString(year, month, day + 1);
  return month === 12 ? dayString(year + 1, 1, 1) : dayString(year, month + 1, 1);
}

export function allDayRange(date: ParsedEdtf): AllDayRange {
  const first = date.start ?? date.end;
  const last = date.end ?? date.start;
  if (!first || !last) throw new Error(`The date "${date.edtf}" has no known end`);
  return {
    start: firstDay(first),
    end: dayAfter(last),
    open: date.start === null ? 'start' : date.end === null ? 'end' : null,
  };
}

/** What a calendar's block cannot show: an unknown end, an approximate or uncertain date. */
export function dateCaveats(date: ParsedEdtf): string[] {
  const points = [date.start, date.end].filter((point): point is EdtfPoint => point !== null);
  return [
    ...(date.start === null ? ['start unknown'] : []),
    ...(date.end === null ? ['end unknown'] : []),
    ...(points.some((point) => point.approximate) ? ['date approximate'] : []),
    ...(points.some((point) => point.uncertain) ? ['date uncertain'] : []),
  ];
}

/** A YYYY-MM-DD day as midnight UTC, the form ical-generator writes as a DATE value when no time zone is set. */
export function utcMidnight(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const value = new Date(0);
  // setUTCFullYear, because Date.UTC reads years 0–99 as 1900–1999.
  value.setUTCFullYear(year, month - 1, date);
  return value;
}
