import { formatParsedEdtf, machineReadableDate, parseEdtf } from '@/lib/dates';
import { densityAxis, type Axis } from '@/lib/embed/axis';
import type { EventPage, EventSummary, MonthlyActivity } from '@/lib/events';
import { escapeHtml } from '@/lib/exports/html';
import { SITE_TITLE } from '@/lib/exports/view-title';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

/**
 * The page other sites frame (/embed): one HTML document, written here as
 * text rather than by the app's React pages, so it carries no JavaScript and
 * none of the site's header, navigation or footer — a newsroom's article
 * column holds a list of events, a density strip and links to the full site.
 * Every link out of the frame opens in the reader's whole window
 * (target="_top"); paging stays in the frame. Every value is escaped.
 */

export interface EmbedInput {
  /** The view's title (lib/exports/view-title.ts). */
  title: string;
  page: EventPage;
  activity: MonthlyActivity | null;
  origin: string;
  /** The same view on the full site, absolute. */
  fullViewUrl: string;
  /** The embed's own neighbouring pages, relative to the frame. */
  previousHref: string | null;
  nextHref: string | null;
  /** "earlier" / "later" as the order reads. */
  directions: [string, string];
  nonce: string;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;

function dateHtml(date: string): string {
  const parsed = parseEdtf(date);
  if (!parsed.ok) return escapeHtml(date);
  return `<time datetime="${escapeHtml(machineReadableDate(parsed.date))}">${escapeHtml(formatParsedEdtf(parsed.date))}</time>`;
}

function eventHtml(event: EventSummary, origin: string): string {
  const href = `${origin}/events/${encodeURIComponent(event.slug)}`;
  return `<li class="event"><p class="meta">${dateHtml(event.date)} · ${escapeHtml(EVENT_TYPE_LABELS[event.type])} · ${escapeHtml(event.jurisdiction)}</p>
<a class="title" href="${escapeHtml(href)}" target="_top">${escapeHtml(event.title)}</a>${
    event.policy ? `<p class="policy">${escapeHtml(event.policy.title)}</p>` : ''
  }</li>`;
}

const barLabel = (axis: Axis, key: string) => {
  if (axis.unit === 'year') return key;
  const [year, month] = key.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, 1)).toLocaleDateString('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' });
};

/** The strip as an SVG of bars (no script, no style attributes), described in words for screen readers. */
function axisHtml(axis: Axis | null): string {
  if (!axis) return '';
  const height = 32;
  const bars = axis.bars
    .map((bar, index) => {
      const barHeight = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / axis.max) * height));
      return `<rect class="${bar.current ? 'bar bar--current' : 'bar'}" x="${index}" y="${height - barHeight}" width="0.8" height="${barHeight}"><title>${escapeHtml(barLabel(axis, bar.key))}: ${plural(bar.count, 'event')}</title></rect>`;
    })
    .join('');
  const first = barLabel(axis, axis.bars[0].key);
  const last = barLabel(axis, axis.bars[axis.bars.length - 1].key);
  const current = axis.bars.filter((bar) => bar.current);
  const shown = current.length
    ? ` The events listed below start ${current.length === 1 ? `in ${barLabel(axis, current[0].key)}` : `between ${barLabel(axis, current[0].key)} and ${barLabel(axis, current[current.length - 1].key)}`} (dark bars).`
    : '';
  return `<figure class="axis"><svg viewBox="0 0 ${axis.bars.length} ${height}" preserveAspectRatio="none" aria-hidden="true" focusable="false">${bars}</svg>
<figcaption><span>${escapeHtml(first)}</span><span class="axis-note">Events per ${axis.unit}.${escapeHtml(shown)}</span><span>${escapeHtml(last)}</span></figcaption></figure>`;
}

export const EMBED_CSS = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d6dbe1; --accent: #1d3a5f; --link: #0b5cad; --bar: #8a939d; --focus: #ffbf47; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 15px; line-height: 1.45; color: var(--ink); background: #fff; }
body { margin: 0; }
main { max-width: 42rem; margin: 0 auto; padding: 0.75rem; border: 1px solid var(--line); border-radius: 6px; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.site { margin: 0; font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; }
.site a { color: var(--accent); font-weight: 700; text-decoration: none; }
h1 { font-size: 1.15rem; line-height: 1.25; margin: 0.15rem 0 0.1rem; }
h1 a { color: var(--ink); }
.count { margin: 0; color: var(--muted); font-size: 0.9rem; }
.axis { margin: 0.6rem 0 0.4rem; }
.axis svg { display: block; width: 100%; height: 2.25rem; border-bottom: 1px solid var(--muted); }
.bar { fill: var(--bar); }
.bar--current { fill: var(--accent); }
.axis figcaption { display: flex; justify-content: space-between; gap: 0.5rem; font-size: 0.8rem; color: var(--muted); }
.axis-note { text-align: center; }
.events { list-style: none; margin: 0; padding: 0; }
.event { border-left: 3px solid var(--line); padding: 0.2rem 0 0.2rem 0.6rem; margin: 0 0 0.55rem; }
.meta, .policy { margin: 0; font-size: 0.85rem; color: var(--muted); }
.meta time { font-weight: 600; color: var(--ink); }
.title { font-weight: 600; overflow-wrap: anywhere; }
.pages { display: flex; justify-content: space-between; gap: 1rem; margin: 0.5rem 0; font-size: 0.9rem; }
.more { margin: 0.5rem 0 0; padding-top: 0.5rem; border-top: 1px solid var(--line); font-size: 0.9rem; }
.empty { color: var(--muted); }
`;

export function embedHtml(input: EmbedInput): string {
  const { page } = input;
  const axis = input.activity ? densityAxis(input.activity, page.events.map((event) => sortStart(event.date))) : null;
  const events = page.events.length
    ? `<ol class="events">${page.events.map((event) => eventHtml(event, input.origin)).join('\n')}</ol>`
    : '<p class="empty">No events match this view.</p>';
  const pages =
    input.previousHref || input.nextHref
      ? `<nav class="pages" aria-label="Pages">${input.previousHref ? `<a href="${escapeHtml(input.previousHref)}" rel="prev">← ${escapeHtml(input.directions[0])}</a>` : '<span></span>'}${
          input.nextHref ? `<a href="${escapeHtml(input.nextHref)}" rel="next">${escapeHtml(input.directions[1])} →</a>` : ''
        }</nav>`
      : '';
  const title = escapeHtml(input.title);
  // The site's name is already the frame's first line: the heading names only the view.
  const heading = escapeHtml(input.title === SITE_TITLE ? 'All recorded events' : input.title.replace(`${SITE_TITLE}: `, ''));
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><meta name="robots" content="noindex"><link rel="canonical" href="${escapeHtml(input.fullViewUrl)}">
<style nonce="${escapeHtml(input.nonce)}">${EMBED_CSS}</style></head>
<body><main>
<p class="site"><a href="${escapeHtml(`${input.origin}/`)}" target="_top">${escapeHtml(SITE_TITLE)}</a></p>
<h1><a href="${escapeHtml(input.fullViewUrl)}" target="_top">${heading}</a></h1>
<p class="count">${plural(page.total, 'event')}, each dated as precisely as it is known.</p>
${axisHtml(axis)}
${events}
${pages}
<p class="more"><a href="${escapeHtml(input.fullViewUrl)}" target="_top">Open the full timeline, with filters and every event's sources →</a></p>
</main></body></html>
`;
}

/** The first day an event's date may start on (its sort key), as YYYY-MM-DD. */
function sortStart(date: string): string {
  const parsed = parseEdtf(date);
  return parsed.ok ? parsed.date.sortKey : '';
}
