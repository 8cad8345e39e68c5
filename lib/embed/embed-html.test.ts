import { describe, expect, it } from 'vitest';
import { densityAxis, MAX_MONTH_BARS } from '@/lib/embed/axis';
import { embedCode, embedHref } from '@/lib/embed/embed-code';
import { embedHtml, type EmbedInput } from '@/lib/embed/embed-html';
import type { EventSummary, MonthlyActivity } from '@/lib/events';
import { EMPTY_FILTER } from '@/lib/filters';

const ORIGIN = 'https://timeline.example.org';

const event = (slug: string, date: string, fields: Partial<EventSummary> = {}): EventSummary => ({
  slug,
  title: `Event ${slug}`,
  date,
  type: 'announced',
  jurisdiction: 'US',
  policy: null,
  actors: [],
  sourceCount: 1,
  ...fields,
});

const activity = (months: Array<[string, number]>): MonthlyActivity => ({ months: months.map(([month, count]) => ({ month, count, byType: {} })), yearOnly: 0, openStart: 0 });

function input(fields: Partial<EmbedInput> = {}): EmbedInput {
  return {
    title: 'AI Policy Timeline: Donald Trump',
    page: { events: [event('signing-postponed', '2026-05-21')], total: 1, nextAfter: null, previousBefore: null, nextPage: null, previousPage: null, offset: 0, notices: [] },
    activity: activity([['2026-04', 2], ['2026-05', 1]]),
    origin: ORIGIN,
    fullViewUrl: `${ORIGIN}/?actor=donald-trump`,
    previousHref: null,
    nextHref: null,
    directions: ['Earlier', 'Later'],
    nonce: 'bm9uY2U=',
    ...fields,
  };
}

describe('embedHtml', () => {
  it('is a page without script whose every link out opens in the whole window', () => {
    const html = embedHtml(input({ nextHref: '/embed?actor=donald-trump&after=x' }));
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<style nonce="bm9uY2U=">');
    const anchors = html.match(/<a [^>]*>/g) ?? [];
    for (const anchor of anchors) {
      if (anchor.includes('href="http')) expect(anchor).toContain('target="_top"');
      else expect(anchor).not.toContain('target=');
    }
    expect(html).toContain(`href="${ORIGIN}/events/signing-postponed" target="_top"`);
    expect(html).toContain('href="/embed?actor=donald-trump&amp;after=x" rel="next"');
    expect(html).toContain('<time datetime="2026-05-21">May 21, 2026</time>');
  });

  it('escapes every value', () => {
    const html = embedHtml(input({ title: '<img src=x onerror=alert(1)>', page: { ...input().page, events: [event('x', '2026', { title: '"><script>x</script>', policy: { slug: 'p', title: '<b>p</b>' } })] } }));
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;b&gt;p&lt;/b&gt;');
  });

  it('heads the frame with the view, the site named once above it', () => {
    expect(embedHtml(input())).toContain('target="_top">Donald Trump</a></h1>');
    expect(embedHtml(input({ title: 'AI Policy Timeline' }))).toContain('target="_top">All recorded events</a></h1>');
  });

  it('says when nothing matches', () => {
    expect(embedHtml(input({ page: { ...input().page, events: [], total: 0 } }))).toContain('No events match this view.');
  });
});

describe('densityAxis', () => {
  it('marks the months the listed events start in', () => {
    const axis = densityAxis(activity([['2026-03', 1], ['2026-04', 0], ['2026-05', 4]]), ['2026-05-21', '2026-05-01']);
    expect(axis).toEqual({
      unit: 'month',
      max: 4,
      bars: [
        { key: '2026-03', count: 1, current: false },
        { key: '2026-04', count: 0, current: false },
        { key: '2026-05', count: 4, current: true },
      ],
    });
  });

  it('groups by year once the span is longer than ten years of months', () => {
    const months: Array<[string, number]> = Array.from({ length: MAX_MONTH_BARS + 1 }, (_, index) => [
      `${2010 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`,
      1,
    ]);
    const axis = densityAxis(activity(months), ['2015-06-01'])!;
    expect(axis.unit).toBe('year');
    expect(axis.bars[0]).toEqual({ key: '2010', count: 12, current: false });
    expect(axis.bars.find((bar) => bar.current)?.key).toBe('2015');
  });

  it('has nothing to show without dated months', () => {
    expect(densityAxis(activity([]), [])).toBeNull();
  });
});

describe('the embed snippet', () => {
  it('frames the embed of the same view', () => {
    expect(embedHref({ filter: { ...EMPTY_FILTER, actors: ['donald-trump'] }, order: 'desc' })).toBe('/embed?actor=donald-trump&order=desc');
    const code = embedCode(`${ORIGIN}/embed?actor=a&type=signed`, 'AI Policy Timeline: “A” & <B>');
    expect(code).toBe(
      `<iframe src="${ORIGIN}/embed?actor=a&amp;type=signed" title="AI Policy Timeline: “A” &amp; &lt;B>" width="100%" height="720" style="border:0;max-width:42rem" loading="lazy"></iframe>`,
    );
  });
});
