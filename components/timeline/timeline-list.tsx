import { EventCard } from '@/components/timeline/event-card';
import { groupingMonth, parseEdtf } from '@/lib/dates';
import type { EventSummary } from '@/lib/events';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

interface MonthGroup {
  key: string;
  month: number | null;
  events: EventSummary[];
}
interface YearGroup {
  year: number | null;
  months: MonthGroup[];
}

/** Consecutive events sharing a year, then a month, form a group; events dated only to a year get their own group. */
export function groupByYearAndMonth(events: EventSummary[]): YearGroup[] {
  const years: YearGroup[] = [];
  for (const event of events) {
    const parsed = parseEdtf(event.date);
    const when = parsed.ok ? groupingMonth(parsed.date) : null;
    const year = when?.year ?? null;
    const month = when?.month ?? null;
    let yearGroup = years[years.length - 1];
    if (!yearGroup || yearGroup.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months[yearGroup.months.length - 1];
    if (!monthGroup || monthGroup.month !== month) {
      monthGroup = { key: `${year}-${month}-${yearGroup.months.length}`, month, events: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.events.push(event);
  }
  return years;
}

/** The chronology, grouped by year and month; `headingLevel` is the level of the year headings. */
export function TimelineList({ events, headingLevel = 3, terms = [] }: { events: EventSummary[]; headingLevel?: 2 | 3; terms?: string[] }) {
  const YearHeading = `h${headingLevel}` as const;
  const MonthHeading = `h${headingLevel + 1}` as 'h3' | 'h4';
  const cardLevel = (headingLevel + 2) as 4 | 5;
  return (
    <div className="timeline" data-testid="timeline">
      {groupByYearAndMonth(events).map((yearGroup, yearIndex) => (
        <section key={`${yearGroup.year}-${yearIndex}`} aria-label={yearGroup.year === null ? 'Date unknown' : String(yearGroup.year)}>
          <YearHeading className="timeline-year">{yearGroup.year ?? 'Date unknown'}</YearHeading>
          {yearGroup.months.map((monthGroup) => (
            <div key={monthGroup.key}>
              <MonthHeading className="timeline-month">
                {monthGroup.month === null ? `Month not known` : `${MONTHS[monthGroup.month - 1]} ${yearGroup.year}`}
              </MonthHeading>
              <ol className="timeline-events">
                {monthGroup.events.map((event) => (
                  <EventCard key={event.slug} event={event} headingLevel={cardLevel} terms={terms} />
                ))}
              </ol>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
