import type { Metadata } from 'next';
import Link from 'next/link';
import { ListToolbar, searchOf } from '@/components/admin/list-toolbar';
import { listActorsForAdmin } from '@/lib/admin/actors';
import { ACTOR_KIND_LABELS } from '@/lib/vocabulary';
import { TableScroll } from '@/components/admin/table-scroll';

export const metadata: Metadata = { title: 'Actors · Admin' };

export default async function AdminActorsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const search = searchOf(q);
  const actors = await listActorsForAdmin(search);
  return (
    <>
      <h1>Actors</h1>
      <ListToolbar id="actor-search" searchLabel="Search names, aliases and slugs" ariaLabel="Search actors" search={search} newHref="/admin/actors/new" newLabel="New actor" />
      {actors.length === 0 ? (
        <p className="notice" role="status">
          {search ? `No actor matches "${search}".` : 'No actors yet: add the people, companies and agencies behind the events.'}{' '}
          {search && <Link href="/admin/actors">Show all</Link>}
        </p>
      ) : (
        <TableScroll label="Actors">
          <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Parent</th>
              <th scope="col">Slug</th>
              <th scope="col">Events</th>
            </tr>
          </thead>
          <tbody>
            {actors.map((actor) => (
              <tr key={actor.id}>
                <td>
                  <Link href={`/admin/actors/${actor.id}/edit`}>{actor.name}</Link>
                </td>
                <td>{ACTOR_KIND_LABELS[actor.kind].one}</td>
                <td>{actor.parent ? actor.parent.name : <span className="muted">—</span>}</td>
                <td>
                  <Link href={`/actors/${actor.slug}`}>{actor.slug}</Link>
                </td>
                <td>{actor.eventCount}</td>
              </tr>
            ))}
          </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
