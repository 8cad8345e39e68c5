import type { Page } from '@playwright/test';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Collects every Content-Security-Policy violation of the page: the browser's
 * `securitypolicyviolation` events (recorded by a script Playwright injects
 * outside the page's CSP) and the console messages Chromium prints for them.
 * Call before the first navigation; read with `cspViolations(page)`.
 */
export async function watchCspViolations(page: Page): Promise<string[]> {
  const messages: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) messages.push(`console: ${message.text()} (${page.url()})`);
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations?.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) on ${location.pathname}`);
    });
  });
  return messages;
}

/** The violations events of the current document, plus every console message so far. */
export async function cspViolations(page: Page, consoleMessages: string[]): Promise<string[]> {
  const events = await page.evaluate(() => window.__cspViolations ?? []);
  return [...events, ...consoleMessages];
}
