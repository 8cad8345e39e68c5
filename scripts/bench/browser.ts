import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/**
 * What a reader's browser sees, in Chromium at 1280×800: how long after
 * navigation the first event is visible on screen, where it sits, and how much
 * JavaScript the page transferred (compressed, as sent).
 */

export interface BrowserFigures {
  firstEventVisibleMs: number | null;
  firstEventTop: number | null;
  javascriptBytes: number;
  javascriptFiles: number;
  /** JavaScript the page's HTML asks for: what loads before the list is usable (later chunks, the chart's, are not). */
  initialJavascriptBytes: number;
}

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export function chromiumPath(): string | undefined {
  return CHROMIUM_CANDIDATES.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
}

export async function measureInBrowser(url: string, runs = 3): Promise<BrowserFigures> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const samples: BrowserFigures[] = [];
    for (let run = 0; run < runs; run++) {
      // A fresh context each run: nothing cached, as for a reader arriving from a news story.
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      const response = await page.goto(url, { waitUntil: 'commit' });
      const html = (await response?.text()) ?? '';
      const initialScripts = new Set([...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((match) => new URL(match[1].replace(/&amp;/g, '&'), url).href));
      const visible = await page
        .waitForFunction(
          () => {
            const card = document.querySelector('[data-testid="event-card"]');
            if (!card) return false;
            const box = card.getBoundingClientRect();
            return box.top < window.innerHeight && box.bottom > 0 ? { at: performance.now(), top: box.top + window.scrollY } : false;
          },
          undefined,
          { timeout: 30_000, polling: 16 },
        )
        .then((handle) => handle.jsonValue() as Promise<{ at: number; top: number }>)
        .catch(() => null);
      await page.waitForLoadState('networkidle');
      const loaded = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => (entry as PerformanceResourceTiming).initiatorType === 'script' || entry.name.endsWith('.js'))
          .map((entry) => ({ name: entry.name, bytes: (entry as PerformanceResourceTiming).transferSize })),
      );
      const scripts = loaded.map((entry) => entry.bytes);
      const firstEventTop = visible
        ? visible.top
        : await page.evaluate(() => {
            const card = document.querySelector('[data-testid="event-card"]');
            return card ? card.getBoundingClientRect().top + window.scrollY : null;
          });
      samples.push({
        firstEventVisibleMs: visible ? visible.at : null,
        firstEventTop,
        javascriptBytes: scripts.reduce((sum, bytes) => sum + bytes, 0),
        javascriptFiles: scripts.length,
        initialJavascriptBytes: loaded.filter((entry) => initialScripts.has(entry.name)).reduce((sum, entry) => sum + entry.bytes, 0),
      });
      await context.close();
    }
    // The median run by time to the first event (a run where it never showed counts as slowest).
    samples.sort((a, b) => (a.firstEventVisibleMs ?? Infinity) - (b.firstEventVisibleMs ?? Infinity));
    return samples[Math.floor(samples.length / 2)];
  } finally {
    await browser.close();
  }
}
