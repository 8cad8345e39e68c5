import type { FetchedPage } from '@/lib/sources-watch/fetch-page';
import { changedSubstantially, mainText, textFingerprint } from '@/lib/sources-watch/fingerprint';

export const CHECK_OUTCOMES = ['reachable', 'gone', 'failing', 'changed'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

export interface Finding {
  outcome: CheckOutcome;
  /** What was found, in words, for the evidence table. */
  detail: string;
  fingerprint: string | null;
}

/** A page's address with what does not make it another page left out: scheme, "www.", a trailing slash, an index file, the fragment. */
function pageKey(address: string): { host: string; path: string; query: string } {
  const url = new URL(address);
  const path = url.pathname.replace(/\/(index|default)\.(html?|php|aspx?)$/i, '/').replace(/\/+$/, '');
  const query = [...url.searchParams].sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) => `${key}=${value}`).join('&');
  return { host: url.hostname.toLowerCase().replace(/^www\./, ''), path, query };
}

export function samePage(a: string, b: string): boolean {
  const [left, right] = [pageKey(a), pageKey(b)];
  return left.host === right.host && left.path === right.path && left.query === right.query;
}

const ERROR_PAGE = /(^|\/)(404|not[-_]?found|page[-_]?not[-_]?found|error)(\.[a-z]+)?(\/|$)/i;

/**
 * A "soft 404": the address now redirects to a page that is not it — the site's
 * home page, an error page, or a section the page used to sit in. A redirect
 * to another specific page is a move, not a disappearance.
 */
export function redirectLosesPage(original: string, final: string): string | null {
  const [from, to] = [pageKey(original), pageKey(final)];
  if (to.path === '' && (from.path !== '' || from.host !== to.host)) return "redirected to the site's home page";
  if (ERROR_PAGE.test(to.path)) return 'redirected to an error page';
  if (from.host === to.host && to.path !== '' && from.path.startsWith(`${to.path}/`)) return 'redirected to a section page instead';
  return null;
}

const STATUS_WORDS: Record<number, string> = { 404: 'Not Found', 410: 'Gone', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' };
const statusText = (status: number) => `HTTP ${status}${STATUS_WORDS[status] ? ` ${STATUS_WORDS[status]}` : ''}`;

const isHtml = (contentType: string | null) => contentType === null || /html|xml/i.test(contentType);

/**
 * What one fetch means. `previous` is what the watch knew: the fingerprint
 * "changed" compares with, and a redirect target an editor accepted as the same page.
 */
export function classifyFetch(page: FetchedPage, previous: { fingerprint: string | null; acceptedFinalUrl: string | null }): Finding {
  if (page.failure) return { outcome: 'failing', detail: page.failure.message, fingerprint: null };
  const status = page.status ?? 0;
  if (status === 404 || status === 410) return { outcome: 'gone', detail: statusText(status), fingerprint: null };
  if (status < 200 || status >= 300) return { outcome: 'failing', detail: statusText(status), fingerprint: null };
  const original = page.hops[0];
  const final = page.finalUrl ?? original;
  const redirected = !samePage(original, final);
  if (redirected && final !== previous.acceptedFinalUrl) {
    const lost = redirectLosesPage(original, final);
    if (lost) return { outcome: 'gone', detail: `${lost} (${final})`, fingerprint: null };
  }
  const fingerprint = page.body !== null && isHtml(page.contentType) ? textFingerprint(mainText(page.body)) : null;
  const where = redirected ? `, now at ${final}` : '';
  const cut = page.truncated ? '; only the first part of the page was read' : '';
  if (fingerprint && previous.fingerprint && changedSubstantially(previous.fingerprint, fingerprint)) {
    return { outcome: 'changed', detail: `${statusText(status)}${where}; the main text differs substantially from the last check${cut}`, fingerprint };
  }
  return { outcome: 'reachable', detail: `${statusText(status).replace(/^HTTP 200$/, 'HTTP 200 OK')}${where}${cut}`, fingerprint };
}
