import { expect, test } from '@playwright/test';
import { ADMIN_STATE, ANONYMOUS, EDITOR_STATE, readAccounts, submitSignIn } from './admin-support';

test.describe('signing in', () => {
  test.use({ storageState: ANONYMOUS });

  test('an anonymous visitor to /admin/events signs in and lands back on /admin/events', async ({ page }) => {
    const { editor } = readAccounts();
    await page.goto('/admin/events');
    await expect(page).toHaveURL('/login?next=%2Fadmin%2Fevents');
    await expect(page.getByRole('heading', { level: 1, name: 'Editor sign-in' })).toBeVisible();

    await submitSignIn(page, editor.email, editor.password);
    await expect(page).toHaveURL('/admin/events');
    await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByText(`${editor.name} (Editor)`)).toBeVisible();
  });

  test('five wrong passwords pause the attacker, even from rotating X-Forwarded-For addresses, while the owner still signs in on their usual browser', async ({ page, browser }) => {
    const { lockout } = readAccounts();
    const status = page.getByRole('status');

    // The owner has signed in on this browser before: it holds the account's device cookie.
    const owner = await browser.newContext({ storageState: ANONYMOUS });
    const ownerPage = await owner.newPage();
    await ownerPage.goto('/login');
    await submitSignIn(ownerPage, lockout.email, lockout.password);
    await expect(ownerPage).toHaveURL('/admin');
    await ownerPage.getByRole('button', { name: 'Sign out' }).click();
    await expect(ownerPage).toHaveURL('/');

    // The attacker claims a new address with every guess; the server takes the socket's instead.
    await page.goto('/login');
    for (let attempt = 1; attempt <= 4; attempt++) {
      await page.setExtraHTTPHeaders({ 'x-forwarded-for': `203.0.113.${attempt}`, 'x-real-ip': `198.51.100.${attempt}` });
      await submitSignIn(page, lockout.email, `wrong password ${attempt}`);
      await expect(status, `attempt ${attempt}`).toHaveText('The email address or password is not correct.');
      // The email address stays in the form; the password does not.
      await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(lockout.email);
      await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toHaveValue('');
    }

    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.5' });
    await submitSignIn(page, lockout.email, 'wrong password 5');
    await expect(status).toContainText('Too many failed sign-in attempts');
    await expect(status).toContainText('from this connection is paused; try again in 15 minutes');

    await page.setExtraHTTPHeaders({ 'x-forwarded-for': '203.0.113.6' });
    await submitSignIn(page, lockout.email, lockout.password);
    await expect(status).toContainText('Too many failed sign-in attempts');
    await expect(page).toHaveURL('/login');
    // Still signed out: the admin pages send the attacker back to the sign-in page.
    await page.goto('/admin');
    await expect(page).toHaveURL('/login?next=%2Fadmin');

    // The owner, on the same network but on their usual browser, is not affected.
    await ownerPage.goto('/login');
    await submitSignIn(ownerPage, lockout.email, lockout.password);
    await expect(ownerPage).toHaveURL('/admin');
    await expect(ownerPage.getByRole('navigation', { name: 'Admin' }).getByText(`${lockout.name} (Editor)`)).toBeVisible();
    await owner.close();
  });
});

test.describe('the users page', () => {
  test('an editor gets the "Not allowed" page, with HTTP 403', async ({ browser }) => {
    const context = await browser.newContext({ storageState: EDITOR_STATE });
    const page = await context.newPage();
    const response = await page.goto('/admin/users');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: 'Not allowed' })).toBeVisible();
    await expect(page.getByText('Your account does not have the role this page needs.')).toBeVisible();
    // The admin navigation does not offer the page either.
    await page.goto('/admin');
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Dashboard' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' })).toHaveCount(0);
    await context.close();
  });

  test('an admin sees the list of accounts', async ({ browser }) => {
    const { editor, admin } = readAccounts();
    const context = await browser.newContext({ storageState: ADMIN_STATE });
    const page = await context.newPage();
    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Users' }).click();
    await expect(page).toHaveURL('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();

    const editorRow = page.getByRole('row').filter({ hasText: editor.email });
    await expect(editorRow.getByRole('cell')).toContainText([editor.name, editor.email, 'Editor', 'Active']);
    const adminRow = page.getByRole('row').filter({ hasText: admin.email });
    await expect(adminRow.getByRole('cell')).toContainText([admin.name, admin.email, 'Admin', 'Active']);
    await expect(adminRow.getByText('This is you')).toBeVisible();
    await context.close();
  });
});
