import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, test as setup, type Page } from '@playwright/test';
import {
  ACCOUNTS_FILE,
  ADMIN_STATE,
  AUTH_DIR,
  E2E_DATABASE_URL,
  EDITOR_STATE,
  readAccounts,
  submitSignIn,
  uniqueTag,
  type E2eAccount,
  type E2eAccounts,
} from './admin-support';

/**
 * Accounts are made the way an operator makes them, with `npm run user:create`,
 * against the database the test server uses. The editor and the admin then sign
 * in through the login form, and their sessions are kept for the other tests.
 */

const run = promisify(execFile);

function account(role: E2eAccount['role'], name: string, local: string, tag: string): E2eAccount {
  // Unrelated words: the password rule turns down common passwords and anything like the name or address.
  return { role, name, email: `${local}.${tag}@example.org`, password: `quartz ferry ${tag} lantern moss` };
}

async function createWithCommand(user: E2eAccount): Promise<void> {
  const { stdout } = await run(
    'npm',
    ['run', '--silent', 'user:create', '--', '--email', user.email, '--password', user.password, '--role', user.role, '--name', user.name],
    { env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL } },
  );
  expect(stdout).toContain(`Created ${user.role} account ${user.email}.`);
}

async function signInAndKeepSession(page: Page, user: E2eAccount, statePath: string): Promise<void> {
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1, name: 'Editor sign-in' })).toBeVisible();
  await submitSignIn(page, user.email, user.password);
  // With no ?next=, signing in leads to the dashboard, where the account is named.
  await expect(page).toHaveURL('/admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const roleLabel = user.role === 'admin' ? 'Admin' : 'Editor';
  await expect(page.getByRole('navigation', { name: 'Admin' }).getByText(`${user.name} (${roleLabel})`)).toBeVisible();
  await page.context().storageState({ path: statePath });
}

setup('create the accounts with npm run user:create', async () => {
  setup.setTimeout(60_000);
  const tag = uniqueTag();
  const accounts: E2eAccounts = {
    editor: account('editor', 'Edith Editor', 'edith.editor', tag),
    admin: account('admin', 'Ada Admin', 'ada.admin', tag),
    lockout: account('editor', 'Lou Lockout', 'lou.lockout', tag),
  };
  // One after the other: each command opens the SQLite database the server is using.
  for (const user of Object.values(accounts)) await createWithCommand(user);
  mkdirSync(AUTH_DIR, { recursive: true });
  writeFileSync(ACCOUNTS_FILE, JSON.stringify(accounts, null, 2));
});

setup('the editor signs in through the login form', async ({ page }) => {
  await signInAndKeepSession(page, readAccounts().editor, EDITOR_STATE);
});

setup('the admin signs in through the login form', async ({ page }) => {
  await signInAndKeepSession(page, readAccounts().admin, ADMIN_STATE);
});
