import { describe, expect, it } from 'vitest';
import { isSlug, MAX_SLUG_LENGTH, SLUG_PATTERN, slugify } from '@/lib/slugs';

describe('slugify', () => {
  it.each([
    ['Signing postponed', 'signing-postponed'],
    ['Hello, World!', 'hello-world'],
    ['EU AI Act (2024/1689)', 'eu-ai-act-2024-1689'],
    ['AI-policy—timeline', 'ai-policy-timeline'],
    ['NIST', 'nist'],
    ['FooBar', 'foobar'],
  ])('turns %j into %j', (text, slug) => {
    expect(slugify(text)).toBe(slug);
  });

  it('drops straight and curly apostrophes instead of splitting the word', () => {
    expect(slugify("Trump's order")).toBe('trumps-order');
    expect(slugify('Trump’s order')).toBe('trumps-order');
    expect(slugify('I didn’t like certain aspects')).toBe('i-didnt-like-certain-aspects');
  });

  it('spells out & as "and"', () => {
    expect(slugify('R&D funding')).toBe('r-and-d-funding');
    expect(slugify('1st & 2nd')).toBe('1st-and-2nd');
  });

  it('transliterates accents, umlauts and other Latin letters', () => {
    expect(slugify('Crème brûlée à la mode')).toBe('creme-brulee-a-la-mode');
    expect(slugify('naïve façade')).toBe('naive-facade');
    expect(slugify('Über Café Straße')).toBe('ueber-cafe-strasse');
    expect(slugify('ÆØÅ æøå')).toBe('aeoa-aeoa');
  });

  it('collapses repeated separators and trims them from both ends', () => {
    expect(slugify('a -- b   c__d')).toBe('a-b-c-d');
    expect(slugify('  --leading and trailing--  ')).toBe('leading-and-trailing');
    expect(slugify('one...two///three')).toBe('one-two-three');
  });

  it('gives an empty slug for text with nothing to keep', () => {
    expect(slugify('')).toBe('');
    expect(slugify('!!!')).toBe('');
  });

  it('always produces a valid slug for ordinary titles', () => {
    for (const title of [
      'Trump postpones AI executive order signing: ‘I didn’t like certain aspects’',
      'NIST announces unreleased-model sharing',
      'Why Trump’s AI executive order was pulled',
      'Über Café Straße & Co.',
    ]) {
      const slug = slugify(title);
      expect(isSlug(slug), slug).toBe(true);
    }
  });

  it('leaves a slug of exactly the maximum length alone', () => {
    const text = 'a'.repeat(MAX_SLUG_LENGTH - 10) + ' ' + 'b'.repeat(9);
    const slug = slugify(text);
    expect(slug).toHaveLength(MAX_SLUG_LENGTH);
    expect(slug).toBe('a'.repeat(MAX_SLUG_LENGTH - 10) + '-' + 'b'.repeat(9));
  });

  it('caps a long slug at 80 characters, cutting at a word boundary', () => {
    const slug = slugify('policy '.repeat(10) + 'timeline '.repeat(3));
    // "policy-" × 10 plus "timeline" is 78 characters; the next word would pass 80.
    expect(slug).toBe('policy-'.repeat(10) + 'timeline');
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(isSlug(slug)).toBe(true);
  });

  it('does not leave a word cut in half, nor a trailing hyphen', () => {
    const slug = slugify('a'.repeat(79) + ' bcd');
    expect(slug).toBe('a'.repeat(79));
    for (let words = 10; words < 30; words += 1) {
      const capped = slugify('word '.repeat(words) + 'extraordinarily long ending');
      expect(capped.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      expect(capped.endsWith('-')).toBe(false);
      expect(capped.split('-').every((part) => ['word', 'extraordinarily', 'long', 'ending'].includes(part)), capped).toBe(true);
    }
  });

  it('keeps the last whole word when the cut falls exactly at a word boundary', () => {
    // "a"×39 + "-" + "b"×40 is exactly 80 characters and ends with a complete word.
    const slug = slugify('a'.repeat(39) + ' ' + 'b'.repeat(40) + ' c');
    expect(slug).toBe('a'.repeat(39) + '-' + 'b'.repeat(40));
  });

  it('hard-cuts a single word longer than the cap rather than returning nothing', () => {
    expect(slugify('x'.repeat(100))).toBe('x'.repeat(MAX_SLUG_LENGTH));
    expect(slugify('a'.repeat(81) + ' b')).toBe('a'.repeat(MAX_SLUG_LENGTH));
  });
});

describe('isSlug', () => {
  it.each(['signing-postponed', 'nist', 'a', '2026', 'eu-ai-act-2024-1689', 'a'.repeat(MAX_SLUG_LENGTH)])(
    'accepts %j',
    (value) => {
      expect(isSlug(value)).toBe(true);
    },
  );

  it.each([
    ['', 'empty'],
    ['Signing-Postponed', 'upper case'],
    ['signing postponed', 'a space'],
    ['signing--postponed', 'a double hyphen'],
    ['-signing', 'a leading hyphen'],
    ['signing-', 'a trailing hyphen'],
    ['signing_postponed', 'an underscore'],
    ['café', 'an accent'],
    ['a/b', 'a slash'],
    ['a.b', 'a dot'],
    [' nist', 'surrounding whitespace'],
    ['a'.repeat(MAX_SLUG_LENGTH + 1), 'more than 80 characters'],
  ])('rejects %j (%s)', (value) => {
    expect(isSlug(value)).toBe(false);
  });

  it('SLUG_PATTERN and the length cap agree with isSlug', () => {
    expect(MAX_SLUG_LENGTH).toBe(80);
    expect(SLUG_PATTERN.test('a'.repeat(MAX_SLUG_LENGTH + 1))).toBe(true);
    expect(isSlug('a'.repeat(MAX_SLUG_LENGTH + 1))).toBe(false);
  });
});
