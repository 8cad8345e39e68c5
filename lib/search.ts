import type { Prisma } from '@/lib/db';

/**
 * Text search that works the same on SQLite and PostgreSQL: each event keeps a
 * derived `searchText` (title, summary, quotes, actor names and aliases,
 * lower-cased, accents removed, words separated by single spaces); a query
 * matches when every term begins a word of it (so "regul" finds "regulation"
 * but "nist" does not find "administration"). Matches are ranked by the
 * database (lib/events.ts scoreSql) by where the terms occur.
 */

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;

/** Lower-case, accents removed ("Déclaration" → "declaration"), whitespace folded. */
export function normalizeText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The words of a text as stored for search: " word word … " with a space on each side, so " term" finds a word start. */
export function searchDocument(parts: string[]): string {
  return ` ${normalizeText(parts.join(' ')).split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')} `;
}

/** What an event's words are drawn from: its own text and the names of its actors. */
export interface SearchSource {
  title: string;
  summary: string;
  quotes: Array<string | null>;
  actorNames: string[];
}

/** The derived search columns of an event, written together whenever any of their sources changes. */
export interface SearchFields {
  searchText: string;
  searchTitle: string;
  searchSummary: string;
}

export function searchFields(source: SearchSource): SearchFields {
  return {
    searchText: searchDocument([source.title, source.summary, ...source.quotes.map((quote) => quote ?? ''), ...source.actorNames]),
    searchTitle: normalizeText(source.title),
    searchSummary: normalizeText(source.summary),
  };
}

/** The condition text for one term: it must start a word. */
export const wordStart = (term: string): string => ` ${term}`;

/** The terms of a query: normalized words of two or more characters, at most eight. */
export function searchTerms(query: string): string[] {
  const words = normalizeText(query.slice(0, MAX_QUERY_LENGTH)).split(/[^\p{L}\p{N}]+/u);
  return [...new Set(words.filter((word) => word.length >= 2))].slice(0, MAX_TERMS);
}

type Tx = Prisma.TransactionClient;

/** Rebuilds the search text of these events from their current fields and links. */
export async function refreshSearchText(tx: Tx, eventIds: string[]): Promise<void> {
  for (const id of new Set(eventIds)) {
    const event = await tx.event.findUnique({
      where: { id },
      select: {
        title: true,
        summary: true,
        citations: { select: { quote: true } },
        actors: { select: { actor: { select: { name: true, aliases: { select: { alias: true } } } } } },
      },
    });
    if (!event) continue;
    const fields = searchFields({
      title: event.title,
      summary: event.summary,
      quotes: event.citations.map((citation) => citation.quote),
      actorNames: event.actors.flatMap((link) => [link.actor.name, ...link.actor.aliases.map((alias) => alias.alias)]),
    });
    await tx.event.update({ where: { id }, data: fields });
  }
}

/** After an actor's name or aliases change, its events' search text follows. */
export async function refreshSearchTextOfActor(tx: Tx, actorId: string): Promise<void> {
  const links = await tx.eventActor.findMany({ where: { actorId }, select: { eventId: true } });
  await refreshSearchText(tx, links.map((link) => link.eventId));
}

export interface TextSegment {
  text: string;
  match: boolean;
}

/**
 * Splits text into plain and matching segments, for rendering matches in
 * <mark>; matching ignores case and accents, and the original text is kept.
 */
export function highlight(text: string, terms: string[]): TextSegment[] {
  if (terms.length === 0 || text === '') return [{ text, match: false }];
  // Normalize character by character so positions in the folded text map back to the original.
  const folded: string[] = [];
  const origin: number[] = [];
  for (let index = 0; index < text.length; index++) {
    const plain = normalizeText(text[index]) || (/\s/.test(text[index]) ? ' ' : '');
    for (const character of plain) {
      folded.push(character);
      origin.push(index);
    }
  }
  const haystack = folded.join('');
  const marked = new Array<boolean>(text.length).fill(false);
  const startsWord = (at: number) => at === 0 || !/[\p{L}\p{N}]/u.test(haystack[at - 1]);
  for (const term of terms) {
    for (let at = haystack.indexOf(term); at !== -1; at = haystack.indexOf(term, at + 1)) {
      if (!startsWord(at)) continue;
      for (let offset = 0; offset < term.length; offset++) marked[origin[at + offset]] = true;
    }
  }
  const segments: TextSegment[] = [];
  for (let index = 0; index < text.length; index++) {
    const last = segments[segments.length - 1];
    if (last && last.match === marked[index]) last.text += text[index];
    else segments.push({ text: text[index], match: marked[index] });
  }
  return segments;
}

/** A window of about `length` characters around the first match, for showing why an event matched. */
export function snippetAround(text: string, terms: string[], length = 220): string | null {
  const folded = ` ${normalizeText(text).replace(/[^\p{L}\p{N}]/gu, ' ')}`;
  // Positions in the padded text are one past the original's, which is close enough for a window.
  const positions = terms.map((term) => folded.indexOf(wordStart(term))).filter((position) => position >= 0);
  if (positions.length === 0) return null;
  // Folding can shorten the text slightly; the window is approximate on purpose.
  const first = Math.min(...positions);
  const start = Math.max(0, first - Math.floor(length / 3));
  const end = Math.min(text.length, start + length);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}
