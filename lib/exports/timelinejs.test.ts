import { describe, expect, it } from 'vitest';
import { parseEdtf } from '@/lib/dates';
import { intervalStart, timelineDate, timelineDocument, timelineSlide } from '@/lib/exports/timelinejs';
import { eventRecord } from '@/tests/unit/event-record';

const ORIGIN = 'https://timeline.example.org';

function point(input: string) {
  const result = parseEdtf(input);
  if (!result.ok || !result.date.start) throw new Error(`expected a dated start for ${input}`);
  return result.date.start;
}

describe('timelineDate: only the parts the date knows', () => {
  it('a day has year, month and day', () => {
    expect(timelineDate(point('2026-05-21'))).toEqual({ year: 2026, month: 5, day: 21 });
  });

  it('a month has no day', () => {
    const date = timelineDate(point('2026-05'));
    expect(date).toEqual({ year: 2026, month: 5 });
    expect('day' in date).toBe(false);
  });

  it('a year has neither month nor day', () => {
    expect(timelineDate(point('2026?'))).toEqual({ year: 2026 });
  });
});

describe('timelineSlide', () => {
  it('places a single date with its display date, group and id', () => {
    const slide = timelineSlide(eventRecord('2026-05~', { slug: 'nist-announces', type: 'announced' }), ORIGIN);
    expect(slide.start_date).toEqual({ year: 2026, month: 5 });
    expect(slide.end_date).toBeUndefined();
    expect(slide.display_date).toBe('c. May 2026');
    expect(slide.group).toBe('Announced');
    expect(slide.unique_id).toBe('nist-announces');
  });

  it('spans an interval from its start to its end, each at its own precision', () => {
    const slide = timelineSlide(eventRecord('2026-04/2026-05-22'), ORIGIN);
    expect(slide.start_date).toEqual({ year: 2026, month: 4 });
    expect(slide.end_date).toEqual({ year: 2026, month: 5, day: 22 });
    expect(slide.display_date).toBe('April 2026 – May 22, 2026');
  });

  it('keeps the end of an interval whose end lies within its start (TimelineJS would drop it as redundant)', () => {
    const sameMonth = timelineSlide(eventRecord('2026-05/2026-05-22'), ORIGIN);
    expect(sameMonth.start_date).toEqual({ year: 2026, month: 5, day: '' });
    expect(sameMonth.end_date).toEqual({ year: 2026, month: 5, day: 22 });
    expect(sameMonth.display_date).toBe('May 2026 – May 22, 2026');

    const sameYear = timelineSlide(eventRecord('2026/2026-05'), ORIGIN);
    expect(sameYear.start_date).toEqual({ year: 2026, month: '' });
    expect(sameYear.end_date).toEqual({ year: 2026, month: 5 });
  });

  it('places an open interval at its known end, and says the other is unknown', () => {
    const until = timelineSlide(eventRecord('../2026-05-21'), ORIGIN);
    expect(until.start_date).toEqual({ year: 2026, month: 5, day: 21 });
    expect(until.end_date).toBeUndefined();
    expect(until.display_date).toBe('until May 21, 2026');

    const onward = timelineSlide(eventRecord('2026-04/..'), ORIGIN);
    expect(onward.start_date).toEqual({ year: 2026, month: 4 });
    expect(onward.end_date).toBeUndefined();
    expect(onward.display_date).toBe('April 2026 onward');
  });

  it('escapes the headline and text, and links to the event page', () => {
    const slide = timelineSlide(eventRecord('2026', { slug: 'x-1', title: '<b>Bold</b> & co', summary: 'A "quoted" <script>' }), ORIGIN);
    expect(slide.text.headline).toBe('&lt;b&gt;Bold&lt;/b&gt; &amp; co');
    expect(slide.text.text).toContain('A &quot;quoted&quot; &lt;script&gt;');
    expect(slide.text.text).toContain('<a href="https://timeline.example.org/events/x-1">');
  });
});

describe('intervalStart', () => {
  it('leaves a start alone when it already differs from its end on a field it has', () => {
    expect(intervalStart({ year: 2025, month: 5 }, { year: 2026, month: 5, day: 2 })).toEqual({ year: 2025, month: 5 });
    expect(intervalStart({ year: 2026, month: 4 }, { year: 2026, month: 5, day: 2 })).toEqual({ year: 2026, month: 4 });
    expect(intervalStart({ year: 2026, month: 5, day: 1 }, { year: 2026, month: 5, day: 2 })).toEqual({ year: 2026, month: 5, day: 1 });
  });

  it('pads a year start with an empty month and day when the end is a day in that year', () => {
    expect(intervalStart({ year: 2026 }, { year: 2026, month: 5, day: 2 })).toEqual({ year: 2026, month: '', day: '' });
  });
});

describe('timelineDocument', () => {
  it('has a title slide and one slide per event', () => {
    const document = timelineDocument([eventRecord('2026-05', { slug: 'a' }), eventRecord('2026', { slug: 'b' })], {
      origin: ORIGIN,
      title: 'AI Policy Timeline: Donald Trump',
      viewUrl: `${ORIGIN}/?actor=donald-trump`,
    });
    expect(document.title.text.headline).toBe('AI Policy Timeline: Donald Trump');
    expect(document.title.text.text).toContain('2 events');
    expect(document.title.text.text).toContain('href="https://timeline.example.org/?actor=donald-trump"');
    expect(document.events.map((slide) => slide.unique_id)).toEqual(['a', 'b']);
  });
});
