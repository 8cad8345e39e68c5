import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { restoreEventRevisionAction } from '@/app/admin/events/actions';
import { ActionButtonForm } from '@/components/admin/action-button-form';
import { RevisionList } from '@/components/admin/revision-list';
import { getEventHistory } from '@/lib/history';
import { canEditContent } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { EVENT_FIELD_LABELS } from '@/lib/revision-words';
import { isSlug } from '@/lib/slugs';
import './history.css';

/** The metadata and the page read the same history once per request. */
const loadHistory = cache(async (slug: string) => (isSlug(slug) ? getEventHistory(slug) : null));

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ restored?: string }> };


export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const history = await loadHistory(slug);
  return { title: history ? `History of “${history.title}”` : 'History' };
}

export default async function EventHistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const history = await loadHistory(slug);
  if (!history) notFound();
  const [user, { restored }] = await Promise.all([getCurrentUser(), searchParams]);
  const editor = canEditContent(user);
  return (
    <>
      <p className="muted">
        <Link href={`/events/${history.slug}`}>{history.title}</Link> › History
      </p>
      <h1>History of “{history.title}”</h1>
      {restored && (
        <p className="form-message form-message--success" role="status">
          The earlier version was restored, as a new revision at the top of this list.
        </p>
      )}
      <p className="lede">Every change to this event: who made it, when, and what it changed.</p>
      <RevisionList
        revisions={history.revisions}
        labels={EVENT_FIELD_LABELS}
        names={history.names}
        renderActions={(revision, isLatest) =>
          editor && !isLatest && revision.after && revision.action !== 'delete' ? (
            <ActionButtonForm action={restoreEventRevisionAction} fields={{ revision: revision.id, version: history.version }} className="restore-form">
              {`Restore version ${revision.version}`}
            </ActionButtonForm>
          ) : null
        }
      />
    </>
  );
}
