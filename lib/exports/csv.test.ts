import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, csvRow, escapeFormula, eventsCsv } from '@/lib/exports/csv';
import { eventRecord } from '@/tests/unit/event-record';

const ORIGIN = 'https://timeline.example.org';

const source = (id: string, url: string | null) => ({
  quote: null,
  source: { id, title: id, publisher: null, url, availability: 'live' as const, archiveUrl: null },
});

describe('escapeFormula', () => {
  it('makes a cell that a spreadsheet would run as a formula read as text', () => {
    expect(escapeFormula('=HYPERLINK("http://evil.example","click")')).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(escapeFormula('+1 555 0100')).toBe(`'+1 555 0100`);
    expect(escapeFormula('-2+3')).toBe(`'-2+3`);
    expect(escapeFormula('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`);
    expect(escapeFormula('\t=1+1')).toBe(`'\t=1+1`);
    expect(escapeFormula('\r=1+1')).toBe(`'\r=1+1`);
  });

  it('leaves every other cell alone', () => {
    for (const cell of ['', 'Signing postponed', '../2026-05-21', '2026-05', 'a=b', "It's 100% fine", 'e-mail']) {
      expect(escapeFormula(cell)).toBe(cell);
    }
  });
});

describe('csvRow', () => {
  it('gives the date in EDTF, as read, and as bounds; actors with roles; source URLs', () => {
    const row = csvRow(
      eventRecord('2026-05/2026-05-22', {
        slug: 'nist-announcement-removed',
        title: 'Announcement removed',
        summary: 'The page is gone.',
        type: 'removed',
        topics: [
          { slug: 'evaluations', name: 'Evaluations' },
          { slug: 'frontier-models', name: 'Frontier models' },
        ],
        policy: { slug: 'p', title: 'Pre-release evaluations' },
        actors: [
          { slug: 'commerce', name: 'US Department of Commerce', role: 'issuer' },
          { slug: 'nist', name: 'NIST', role: 'subject' },
        ],
        citations: [source('a', 'https://example.org/a'), source('b', null), source('c', 'http://example.org/c'), source('a', 'https://example.org/a')],
      }),
      ORIGIN,
    );
    expect(row).toEqual({
      slug: 'nist-announcement-removed',
      date: '2026-05/2026-05-22',
      date_display: 'May 2026 – May 22, 2026',
      earliest: '2026-05-01',
      latest: '2026-05-22',
      precision: 'month',
      type: 'removed',
      title: 'Announcement removed',
      summary: 'The page is gone.',
      jurisdiction: 'US',
      policy: 'Pre-release evaluations',
      topics: 'Evaluations; Frontier models',
      actors: 'US Department of Commerce (issuer); NIST (subject)',
      source_titles: 'a; b; c',
      source_urls: 'https://example.org/a http://example.org/c',
      url: 'https://timeline.example.org/events/nist-announcement-removed',
    });
  });

  it('leaves unknown bounds, a missing policy and missing URLs empty', () => {
    const row = csvRow(eventRecord('../2026-05-21', { citations: [source('x', null)] }), ORIGIN);
    expect(row.earliest).toBe('');
    expect(row.latest).toBe('2026-05-21');
    expect(row.policy).toBe('');
    expect(row.source_urls).toBe('');
    expect(row.topics).toBe('');
    expect(row.source_titles).toBe('x');
  });
});

describe('eventsCsv', () => {
  it('parses back to the header and one escaped row per event, with quotes, commas and line breaks intact', () => {
    const csv = eventsCsv(
      [
        eventRecord('2026', { slug: 'one', title: '=cmd|"/c calc"!A1' }),
        eventRecord('2026-05-21', { slug: 'two', title: 'Commas, "quotes"\nand a second line — “curly”' }),
      ],
      ORIGIN,
    );
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows: string[][] = parse(csv, { bom: true });
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(3);
    const title = CSV_COLUMNS.indexOf('title');
    expect(rows[1][title]).toBe(`'=cmd|"/c calc"!A1`);
    expect(rows[2][title]).toBe('Commas, "quotes"\nand a second line — “curly”');
  });
});
