import type { Metadata } from 'next';
import { UserCreateForm } from '@/components/admin/user-create-form';
import { UserRoleForm } from '@/components/admin/user-role-form';
import { UserStatusForm } from '@/components/admin/user-status-form';
import { listUsers, type AccountSummary } from '@/lib/admin/users';
import { canManageUsers, ROLE_LABELS } from '@/lib/roles';
import { requirePageUser } from '@/lib/session';
import { PASSWORD_RULE } from '@/lib/validation/user';
import { TableScroll } from '@/components/admin/table-scroll';
import { changeRoleAction, createUserAction, setAccountDisabledAction } from '@/app/admin/users/actions';

export const metadata: Metadata = { title: 'Users · Admin' };

const createdOn = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });

const roleLabel = (account: AccountSummary) => (account.role ? ROLE_LABELS[account.role] : 'Unknown role (cannot sign in)');
const statusLabel = (account: AccountSummary) => (account.disabled ? 'Disabled' : 'Active');

/** The confirmation after a change, read back from the accounts as they now stand. */
function notice(accounts: AccountSummary[], params: Record<string, string | string[] | undefined>): string | null {
  const email = (key: string) => (typeof params[key] === 'string' ? params[key] : null);
  const created = accounts.find((account) => account.email === email('created'));
  if (created) return `Created the account ${created.email} (${roleLabel(created)}). It can sign in at /login now.`;
  const updated = accounts.find((account) => account.email === email('updated'));
  if (updated) return `Saved: ${updated.email} is now ${roleLabel(updated)}, ${statusLabel(updated).toLowerCase()}.`;
  return null;
}

export default async function AdminUsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const admin = await requirePageUser(canManageUsers, '/admin/users');
  const accounts = await listUsers();
  const message = notice(accounts, await searchParams);
  return (
    <>
      <h1>Users</h1>
      {message && (
        <p className="form-message form-message--success" role="status">
          {message}
        </p>
      )}
      <TableScroll label="Accounts">
        <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((account) => (
            <tr key={account.id} data-testid="account">
              <td>{account.name}</td>
              <td>{account.email}</td>
              <td>{roleLabel(account)}</td>
              <td>{statusLabel(account)}</td>
              <td>{createdOn.format(account.createdAt)}</td>
              <td>
                {account.id === admin.id ? (
                  <span className="muted">This is you: another admin can change your role or disable your account.</span>
                ) : (
                  <div className="toolbar">
                    <UserRoleForm action={changeRoleAction} account={account} />
                    <UserStatusForm action={setAccountDisabledAction} account={account} />
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
        </table>
      </TableScroll>
      <section aria-labelledby="create-heading">
        <h2 id="create-heading">Create an account</h2>
        <p className="muted">There is no public sign-up: an account exists only when an admin creates it here.</p>
        <UserCreateForm action={createUserAction} passwordRule={PASSWORD_RULE} />
      </section>
    </>
  );
}
