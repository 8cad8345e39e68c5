import type { Metadata } from 'next';
import Link from 'next/link';
import { ListToolbar, searchOf } from '@/components/admin/list-toolbar';
import { EventDate } from '@/components/timeline/event-date';
import { listSourcesForAdmin } from '@/lib/admin/sources';
import { TableScroll } from '@/components/admin/table-scroll';
import { countSourcesNeedingAttention } from '@/lib/sources-watch/attention';

export const metadata: Metadata = { title: 'Sources · Admin' };

const AVAILABILITY_LABELS = { live: 'Live', removed: 'Removed', unknown: 'Not checked' } as const;

export default async function AdminSourcesPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const search = searchOf(q);
  const [sources, needingAttention] = await Promise.all([listSourcesForAdmin(search), countSourcesNeedingAttention()]);
  return (
    <>
      <h1>Sources</h1>
      <p className={needingAttention > 0 ? 'notice' : 'muted'} data-testid="attention-count">
        {needingAttention > 0 ? (
          <Link href="/admin/sources/attention">
            {needingAttention} {needingAttention === 1 ? 'source needs' : 'sources need'} attention
          </Link>
        ) : (
          <>
            The source check found nothing that needs attention. <Link href="/admin/sources/attention">Needs attention</Link>
          </>
        )}
      </p>
      <ListToolbar id="source-search" searchLabel="Search titles, publishers and ids" ariaLabel="Search sources" search={search} newHref="/admin/sources/new" newLabel="New source" />
      {sources.length === 0 ? (
        <p className="notice" role="status">
          {search ? `No source matches "${search}".` : 'No sources yet: every event needs at least one.'}{' '}
          {search && <Link href="/admin/sources">Show all</Link>}
        </p>
      ) : (
        <TableScroll label="Sources">
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
        </TableScroll>
      )}
    </>
  );
}
