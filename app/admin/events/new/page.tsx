import type { Metadata } from 'next';
import Link from 'next/link';
import { previewDate, saveEventAction } from '@/app/admin/events/actions';
import { EventForm } from '@/components/admin/event-form';
import { loadEventFormOptions, newRowKey } from '@/lib/admin/events';
import { emptyEventFormValues } from '@/lib/validation/event';

export const metadata: Metadata = { title: 'New event · Admin' };

export default async function NewEventPage() {
  const options = await loadEventFormOptions();
  return (
    <>
      <p className="muted">
        <Link href="/admin/events">Events</Link> › New
      </p>
      <h1>New event</h1>
      <EventForm action={saveEventAction} previewDate={previewDate} initialValues={emptyEventFormValues(newRowKey)} initialDatePreview="" options={options} />
    </>
  );
}
