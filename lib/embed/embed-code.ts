import { timelineHref, type EventFilter, type Order } from '@/lib/filters';

export const EMBED_PATH = '/embed';

/** The embed of a view: the same filter parameters as `/` (lib/filters.ts), so any view's URL works. */
export function embedHref(view: { filter: EventFilter; order: Order }): string {
  return timelineHref(view, EMBED_PATH);
}

/** The iframe's height in the snippet, in CSS pixels: the strip and a page of embed events (EMBED_PAGE_SIZE, six) of two or three lines each. */
export const EMBED_HEIGHT = 720;

/** The iframe code a newsroom pastes into a story: the embed of a view, as wide as the column allows. */
export function embedCode(src: string, title: string): string {
  const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${attribute(src)}" title="${attribute(title)}" width="100%" height="${EMBED_HEIGHT}" style="border:0;max-width:42rem" loading="lazy"></iframe>`;
}
