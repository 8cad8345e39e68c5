import type { Metadata } from 'next';
import Link from 'next/link';
import { previewDate, saveEventAction } from '@/app/admin/events/actions';
import { EventForm } from '@/components/admin/event-form';
import { loadEventFormOptions, newRowKey } from '@/lib/admin/events';
import { draftEventForSource } from '@/lib/sources-watch/attention';
import { emptyEventFormValues } from '@/lib/validation/event';

export const metadata: Metadata = { title: 'New event · Admin' };

/** `?fromSource=<id>`: the source watch's "draft an event" — the form filled in about that source's disappearance. */
export default async function NewEventPage({ searchParams }: { searchParams: Promise<{ fromSource?: string | string[] }> }) {
  const { fromSource } = await searchParams;
  const [options, draft] = await Promise.all([
    loadEventFormOptions(),
    typeof fromSource === 'string' ? draftEventForSource(fromSource, newRowKey) : null,
  ]);
  return (
    <>
      <p className="muted">
        <Link href="/admin/events">Events</Link> › New
      </p>
      <h1>New event</h1>
      {draft && (
        <p className="notice" data-testid="draft-notice">
          Drafted from what the source check found: review every field, then save to publish.
        </p>
      )}
      <EventForm action={saveEventAction} previewDate={previewDate} initialValues={draft ?? emptyEventFormValues(newRowKey)} initialDatePreview="" options={options} />
    </>
  );
}
