import type { Metadata } from 'next';
import Link from 'next/link';
import { EventDate } from '@/components/timeline/event-date';
import { listSourcesForAdmin } from '@/lib/admin/sources';

export const metadata: Metadata = { title: 'Sources · Admin' };

const AVAILABILITY_LABELS = { live: 'Live', removed: 'Removed', unknown: 'Not checked' } as const;

export default async function AdminSourcesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const search = typeof q === 'string' ? q.slice(0, 200) : '';
  const sources = await listSourcesForAdmin(search);
  return (
    <>
      <h1>Sources</h1>
      <div className="toolbar">
        <form method="get" role="search" aria-label="Search sources">
          <div className="field">
            <label htmlFor="source-search">Search titles, publishers and ids</label>
            <input id="source-search" type="search" name="q" defaultValue={search} />
          </div>
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </form>
        <Link href="/admin/sources/new" className="button">
          New source
        </Link>
      </div>
      {sources.length === 0 ? (
        <p className="notice" role="status">
          {search ? `No source matches "${search}".` : 'No sources yet: every event needs at least one.'}{' '}
          {search && <Link href="/admin/sources">Show all</Link>}
        </p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Publisher</th>
              <th scope="col">Published</th>
              <th scope="col">Availability</th>
              <th scope="col">Id</th>
              <th scope="col">Citing events</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((source) => (
              <tr key={source.id}>
                <td>
                  <Link href={`/admin/sources/${source.id}/edit`}>{source.title}</Link>
                </td>
                <td>{source.publisher ?? <span className="muted">—</span>}</td>
                <td>{source.publishedOn ? <EventDate date={source.publishedOn} className="" /> : <span className="muted">—</span>}</td>
                <td className={source.availability === 'removed' ? 'availability-removed' : undefined}>{AVAILABILITY_LABELS[source.availability]}</td>
                <td>{source.id}</td>
                <td>{source.eventCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
