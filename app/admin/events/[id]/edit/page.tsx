import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteEventAction, previewDate } from '@/app/admin/events/actions';
import { DeleteForm } from '@/components/admin/delete-form';
import { EventForm } from '@/components/admin/event-form';
import { getEventForEdit, loadEventFormOptions } from '@/lib/admin/events';

export const metadata: Metadata = { title: 'Edit event · Admin' };

export default async function EditEventPage({ params }: { params: Promise<{ id: string }> }) {
  const event = await getEventForEdit((await params).id);
  if (!event) notFound();
  const [options, datePreview] = await Promise.all([loadEventFormOptions(), previewDate(event.values.date)]);
  return (
    <>
      <p className="muted">
        <Link href="/admin/events">Events</Link> › Edit
      </p>
      <h1>Edit event</h1>
      <p>
        <Link href={`/events/${event.slug}`}>View the public page</Link> · <Link href={`/events/${event.slug}/history`}>History</Link>
      </p>
      <EventForm event={{ id: event.id, version: event.version }} initialValues={event.values} initialDatePreview={datePreview} options={options} />
      <DeleteForm action={deleteEventAction} id={event.id} version={event.version} label="this event" />
    </>
  );
}
