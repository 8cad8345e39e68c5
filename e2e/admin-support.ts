import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Shared helpers for the editors' browser tests. The accounts are made by the
 * setup project (e2e/auth.setup.ts) with `npm run user:create`; their sessions
 * and details live under test-results/ (git-ignored, emptied at every run).
 */

export const AUTH_DIR = path.join('test-results', '.auth');
export const ACCOUNTS_FILE = path.join(AUTH_DIR, 'accounts.json');
export const EDITOR_STATE = path.join(AUTH_DIR, 'editor.json');
export const ADMIN_STATE = path.join(AUTH_DIR, 'admin.json');
/** A browser context with no session: an anonymous visitor. */
export const ANONYMOUS = { cookies: [], origins: [] };

/** The database scripts/e2e-server.sh serves, which `npm run user:create` must write to. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'file:./.data/e2e.db';

export interface E2eAccount {
  email: string;
  password: string;
  name: string;
  role: 'editor' | 'admin';
}

export interface E2eAccounts {
  editor: E2eAccount;
  admin: E2eAccount;
  /** Only for the lock-out test: five wrong passwords pause it for 15 minutes from the attacker's connection. */
  lockout: E2eAccount;
}

export function readAccounts(): E2eAccounts {
  return JSON.parse(readFileSync(ACCOUNTS_FILE, 'utf8')) as E2eAccounts;
}

/** A short tag that differs between runs and between calls. */
export function uniqueTag(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** A title no other test (or earlier run) uses. */
export function uniqueTitle(what: string): string {
  return `${what} ${uniqueTag()}`;
}

/** Fills the login form and presses "Sign in"; waits for the server to answer. */
export async function submitSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  const answered = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/login');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await answered;
}

/** The slug of the event page the browser is on. */
export function eventSlugOf(page: Page): string {
  const match = /^\/events\/([a-z0-9-]+)$/.exec(new URL(page.url()).pathname);
  if (!match) throw new Error(`Expected an event page, the browser is on ${page.url()}`);
  return match[1];
}

/** One numbered row of the event form ("Actor 1", "Citation 2"). */
export function formRow(page: Page, legend: string): Locator {
  return page.getByRole('group', { name: legend, exact: true });
}

/**
 * Types a date and waits for the preview under the field to read `preview`.
 * The preview follows the typing once the page is hydrated; typing again, as a
 * person would, covers text entered before that.
 */
export async function fillDate(page: Page, value: string, preview: string | RegExp): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Date', exact: true });
  const hint = page.getByTestId('date-preview');
  await expect(async () => {
    await field.fill('');
    await field.fill(value);
    await expect(hint).toHaveText(preview, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}

export interface SimpleEvent {
  title: string;
  date: string;
  summary?: string;
}

/**
 * Creates an event through the form the quick way: an existing actor and an
 * existing source picked from the lists. Returns its slug; the browser ends on
 * the event's page.
 */
export async function createSimpleEvent(page: Page, event: SimpleEvent): Promise<string> {
  await page.goto('/admin/events/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(event.title);
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(event.summary ?? `What happened in "${event.title}", in one paragraph.`);
  await page.getByRole('textbox', { name: 'Date', exact: true }).fill(event.date);
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Announced' });
  await formRow(page, 'Actor 1').getByLabel('Existing actor').selectOption({ label: 'Donald Trump' });
  await formRow(page, 'Citation 1').getByLabel('Existing source').selectOption({ label: 'Engadget — Trump postpones AI oversight executive order' });
  await page.getByRole('button', { name: 'Create event' }).click();
  await expect(page.getByRole('heading', { level: 1, name: event.title })).toBeVisible();
  return eventSlugOf(page);
}

/** Opens the event's edit form from its public page, as an editor finds it. */
export async function openEditForm(page: Page, slug: string): Promise<void> {
  await page.goto(`/events/${slug}`);
  await page.getByRole('link', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit event' })).toBeVisible();
}

/** Changes the title of the event through its edit form; the browser ends on the event's page. */
export async function renameEvent(page: Page, slug: string, from: string, to: string): Promise<void> {
  await openEditForm(page, slug);
  const title = page.getByRole('textbox', { name: 'Title', exact: true });
  await expect(title).toHaveValue(from);
  await title.fill(to);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page).toHaveURL(`/events/${slug}`);
  await expect(page.getByRole('heading', { level: 1, name: to })).toBeVisible();
}

/** The revisions on a history page, newest first. */
export function revisions(page: Page): Locator {
  return page.getByTestId('revision');
}

/** One field's change in a revision of a history page, as the page words it ("Title changed from … to …"). */
export function changeOf(revision: Locator, field: string): Locator {
  return revision.getByRole('listitem').filter({ hasText: new RegExp(`^${field} (changed from|set to)`) });
}

/** The "Changed meanwhile" table's row for one field, found by its row header. */
export function fieldRow(table: Locator, field: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: field, exact: true }) });
}
