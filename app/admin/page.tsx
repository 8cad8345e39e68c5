import type { Metadata } from 'next';
import Link from 'next/link';
import { countContent } from '@/lib/admin/dashboard';
import { listRecentChanges, REVISION_ACTION_LABELS, type RecentChange } from '@/lib/revisions';
import { TableScroll } from '@/components/admin/table-scroll';

export const metadata: Metadata = { title: 'Admin' };

const timestamp = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const hrefOf = (change: RecentChange): string =>
  change.entityType === 'source' ? `/admin/sources/${change.entityKey}/edit` : `/${change.entityType === 'policy' ? 'policies' : `${change.entityType}s`}/${change.entityKey}`;

export default async function AdminDashboard() {
  const [counts, changes] = await Promise.all([countContent(), listRecentChanges(20)]);
  const tiles = [
    { label: 'Events', add: 'Add an event', count: counts.events, href: '/admin/events', create: '/admin/events/new' },
    { label: 'Actors', add: 'Add an actor', count: counts.actors, href: '/admin/actors', create: '/admin/actors/new' },
    { label: 'Sources', add: 'Add a source', count: counts.sources, href: '/admin/sources', create: '/admin/sources/new' },
    { label: 'Policies', add: 'Add a policy', count: counts.policies, href: '/admin/policies', create: '/admin/policies/new' },
  ];
  return (
    <>
      <h1>Dashboard</h1>
      <ul className="tiles">
        {tiles.map((tile) => (
          <li key={tile.label} className="tile">
            <Link href={tile.href}>
              <span className="tile__count">{tile.count}</span> {tile.label}
            </Link>
            <Link href={tile.create} className="tile__create">
              {tile.add}
            </Link>
          </li>
        ))}
        <li className="tile">
          <Link href="/admin/trash">
            <span className="tile__count">{counts.inTrash}</span> In the trash
          </Link>
        </li>
      </ul>
      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">Recent changes</h2>
        {changes.length === 0 ? (
          <p className="muted">No changes yet. Changes made here, by any editor, are listed with who made them and when.</p>
        ) : (
          <TableScroll label="Recent changes">
            <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">When (UTC)</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((change) => (
                <tr key={change.id}>
                  <td>{timestamp.format(change.createdAt)}</td>
                  <td>{change.authorLabel}</td>
                  <td>
                    {REVISION_ACTION_LABELS[change.action]} {change.entityType}{' '}
                    {change.action === 'delete' ? (
                      <span>{change.entityKey}</span>
                    ) : (
                      <Link href={hrefOf(change)}>{change.entityKey}</Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </>
  );
}
