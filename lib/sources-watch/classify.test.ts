import { describe, expect, it } from 'vitest';
import { redirectLosesPage, samePage } from '@/lib/sources-watch/classify';
import { changedSubstantially, fingerprintDistance, mainText, textFingerprint } from '@/lib/sources-watch/fingerprint';
import { ANNOUNCEMENT, REWRITTEN } from '@/tests/source-fixtures';

describe('which redirects keep the page', () => {
  it.each([
    ['http://example.org/a', 'https://example.org/a', true],
    ['https://example.org/a', 'https://www.example.org/a/', true],
    ['https://example.org/news/', 'https://example.org/news/index.html', true],
    ['https://example.org/a?x=1&y=2', 'https://example.org/a?y=2&x=1#top', true],
    ['https://example.org/a', 'https://example.org/b', false],
    ['https://example.org/a?id=1', 'https://example.org/a?id=2', false],
  ])('%s → %s is the same page: %s', (from, to, same) => {
    expect(samePage(from, to)).toBe(same);
  });

  it.each([
    ['https://commerce.gov/news/2026/05/testing', 'https://commerce.gov/', "redirected to the site's home page"],
    ['https://old.example.org/', 'https://new.example.org/', "redirected to the site's home page"],
    ['https://commerce.gov/news/item', 'https://commerce.gov/404.html', 'redirected to an error page'],
    ['https://commerce.gov/news/item', 'https://commerce.gov/page-not-found', 'redirected to an error page'],
    ['https://commerce.gov/news/2026/item', 'https://commerce.gov/news', 'redirected to a section page instead'],
    ['https://commerce.gov/news/item', 'https://commerce.gov/news/2026/item-renamed', null],
  ])('%s → %s: %s', (from, to, verdict) => {
    expect(redirectLosesPage(from, to)).toBe(verdict);
  });
});

describe('the main-text fingerprint', () => {
  const page = (body: string) =>
    `<html><head><script>var x = 1;</script><style>p{}</style></head><body><nav>Home News About</nav><main>${body}</main><footer>© 2026</footer></body></html>`;
  const article = ANNOUNCEMENT.map((paragraph) => `<p>${paragraph}</p>`).join('');

  it('reads the main element and leaves navigation, scripts and footers out', () => {
    const text = mainText(page(`<h2>Agreements</h2>${article}`));
    expect(text).toContain('Center for AI Standards and Innovation');
    expect(text).not.toMatch(/var x|Home News|© 2026/);
  });

  it('does not move for a new menu or footer, moves a little for an edited sentence, a lot for another text', () => {
    const base = textFingerprint(mainText(page(article)))!;
    const otherChrome = textFingerprint(mainText(page(article).replace('Home News About', 'Home Jobs Contact').replace('© 2026', 'Updated daily')))!;
    expect(base).toBe(otherChrome);
    const edited = textFingerprint(mainText(page(article.replace('national security risks', 'serious national security risks'))))!;
    expect(changedSubstantially(base, edited)).toBe(false);
    const rewritten = textFingerprint(mainText(page(REWRITTEN.map((paragraph) => `<p>${paragraph}</p>`).join(''))))!;
    expect(changedSubstantially(base, rewritten)).toBe(true);
    expect(fingerprintDistance(base, rewritten)).toBeGreaterThan(fingerprintDistance(base, edited));
  });

  it('has no fingerprint for a page without text', () => {
    expect(textFingerprint(mainText('<html><body><nav>Only a menu</nav></body></html>'))).toBeNull();
  });
});
