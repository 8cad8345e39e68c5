import Link from 'next/link';
import './admin.css';
import { signOutAction } from '@/app/admin/actions';
import { canImportData, canManageUsers, canEditContent, ROLE_LABELS } from '@/lib/roles';
import { requirePageUser } from '@/lib/session';

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser(canEditContent, '/admin');
  return (
    <div className="admin">
      <nav className="admin-nav" aria-label="Admin">
        <ul>
          <li><Link href="/admin">Dashboard</Link></li>
          <li><Link href="/admin/events">Events</Link></li>
          <li><Link href="/admin/actors">Actors</Link></li>
          <li><Link href="/admin/sources">Sources</Link></li>
          <li><Link href="/admin/policies">Policies</Link></li>
          <li><Link href="/admin/trash">Trash</Link></li>
          {canManageUsers(user) && <li><Link href="/admin/users">Users</Link></li>}
          {canImportData(user) && <li><Link href="/admin/import">Import</Link></li>}
        </ul>
        <form action={signOutAction} className="admin-nav__account">
          <span>
            {user.name} ({ROLE_LABELS[user.role]})
          </span>{' '}
          <button type="submit" className="button button--secondary">
            Sign out
          </button>
        </form>
      </nav>
      {children}
    </div>
  );
}
