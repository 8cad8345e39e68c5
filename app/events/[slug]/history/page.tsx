import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreRevisionForm } from '@/components/admin/restore-revision-form';
import { RevisionList } from '@/components/admin/revision-list';
import { getEventHistory } from '@/lib/history';
import { canEditContent } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { isSlug } from '@/lib/slugs';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ restored?: string }> };

const LABELS: Record<string, string> = {
  slug: 'Slug',
  title: 'Title',
  summary: 'Summary',
  date: 'Date (EDTF)',
  type: 'Type',
  jurisdiction: 'Jurisdiction',
  policy: 'Policy',
  topics: 'Topics',
  actors: 'Actors and roles',
  citations: 'Citations',
  relations: 'Related events',
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: `History of ${slug}` };
}

export default async function EventHistoryPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const history = isSlug(slug) ? await getEventHistory(slug) : null;
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
        labels={LABELS}
        renderActions={(revision, isLatest) =>
          editor && !isLatest && revision.after && revision.action !== 'delete' ? (
            <RestoreRevisionForm revisionId={revision.id} version={revision.version} basedOnVersion={history.version} />
          ) : null
        }
      />
    </>
  );
}
