import type { Metadata } from 'next';
import Link from 'next/link';
import { ListToolbar, searchOf } from '@/components/admin/list-toolbar';
import { listPoliciesForAdmin } from '@/lib/admin/policies';
import { TableScroll } from '@/components/admin/table-scroll';

export const metadata: Metadata = { title: 'Policies · Admin' };

export default async function AdminPoliciesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const search = searchOf(q);
  const policies = await listPoliciesForAdmin(search);
  return (
    <>
      <h1>Policies</h1>
      <ListToolbar id="policy-search" searchLabel="Search titles and slugs" ariaLabel="Search policies" search={search} newHref="/admin/policies/new" newLabel="New policy" />
      {policies.length === 0 ? (
        <p className="notice" role="status">
          {search ? `No policy matches "${search}".` : 'No policies yet.'} {search && <Link href="/admin/policies">Show all</Link>}
        </p>
      ) : (
        <TableScroll label="Policies">
          <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Slug</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {policies.map((policy) => (
              <tr key={policy.id}>
                <td>
                  <Link href={`/admin/policies/${policy.id}/edit`}>{policy.title}</Link>
                </td>
                <td>
                  <Link href={`/policies/${policy.slug}`}>{policy.slug}</Link>
                </td>
                <td>{policy.eventCount}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
