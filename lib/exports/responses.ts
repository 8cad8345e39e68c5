/**
 * Responses of the feeds and exports. They are public and read-only, so any
 * site may fetch them (a TimelineJS embed elsewhere loads its JSON from here);
 * no credentials are involved. Ignored parameters are reported, never an error.
 */

export const NOTICES_HEADER = 'X-Timeline-Notices';
const MAX_HEADER_NOTICES = 10;

/**
 * Notices as a JSON array fit for an HTTP header: header values must be
 * Latin-1 without line breaks, and notices quote what the visitor typed, so
 * every character beyond ASCII is written as a JSON \u escape.
 */
export function noticesHeaderValue(notices: string[]): string {
  const shown = notices.length > MAX_HEADER_NOTICES
    ? [...notices.slice(0, MAX_HEADER_NOTICES), `…and ${notices.length - MAX_HEADER_NOTICES} more.`]
    : notices;
  return JSON.stringify(shown).replace(/[^\x20-\x7e]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface DataOut {
  /** The whole text, or a stream of it (the exports of every matching event, see body-stream.ts). */
  body: string | ReadableStream<Uint8Array>;
  /** Known before the first event is read, so they travel in a header even when the body streams. */
  notices: string[];
}

export function dataResponse(
  { body, notices }: DataOut,
  contentType: string,
  options: { fileName?: string } = {},
): Response {
  const headers = new Headers({
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Expose-Headers': NOTICES_HEADER,
    'X-Content-Type-Options': 'nosniff',
  });
  if (options.fileName) headers.set('Content-Disposition', `attachment; filename="${options.fileName}"`);
  if (notices.length > 0) headers.set(NOTICES_HEADER, noticesHeaderValue(notices));
  return new Response(body, { headers });
}

/** A JSON body with its notices inside it (and in the header, like every format). */
export function jsonResponse(value: { notices: string[] }): Response {
  return dataResponse({ body: JSON.stringify(value), notices: value.notices }, 'application/json; charset=utf-8');
}
