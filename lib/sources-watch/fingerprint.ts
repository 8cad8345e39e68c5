import { createHash } from 'node:crypto';
import { convert } from 'html-to-text';

/** The HTML parsed for the main text, and the words fingerprinted: an article fits many times over. */
export const MAX_HTML_CHARACTERS = 1_000_000;
export const MAX_WORDS = 20_000;

/**
 * The main text of a page, as plain words: what "changed" compares. Navigation,
 * headers, footers, scripts, forms and images are left out; the article or
 * main element is preferred to the whole body, so a new menu item or a
 * rotating banner does not count as the source changing.
 */
export function mainText(html: string): string {
  // Parsing runs on the check's one thread, beside other checks' timers: bounded, like the body read.
  return convert(html.slice(0, MAX_HTML_CHARACTERS), {
    wordwrap: false,
    baseElements: { selectors: ['article', 'main', '[role=main]', 'body'], orderBy: 'selectors', returnDomByDefault: true },
    selectors: [
      ...['nav', 'header', 'footer', 'aside', 'script', 'style', 'noscript', 'form', 'svg', 'iframe', 'button', 'img'].map((selector) => ({
        selector,
        format: 'skip',
      })),
      { selector: 'a', options: { ignoreHref: true } },
    ],
  })
    .replace(/\s+/g, ' ')
    .trim();
}

const words = (text: string) => (text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);

/**
 * A 64-bit SimHash of the text's three-word shingles, as 16 hex digits: near
 * texts get near fingerprints (a corrected typo moves a few bits, a different
 * page about half of them), so only the fingerprint needs keeping. An empty
 * text has no fingerprint.
 */
export function textFingerprint(text: string): string | null {
  const tokens = words(text);
  if (tokens.length === 0) return null;
  const shingles = tokens.length < 3 ? [tokens.join(' ')] : tokens.slice(0, -2).map((_, index) => tokens.slice(index, index + 3).join(' '));
  const weights = new Array<number>(64).fill(0);
  for (const shingle of shingles) {
    const hash = createHash('sha256').update(shingle).digest();
    for (let bit = 0; bit < 64; bit++) weights[bit] += (hash[bit >> 3] >> (bit & 7)) & 1 ? 1 : -1;
  }
  let value = 0n;
  for (let bit = 0; bit < 64; bit++) if (weights[bit] > 0) value |= 1n << BigInt(bit);
  return value.toString(16).padStart(16, '0');
}

/** How many of the 64 bits differ. */
export function fingerprintDistance(a: string, b: string): number {
  let diff = BigInt(`0x${a}`) ^ BigInt(`0x${b}`);
  let count = 0;
  while (diff) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

/**
 * More bits than this differ: the main text changed substantially. Measured on
 * the fixture texts (a 110-word article): one edited phrase moves 4 bits, one
 * of four paragraphs dropped 14, an unrelated text 35.
 */
export const SUBSTANTIAL_CHANGE_BITS = 12;

export const changedSubstantially = (previous: string, next: string) => fingerprintDistance(previous, next) > SUBSTANTIAL_CHANGE_BITS;
