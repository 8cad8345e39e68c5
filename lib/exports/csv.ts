import { stringify } from 'csv-stringify/sync';
import { displayDate } from '@/lib/exports/date-display';
import type { CsvEvent } from '@/lib/exports/event-records';
import { dateBounds } from '@/lib/exports/event-json';
import { eventUrl } from '@/lib/exports/site-origin';

/** One row per event; the column names are the contract of /events.csv. */
export const CSV_COLUMNS = [
  'slug',
  'date',
  'date_display',
  'earliest',
  'latest',
  'precision',
  'type',
  'title',
  'summary',
  'jurisdiction',
  'policy',
  'topics',
  'actors',
  'source_titles',
  'source_urls',
  'url',
] as const;

export type CsvRow = Record<(typeof CSV_COLUMNS)[number], string>;

/**
 * Spreadsheets run a cell that starts with =, + , - or @ as a formula (a tab or
 * carriage return in front can smuggle one in too), so a title such as
 * `=HYPERLINK("http://evil.example", "click")` could act on the reader's
 * machine — "CSV injection". Such cells get a leading apostrophe, which
 * spreadsheets read as "this is text"; every cell goes through here.
 */
export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvRow(event: CsvEvent, origin: string): CsvRow {
  const { earliest, latest } = dateBounds(event.date);
  const sourceUrls = event.citations.flatMap((citation) => (citation.source.url ? [citation.source.url] : []));
  // A source cited twice (two quotes from one article) is listed once, like its address.
  const sourceTitles = [...new Set(event.citations.map((citation) => citation.source.title))];
  return {
    slug: event.slug,
    date: event.date.edtf,
    date_display: displayDate(event.date),
    earliest: earliest ?? '',
    latest: latest ?? '',
    precision: event.date.precision,
    type: event.type,
    title: event.title,
    summary: event.summary,
    jurisdiction: event.jurisdiction,
    policy: event.policy?.title ?? '',
    topics: event.topics.map((topic) => topic.name).join('; '),
    actors: event.actors.map((actor) => `${actor.name} (${actor.role})`).join('; '),
    source_titles: sourceTitles.join('; '),
    source_urls: [...new Set(sourceUrls)].join(' '),
    url: eventUrl(origin, event.slug),
  };
}

const csvCells = (event: CsvEvent, origin: string) => {
  const row = csvRow(event, origin);
  return CSV_COLUMNS.map((column) => escapeFormula(row[column]));
};

/**
 * The CSV file: a header row, then one row per event (RFC 4180, CRLF line
 * ends). It starts with a UTF-8 byte-order mark, without which Excel reads the
 * file in the local code page and garbles every accent and curly quote.
 */
export function eventsCsv(events: CsvEvent[], origin: string): string {
  return stringify([[...CSV_COLUMNS], ...events.map((event) => csvCells(event, origin))], { bom: true, record_delimiter: 'windows' });
}

/**
 * The same file in pieces, for a stream: the byte-order mark and header row,
 * then the rows of each batch. Every record ends in CRLF and is quoted on its
 * own, so the pieces join into exactly what eventsCsv writes.
 */
export async function* eventsCsvPieces(batches: AsyncIterable<CsvEvent[]>, origin: string): AsyncGenerator<string, void, undefined> {
  yield stringify([[...CSV_COLUMNS]], { bom: true, record_delimiter: 'windows' });
  for await (const events of batches) {
    yield stringify(events.map((event) => csvCells(event, origin)), { record_delimiter: 'windows' });
  }
}
