import { describe, expect, it } from 'vitest';
import { cleanSearch, EMPTY_FILTER, MAX_FILTER_VALUES, parseTimelineQuery, timelineHref } from '@/lib/filters';

describe('parseTimelineQuery', () => {
  it('shows ten notices and counts the rest when a thousand values are ignored', () => {
    const types = Array.from({ length: 1000 }, (_, index) => `bogus-${index}`);
    const { query, notices } = parseTimelineQuery({ type: types });
    expect(query.filter.types).toEqual([]);
    expect(notices).toHaveLength(11);
    expect(notices[0]).toMatch(/^Ignored type "bogus-0": not an event type/);
    expect(notices[9]).toMatch(/^Ignored type "bogus-9": /);
    expect(notices[10]).toBe('…and 990 more ignored values.');
  });

  it('counts ignored values of every parameter together, and keeps the valid ones', () => {
    const { query, notices } = parseTimelineQuery({ type: ['signed', 'nope', 'enacted'], actor: ['Not A Slug', 'nist'], page: 'x'.repeat(5), order: 'sideways' });
    expect(query.filter.types).toEqual(['signed', 'enacted']);
    expect(query.filter.actors).toEqual(['nist']);
    expect(notices).toHaveLength(4);
  });

  it('reads at most a hundred repeated values and still uses the first valid ones', () => {
    const { query, notices } = parseTimelineQuery({ actor: Array.from({ length: 5000 }, (_, index) => `actor-${index}`) });
    expect(query.filter.actors).toHaveLength(MAX_FILTER_VALUES);
    expect(query.filter.actors[0]).toBe('actor-0');
    expect(notices).toEqual([`Only the first ${MAX_FILTER_VALUES} actor filters are used.`, '…and 4,900 more ignored values.']);
  });

  it('drops control characters from a search instead of refusing it', () => {
    expect(parseTimelineQuery({ q: 'export\u0000 controls\u0007' }).query.filter.q).toBe('export controls');
    expect(parseTimelineQuery({ q: '\u0000\u0001' }).query.filter.q).toBeNull();
  });
});

describe('cleanSearch', () => {
  it('drops the empty fields a plain form sends, and the default order', () => {
    expect(cleanSearch({ q: '', actor: ['donald-trump', ''], from: '', to: '', order: 'desc' })).toBe('actor=donald-trump');
    expect(cleanSearch({ q: '', order: 'asc' })).toBe('order=asc');
    expect(cleanSearch({ q: 'nist', order: 'relevance', type: '' })).toBe('q=nist');
    expect(cleanSearch({ order: 'asc' }, '/actors/donald-trump')).toBe('');
  });

  it('leaves a clean query alone, nonsense values included (they get their notice)', () => {
    expect(cleanSearch({})).toBeNull();
    expect(cleanSearch({ actor: 'donald-trump', order: 'sideways' })).toBeNull();
  });
});

describe('the default order', () => {
  it('is newest first on the chronology and oldest first elsewhere, and links leave it out', () => {
    expect(parseTimelineQuery({}, { chronological: 'desc' }).query.order).toBe('desc');
    expect(parseTimelineQuery({}).query.order).toBe('asc');
    expect(timelineHref({ filter: EMPTY_FILTER, order: 'desc' })).toBe('/');
    expect(timelineHref({ filter: EMPTY_FILTER, order: 'asc' })).toBe('/?order=asc');
    expect(timelineHref({ filter: EMPTY_FILTER, order: 'asc' }, '/actors/x')).toBe('/actors/x');
  });

  it('reads a jump to a year or month, and refuses anything else', () => {
    expect(parseTimelineQuery({ at: '2019' }).query.at).toBe('2019');
    expect(parseTimelineQuery({ at: '2019-05' }).query.at).toBe('2019-05');
    const bad = parseTimelineQuery({ at: '2019-13' });
    expect(bad.query.at).toBeNull();
    expect(bad.notices).toEqual(['Ignored at="2019-13": jump to a year or month as YYYY or YYYY-MM.']);
    expect(parseTimelineQuery({ at: '2019', after: 'some-event' }).query.at).toBeNull();
    expect(timelineHref({ filter: EMPTY_FILTER, order: 'desc', at: '2019' })).toBe('/?at=2019');
  });
});
