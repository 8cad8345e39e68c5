import slugifyText from '@sindresorhus/slugify';

export const MAX_SLUG_LENGTH = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A URL-safe slug from any text: transliterated, lower-case, hyphenated, at most 80 characters. */
export function slugify(text: string): string {
  const slug = slugifyText(text, { decamelize: false });
  if (slug.length <= MAX_SLUG_LENGTH) return slug;
  const cut = slug.slice(0, MAX_SLUG_LENGTH);
  // Cut at the last whole word, unless the cut already falls between two words.
  if (slug.charAt(MAX_SLUG_LENGTH) === '-') return cut;
  return cut.replace(/-[^-]*$/, '') || cut;
}

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}
