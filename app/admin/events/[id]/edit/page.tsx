import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteEventAction, previewDate, saveEventAction } from '@/app/admin/events/actions';
import { ActionButtonForm } from '@/components/admin/action-button-form';
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
      <EventForm action={saveEventAction} previewDate={previewDate} event={{ id: event.id, version: event.version }} initialValues={event.values} initialDatePreview={datePreview} options={options} />
      <ActionButtonForm action={deleteEventAction} fields={{ id: event.id, version: event.version }} tone="danger" className="delete-form" note="It goes to the trash, from where it can be restored.">
        Delete this event
      </ActionButtonForm>
    </>
  );
}
