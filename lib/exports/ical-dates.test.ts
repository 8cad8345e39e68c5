import { describe, expect, it } from 'vitest';
import { parseEdtf, type ParsedEdtf } from '@/lib/dates';
import { allDayRange, dateCaveats, daysInMonth, utcMidnight } from '@/lib/exports/ical-dates';

function parsed(input: string): ParsedEdtf {
  const result = parseEdtf(input);
  if (!result.ok) throw new Error(result.error);
  return result.date;
}

const range = (input: string) => allDayRange(parsed(input));

describe('allDayRange: a single date covers every day it may mean', () => {
  it('a day is that day (DTEND is the next day, exclusive)', () => {
    expect(range('2026-05-21')).toEqual({ start: '2026-05-21', end: '2026-05-22', open: null });
  });

  it('the last day of a month ends on the first of the next', () => {
    expect(range('2026-04-30')).toEqual({ start: '2026-04-30', end: '2026-05-01', open: null });
  });

  it('the last day of a year ends on the first of the next year', () => {
    expect(range('2025-12-31')).toEqual({ start: '2025-12-31', end: '2026-01-01', open: null });
  });

  it('a month is the whole month', () => {
    expect(range('2026-05')).toEqual({ start: '2026-05-01', end: '2026-06-01', open: null });
    expect(range('2026-12')).toEqual({ start: '2026-12-01', end: '2027-01-01', open: null });
  });

  it('a year is the whole year', () => {
    expect(range('2026')).toEqual({ start: '2026-01-01', end: '2027-01-01', open: null });
  });

  it('qualifiers do not change the days', () => {
    expect(range('2026-04?')).toEqual({ start: '2026-04-01', end: '2026-05-01', open: null });
    expect(range('2026-05-21~')).toEqual({ start: '2026-05-21', end: '2026-05-22', open: null });
    expect(range('2026%')).toEqual({ start: '2026-01-01', end: '2027-01-01', open: null });
  });
});

describe('allDayRange: leap years', () => {
  it('February 29 of a leap year ends on March 1', () => {
    expect(range('2024-02-29')).toEqual({ start: '2024-02-29', end: '2024-03-01', open: null });
    expect(range('2000-02-29')).toEqual({ start: '2000-02-29', end: '2000-03-01', open: null });
  });

  it('February 28 is followed by the 29th only in a leap year', () => {
    expect(range('2024-02-28').end).toBe('2024-02-29');
    expect(range('2026-02-28').end).toBe('2026-03-01');
    expect(range('1900-02-28').end).toBe('1900-03-01');
  });

  it('the month of February ends on March 1 either way', () => {
    expect(range('2024-02')).toEqual({ start: '2024-02-01', end: '2024-03-01', open: null });
    expect(range('2023-02')).toEqual({ start: '2023-02-01', end: '2023-03-01', open: null });
  });

  it('knows the century rule', () => {
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
  });
});

describe('allDayRange: intervals', () => {
  it('runs from the first day of the start to the last day of the end', () => {
    expect(range('2026-04/2026-05')).toEqual({ start: '2026-04-01', end: '2026-06-01', open: null });
    expect(range('2026-05/2026-05-22')).toEqual({ start: '2026-05-01', end: '2026-05-23', open: null });
    expect(range('2025/2026-02')).toEqual({ start: '2025-01-01', end: '2026-03-01', open: null });
    expect(range('2024-02-28/2024-02-29')).toEqual({ start: '2024-02-28', end: '2024-03-01', open: null });
  });

  it('an open start keeps only the known end, at its own precision', () => {
    expect(range('../2026-05-21')).toEqual({ start: '2026-05-21', end: '2026-05-22', open: 'start' });
    expect(range('../2026-05')).toEqual({ start: '2026-05-01', end: '2026-06-01', open: 'start' });
  });

  it('an open end keeps only the known start', () => {
    expect(range('2026-05-21/..')).toEqual({ start: '2026-05-21', end: '2026-05-22', open: 'end' });
    expect(range('2026/..')).toEqual({ start: '2026-01-01', end: '2027-01-01', open: 'end' });
  });
});

describe('allDayRange: the ends of the calendar', () => {
  it('writes early years with four digits', () => {
    expect(range('0001-01')).toEqual({ start: '0001-01-01', end: '0001-02-01', open: null });
    expect(range('0099')).toEqual({ start: '0099-01-01', end: '0100-01-01', open: null });
  });

  it('cannot end after 9999-12-31', () => {
    expect(range('9999-12-31')).toEqual({ start: '9999-12-31', end: '9999-12-31', open: null });
    expect(range('9999')).toEqual({ start: '9999-01-01', end: '9999-12-31', open: null });
  });
});

describe('dateCaveats', () => {
  it('names what a calendar block cannot show', () => {
    expect(dateCaveats(parsed('2026-05-21'))).toEqual([]);
    expect(dateCaveats(parsed('../2026-05-21'))).toEqual(['start unknown']);
    expect(dateCaveats(parsed('2026-05/..'))).toEqual(['end unknown']);
    expect(dateCaveats(parsed('2026-04?'))).toEqual(['date uncertain']);
    expect(dateCaveats(parsed('2026-05~/2026-06'))).toEqual(['date approximate']);
    expect(dateCaveats(parsed('2026%'))).toEqual(['date approximate', 'date uncertain']);
  });
});

describe('utcMidnight', () => {
  it('is midnight UTC of that calendar day, also for years below 100', () => {
    expect(utcMidnight('2026-05-01').toISOString()).toBe('2026-05-01T00:00:00.000Z');
    expect(utcMidnight('0042-02-03').toISOString()).toBe('0042-02-03T00:00:00.000Z');
  });
});
