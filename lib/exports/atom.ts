import { Feed } from 'feed';
import { withoutUnwritableCharacters } from '@/lib/characters';
import { displayDate } from '@/lib/exports/date-display';
import type { EventRecord } from '@/lib/exports/event-records';
import { escapeHtml } from '@/lib/exports/html';
import { eventUrl } from '@/lib/exports/site-origin';
import { SITE_TITLE } from '@/lib/exports/view-title';
import { ACTOR_ROLE_LABELS, EVENT_TYPE_LABELS } from '@/lib/vocabulary';

/** A feed holds the newest events only; the CSV and calendar hold them all. */
export const FEED_SIZE = 100;

export interface AtomOptions {
  origin: string;
  title: string;
  /** This feed's own URL, with its filter: the feed's id and rel="self" link. */
  selfUrl: string;
  /** The same view on the site. */
  viewUrl: string;
  /** When the feed is read; its `updated` when it has no entries. */
  now?: Date;
}

/** An entry's content: the date at its own precision first, then what happened, who acted, and where it belongs. */
export function entryContent(event: EventRecord, url: string): string {
  const paragraphs = [
    `<strong>${escapeHtml(displayDate(event.date))}</strong> · ${escapeHtml(EVENT_TYPE_LABELS[event.type])} · ${escapeHtml(event.jurisdiction)}`,
    escapeHtml(event.summary),
  ];
  if (event.actors.length > 0) {
    const actors = event.actors.map((actor) => `${escapeHtml(actor.name)} (${ACTOR_ROLE_LABELS[actor.role].toLowerCase()})`);
    paragraphs.push(`Actors: ${actors.join(', ')}`);
  }
  if (event.policy) paragraphs.push(`Policy: ${escapeHtml(event.policy.title)}`);
  const sources = `${event.citations.length} ${event.citations.length === 1 ? 'source' : 'sources'}`;
  paragraphs.push(`<a href="${escapeHtml(url)}">The event and its ${sources}</a>`);
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('');
}

/**
 * When an entry was "published" for a feed reader, which dates and sorts items
 * by it: the first day the event may have happened (its sort key — the known
 * end of an interval open at the start), at 00:00 UTC so that no time zone
 * moves it to another calendar day. Atom needs a full date-time; the title
 * carries the date at its real precision.
 */
export function publishedOn(event: Pick<EventRecord, 'date'>): Date {
  return new Date(`${event.date.sortKey}T00:00:00Z`);
}

/** "May 2026: Signing postponed" — a reader's list of entries shows when each happened. */
export function entryTitle(event: Pick<EventRecord, 'date' | 'title'>): string {
  return `${displayDate(event.date)}: ${event.title}`;
}

/**
 * An Atom feed of events, in the order given (newest first). Titles, summaries
 * and content are HTML in this feed library's output, so every value is escaped.
 * An entry's `published` is when the event happened (publishedOn) and its
 * `updated` when it was last edited, so a correction reaches subscribers
 * without redating the item.
 */
export function eventsAtom(events: EventRecord[], options: AtomOptions): string {
  const lastEdit = events.reduce<Date | null>((latest, event) => (!latest || event.updatedAt > latest ? event.updatedAt : latest), null);
  const feed = new Feed({
    id: options.selfUrl,
    title: options.title,
    description: `Newest events first (by the date they happened), at most ${FEED_SIZE}.`,
    link: options.viewUrl,
    feedLinks: { atom: options.selfUrl },
    updated: lastEdit ?? options.now ?? new Date(),
    author: { name: SITE_TITLE, link: options.origin },
    generator: SITE_TITLE,
  });
  for (const event of events) {
    const url = eventUrl(options.origin, event.slug);
    feed.addItem({
      id: url,
      title: escapeHtml(entryTitle(event)),
      link: url,
      date: event.updatedAt,
      published: publishedOn(event),
      description: escapeHtml(event.summary),
      content: entryContent(event, url),
      category: [{ term: event.type, name: EVENT_TYPE_LABELS[event.type] }],
    });
  }
  return withoutUnwritableCharacters(feed.atom1());
}
