import type { Metadata } from 'next';
import Link from 'next/link';
import { ListToolbar, searchOf } from '@/components/admin/list-toolbar';
import { EventDate } from '@/components/timeline/event-date';
import { ADMIN_PAGE_SIZE, listEventsForAdmin } from '@/lib/admin/events';
import { EVENT_TYPE_LABELS, isEventType } from '@/lib/vocabulary';
import { TableScroll } from '@/components/admin/table-scroll';

export const metadata: Metadata = { title: 'Events · Admin' };

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export default async function AdminEventsPage({ searchParams }: Props) {
  const params = await searchParams;
  const search = searchOf(params.q);
  const page = Math.max(1, Math.min(10_000, Number(typeof params.page === 'string' ? params.page : 1) || 1));
  const { rows, total } = await listEventsForAdmin(search, page);
  const pages = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
  const pageHref = (to: number) => `/admin/events?${new URLSearchParams({ ...(search ? { q: search } : {}), page: String(to) })}`;
  return (
    <>
      <h1>Events</h1>
      <ListToolbar id="event-search" searchLabel="Search titles, slugs and summaries" ariaLabel="Search events" search={search} newHref="/admin/events/new" newLabel="New event" />
      <p className="muted" role="status">
        {total} {total === 1 ? 'event' : 'events'}
        {search ? ` match "${search}"` : ''}, most recently changed first.
      </p>
      {rows.length === 0 ? (
        <p className="notice">
          {search ? 'No event matches this search. ' : 'No events yet. '}
          {search ? <Link href="/admin/events">Show all events</Link> : <Link href="/admin/events/new">Add the first event</Link>}
        </p>
      ) : (
        <TableScroll label="Events">
          <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Public page</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((event) => (
              <tr key={event.id}>
                <td>
                  <Link href={`/admin/events/${event.id}/edit`}>{event.title}</Link>
                </td>
                <td>
                  <EventDate date={event.date} className="" />
                </td>
                <td>{isEventType(event.type) ? EVENT_TYPE_LABELS[event.type] : event.type}</td>
                <td>
                  <Link href={`/events/${event.slug}`}>{event.slug}</Link>
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </TableScroll>
      )}
      {pages > 1 && (
        <nav className="pagination" aria-label="Pages">
          {page > 1 ? <Link href={pageHref(page - 1)}>← Previous</Link> : <span />}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages ? <Link href={pageHref(page + 1)}>Next →</Link> : <span />}
        </nav>
      )}
    </>
  );
}
