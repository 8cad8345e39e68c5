import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteSourceAction, markSourceRemovedAction, saveSourceAction } from '@/app/admin/sources/actions';
import { ActionButtonForm } from '@/components/admin/action-button-form';
import { SOURCE_FIELD_LABELS } from '@/components/admin/field-labels';
import { RevisionList } from '@/components/admin/revision-list';
import { SourceForm } from '@/components/admin/source-form';
import { getSourceForEdit } from '@/lib/admin/sources';
import { listRevisions } from '@/lib/revisions';

export const metadata: Metadata = { title: 'Edit source · Admin' };

export default async function EditSourcePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ saved?: string | string[] }>;
}) {
  const [{ id }, { saved }] = await Promise.all([params, searchParams]);
  const source = await getSourceForEdit(id);
  if (!source) notFound();
  const revisions = await listRevisions('source', source.id);
  return (
    <>
      <p className="muted">
        <Link href="/admin/sources">Sources</Link> › Edit
      </p>
      <h1>Edit source</h1>
      <div aria-live="polite" role="status" className="form-message-region">
        {saved === '1' && (
          <p className="form-message form-message--success" data-testid="saved-notice">
            Saved.
          </p>
        )}
      </div>
      {/* A new version remounts the forms, so they start from what is now saved. */}
      <SourceForm
        action={saveSourceAction}
        key={`source-${source.version}`}
        source={{
          ...source,
          publisher: source.publisher ?? '',
          publishedOn: source.publishedOn ?? '',
          url: source.url ?? '',
          archiveUrl: source.archiveUrl ?? '',
        }}
      />
      {source.availability !== 'removed' && (
        <ActionButtonForm
          key={`mark-removed-${source.version}`}
          action={markSourceRemovedAction}
          fields={{ id: source.id, version: source.version }}
          className="delete-form"
          note="Sets its availability to “removed” and keeps everything else; add an archive URL above if a copy is known."
        >
          Mark as removed
        </ActionButtonForm>
      )}
      <ActionButtonForm action={deleteSourceAction} fields={{ id: source.id, version: source.version }} tone="danger" className="delete-form" note="It goes to the trash, from where it can be restored.">
        Delete this source
      </ActionButtonForm>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <RevisionList revisions={revisions} labels={SOURCE_FIELD_LABELS} />
      </section>
    </>
  );
}
