import { formatParsedEdtf, machineReadableDate, parseEdtf } from '@/lib/dates';

/** A date at its own precision ("May 2026", "c. 2026"), with the EDTF string for machines and on hover. */
export function EventDate({ date, className = 'event-date' }: { date: string; className?: string }) {
  const parsed = parseEdtf(date);
  if (!parsed.ok) return <span className={className}>{date}</span>;
  return (
    <time className={className} dateTime={machineReadableDate(parsed.date)} title={`EDTF: ${date}`}>
      {formatParsedEdtf(parsed.date)}
    </time>
  );
}
