import type { Metadata } from 'next';
import Link from 'next/link';
import { listActorsForAdmin } from '@/lib/admin/actors';
import { ACTOR_KIND_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Actors · Admin' };

export default async function AdminActorsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const search = typeof q === 'string' ? q.slice(0, 200) : '';
  const actors = await listActorsForAdmin(search);
  return (
    <>
      <h1>Actors</h1>
      <div className="toolbar">
        <form method="get" role="search" aria-label="Search actors">
          <div className="field">
            <label htmlFor="actor-search">Search names, aliases and slugs</label>
            <input id="actor-search" type="search" name="q" defaultValue={search} />
          </div>
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </form>
        <Link href="/admin/actors/new" className="button">
          New actor
        </Link>
      </div>
      {actors.length === 0 ? (
        <p className="notice" role="status">
          {search ? `No actor matches "${search}".` : 'No actors yet: add the people, companies and agencies behind the events.'}{' '}
          {search && <Link href="/admin/actors">Show all</Link>}
        </p>
      ) : (
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
      )}
    </>
  );
}
