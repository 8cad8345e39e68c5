import { Feed } from 'feed';
import { withoutUnwritableCharacters } from '@/lib/characters';
import { escapeHtml } from '@/lib/exports/html';
import { absoluteUrl, eventUrl } from '@/lib/exports/site-origin';
import { SITE_TITLE } from '@/lib/exports/view-title';
import { listSourceChanges, type SourceChangeEntry, type SourceChangeKind } from '@/lib/sources-watch/reader';

/** The feed holds the newest changes only. */
export const CHANGES_FEED_SIZE = 100;

const HEADLINES: Record<SourceChangeKind, string> = {
  missing: 'No longer at its address',
  removed: 'Marked removed',
  back: 'Back at its address',
  changed: 'Changed substantially',
  archived: 'Archived copy found',
};

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

function entryContent(change: SourceChangeEntry, origin: string): string {
  const { source } = change;
  const paragraphs = [
    `<strong>${escapeHtml(HEADLINES[change.kind])}</strong> · found ${escapeHtml(day.format(change.at))} (UTC)`,
    `${source.publisher ? `${escapeHtml(source.publisher)}: ` : ''}${escapeHtml(source.title)}`,
  ];
  if (source.url) paragraphs.push(`Address: <a href="${escapeHtml(source.url)}">${escapeHtml(source.url)}</a>`);
  paragraphs.push(`What the check found: ${escapeHtml(change.detail)}`);
  if (source.archiveUrl) paragraphs.push(`<a href="${escapeHtml(source.archiveUrl)}">Archived copy</a>`);
  if (change.citedBy) {
    paragraphs.push(`Cited by <a href="${escapeHtml(eventUrl(origin, change.citedBy.slug))}">${escapeHtml(change.citedBy.title)}</a>`);
  }
  return paragraphs.map((paragraph) => `<p>${paragraph}</p>`).join('');
}

/**
 * /sources/changes.xml: what the source watch found, newest first — sources
 * that went missing, were marked removed, came back, changed or got an archived
 * copy. Everything from the checked pages or the records is escaped: the feed
 * library writes titles and content as HTML.
 */
export function sourceChangesAtom(changes: SourceChangeEntry[], origin: string, now: Date = new Date()): string {
  const selfUrl = absoluteUrl(origin, '/sources/changes.xml');
  const feed = new Feed({
    id: selfUrl,
    title: `${SITE_TITLE}: source changes`,
    description: `Sources that disappeared from their addresses, came back or changed, newest first (at most ${CHANGES_FEED_SIZE}).`,
    link: absoluteUrl(origin, '/'),
    feedLinks: { atom: selfUrl },
    updated: changes[0]?.at ?? now,
    author: { name: SITE_TITLE, link: origin },
    generator: SITE_TITLE,
  });
  for (const change of changes) {
    const link = change.citedBy ? eventUrl(origin, change.citedBy.slug) : (change.source.archiveUrl ?? change.source.url ?? selfUrl);
    feed.addItem({
      id: `${selfUrl}#change-${change.id}`,
      title: escapeHtml(`${HEADLINES[change.kind]}: ${change.source.title}`),
      link,
      date: change.at,
      description: escapeHtml(change.detail),
      content: entryContent(change, origin),
      category: [{ term: change.kind, name: HEADLINES[change.kind] }],
    });
  }
  return withoutUnwritableCharacters(feed.atom1());
}

export async function sourceChangesFeed(origin: string): Promise<string> {
  return sourceChangesAtom(await listSourceChanges(CHANGES_FEED_SIZE), origin);
}
