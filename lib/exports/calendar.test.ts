import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarSummary, eventsCalendar } from '@/lib/exports/calendar';
import { eventRecord } from '@/tests/unit/event-record';

const ORIGIN = 'https://timeline.example.org:8443';
const OPTIONS = { origin: ORIGIN, title: 'AI Policy Timeline', viewUrl: `${ORIGIN}/` };

function parseEvents(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe('eventsCalendar', () => {
  it('writes all-day DATE values that no time zone moves', () => {
    const events = [eventRecord('2026-05', { slug: 'month' }), eventRecord('2024-02-29', { slug: 'leap-day' })];
    const written = ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC'].map((zone) => {
      process.env.TZ = zone;
      return eventsCalendar(events, OPTIONS);
    });
    expect(written[0]).toBe(written[1]);
    expect(written[0]).toBe(written[2]);
    expect(written[0]).toContain('DTSTART;VALUE=DATE:20260501');
    expect(written[0]).toContain('DTEND;VALUE=DATE:20260601');
    expect(written[0]).toContain('DTSTART;VALUE=DATE:20240229');
    expect(written[0]).toContain('DTEND;VALUE=DATE:20240301');

    const [month, leapDay] = parseEvents(written[0]);
    expect(month.startDate.isDate).toBe(true);
    expect(month.startDate.toString()).toBe('2026-05-01');
    expect(month.endDate.toString()).toBe('2026-06-01');
    expect(leapDay.startDate.toString()).toBe('2024-02-29');
    expect(leapDay.endDate.toString()).toBe('2024-03-01');
  });

  it('gives each event a stable UID, its page, its summary and its date as read', () => {
    const ics = eventsCalendar(
      [eventRecord('2026-04?', { slug: 'mythos', title: 'Restricted release; invited partners', summary: 'Only a few, by invitation.' })],
      OPTIONS,
    );
    const [event] = parseEvents(ics);
    expect(event.uid).toBe('mythos@timeline.example.org');
    expect(event.summary).toBe('Restricted release; invited partners (date uncertain)');
    expect(event.description).toContain('April 2026 (uncertain)');
    expect(event.description).toContain('Only a few, by invitation.');
    expect(event.description).toContain('https://timeline.example.org:8443/events/mythos');
    expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(eventsCalendar([eventRecord('2026-04?', { slug: 'mythos' })], OPTIONS)).toContain('UID:mythos@timeline.example.org');
  });

  it('marks an open end in the summary and keeps the known end', () => {
    const [event] = parseEvents(eventsCalendar([eventRecord('../2026-05-21', { title: 'Early access' })], OPTIONS));
    expect(event.summary).toBe('Early access (start unknown)');
    expect(event.startDate.toString()).toBe('2026-05-21');
    expect(event.endDate.toString()).toBe('2026-05-22');
  });
});

describe('calendarSummary', () => {
  it('is the title alone when the block tells the whole truth', () => {
    expect(calendarSummary(eventRecord('2026-05-21', { title: 'Signing postponed' }))).toBe('Signing postponed');
    expect(calendarSummary(eventRecord('2026-05~/..', { title: 'Talks' }))).toBe('Talks (end unknown; date approximate)');
  });
});

describe('eventsCalendar and characters iCalendar forbids', () => {
  it('drops control characters from stored text, keeping line breaks escaped', () => {
    const ics = eventsCalendar([eventRecord('2026-05', { title: 'Signing\u0000 post\u0007poned', summary: 'One\u001B\ntwo\u007F' })], OPTIONS);
    expect(ics).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
    const [event] = parseEvents(ics);
    expect(event.summary).toBe('Signing postponed');
    expect(event.description).toContain('One\ntwo');
  });
});
