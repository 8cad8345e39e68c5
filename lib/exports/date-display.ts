import { formatParsedEdtf, type ParsedEdtf } from '@/lib/dates';

const displays = new WeakMap<ParsedEdtf, string>();

/**
 * formatParsedEdtf, remembered per parsed date. event-records.ts hands the
 * events of one EDTF string the same parsed date, and formatting it (date-fns)
 * costs more than writing the rest of a CSV row, so an export of many events
 * formats each distinct date once. Held weakly: it goes with the parsed date.
 */
export function displayDate(date: ParsedEdtf): string {
  let display = displays.get(date);
  if (display === undefined) {
    display = formatParsedEdtf(date);
    displays.set(date, display);
  }
  return display;
}
