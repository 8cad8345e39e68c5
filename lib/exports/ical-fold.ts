/**
 * iCalendar line folding exactly as ical-generator's foldLines writes it: a
 * line longer than 74 UTF-8 bytes is broken before the character that would
 * pass 74, and each continuation starts with CRLF and a space. The library
 * measures every character with a new TextEncoder, which costs more than
 * writing the rest of a calendar (a minute for 100,000 events), so the same
 * rule is applied here with byte lengths worked out from the code units.
 * ical-fold.test.ts checks it against the library's own foldLines.
 */

const LINE_BYTES = 74;
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/** UTF-8 bytes of one code unit that is not a high surrogate (a lone low surrogate is written as U+FFFD). */
const unitBytes = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : 3);
const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function foldLine(line: string): string {
  if (line.length <= LINE_BYTES / 3 || (ASCII_ONLY.test(line) && line.length <= LINE_BYTES)) return line;
  if (ASCII_ONLY.test(line)) {
    const parts: string[] = [];
    for (let start = 0; start < line.length; start += LINE_BYTES) parts.push(line.slice(start, start + LINE_BYTES));
    return parts.join('\r\n ');
  }
  let folded = '';
  let lineBytes = 0;
  let index = 0;
  while (index < line.length) {
    const start = index;
    const code = line.charCodeAt(index++);
    let bytes: number;
    if (isHighSurrogate(code)) {
      // Like the library, a high surrogate takes the next code unit with it, whatever it is.
      const next = index < line.length ? line.charCodeAt(index++) : null;
      if (next === null) bytes = 3;
      else if (isLowSurrogate(next)) bytes = 4;
      else bytes = 3 + (isHighSurrogate(next) ? 3 : unitBytes(next));
    } else {
      bytes = unitBytes(code);
    }
    lineBytes += bytes;
    if (lineBytes > LINE_BYTES) {
      folded += '\r\n ';
      lineBytes = bytes;
    }
    folded += line.slice(start, index);
  }
  return folded;
}

/** Folds every CRLF-separated line of `text`. */
export function foldIcalLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}
