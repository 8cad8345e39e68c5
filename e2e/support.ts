import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Shared helpers for the browser tests. The expectations below describe the
 * default dataset (prisma/data/default-dataset.json), which scripts/e2e-server.sh
 * loads into a fresh database before every run.
 */

/** Every default event, in the chronology's order (sort day, then the later last possible day first, then slug). */
export const DEFAULT_EVENT_ORDER = [
  'biden-ai-executive-order-signed', // 2023-10-30
  'biden-ai-executive-order-revoked', // 2025-01-20
  'anthropic-pentagon-dispute', // 2026 (year only)
  'review-order-drafted-with-mandatory-sharing', // 2026
  'review-order-made-voluntary', // 2026
  'anthropic-mythos-restricted-release', // 2026-04?
  'industry-lobbying-against-review-order', // 2026-05
  'nist-announces-unreleased-model-sharing', // 2026-05
  'signing-ceremony-invitations', // 2026-05
  'nist-announcement-removed', // 2026-05/2026-05-22 (same start, narrower: after the whole-month events)
  'openai-early-access-for-cyber-defense', // ../2026-05-21 (sorts by its known end)
  'signing-postponed', // 2026-05-21
] as const;

export const DEFAULT_EVENT_COUNT = DEFAULT_EVENT_ORDER.length;

/**
 * Collects what a user would see in the developer console as an error: console
 * errors and uncaught exceptions. Call before the first navigation.
 */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/** The event cards of the page, in document order. */
export function eventCards(page: Page): Locator {
  return page.getByTestId('event-card');
}

/** The slugs of the event cards on the page, in document order. */
/** The page's scripts have run: the actor picker has become a type-ahead (before, it is a select, a combobox too). */
export async function hydrated(page: Page): Promise<void> {
  await expect(page.locator('input#filter-actor[aria-autocomplete="list"]')).toBeVisible();
}

export async function cardSlugs(page: Page): Promise<string[]> {
  return eventCards(page).evaluateAll((cards) => cards.map((card) => card.getAttribute('data-slug') ?? ''));
}

/** The `datetime` of every event card's date, in document order. */
export async function cardDatetimes(page: Page): Promise<string[]> {
  return eventCards(page).evaluateAll((cards) =>
    cards.map((card) => card.querySelector('time')?.getAttribute('datetime') ?? ''),
  );
}

/** The first calendar day a `<time datetime>` value can mean: "2026" → "2026-01-01", "2026-05" → "2026-05-01". */
export function earliestDay(datetime: string): string {
  expect(datetime, 'a card date carries a machine-readable datetime').toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  const [year, month = '01', day = '01'] = datetime.split('-');
  return `${year}-${month}-${day}`;
}

/** Asserts that a sequence of card datetimes never goes back in time (or forward, for newest first). */
export function expectChronological(datetimes: string[], order: 'asc' | 'desc'): void {
  const days = datetimes.map(earliestDay);
  for (let index = 1; index < days.length; index++) {
    const [previous, current] = [days[index - 1], days[index]];
    const inOrder = order === 'asc' ? previous <= current : previous >= current;
    expect(inOrder, `card ${index} (${datetimes[index - 1]}) and card ${index + 1} (${datetimes[index]}) are out of ${order} order`).toBe(true);
  }
}

/** The card of one event, found by what the reader clicks: its title link. */
export function cardWithTitle(page: Page, title: string): Locator {
  return eventCards(page).filter({ has: page.getByRole('link', { name: title, exact: true }) });
}
