import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deletePolicyAction, savePolicyAction } from '@/app/admin/policies/actions';
import { ActionButtonForm } from '@/components/admin/action-button-form';
import { PolicyForm } from '@/components/admin/policy-form';
import { RevisionList } from '@/components/admin/revision-list';
import { getPolicyForEdit } from '@/lib/admin/policies';
import { listRevisions } from '@/lib/revisions';

export const metadata: Metadata = { title: 'Edit policy · Admin' };

export default async function EditPolicyPage({ params }: { params: Promise<{ id: string }> }) {
  const policy = await getPolicyForEdit((await params).id);
  if (!policy) notFound();
  const revisions = await listRevisions('policy', policy.id);
  return (
    <>
      <p className="muted">
        <Link href="/admin/policies">Policies</Link> › Edit
      </p>
      <h1>Edit policy</h1>
      <p>
        <Link href={`/policies/${policy.slug}`}>View the public page</Link>
      </p>
      <PolicyForm action={savePolicyAction} policy={policy} />
      <ActionButtonForm action={deletePolicyAction} fields={{ id: policy.id, version: policy.version }} tone="danger" className="delete-form" note="It goes to the trash, from where it can be restored.">
        Delete this policy
      </ActionButtonForm>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <RevisionList revisions={revisions} labels={{ slug: 'Slug', title: 'Title', summary: 'Summary' }} />
      </section>
    </>
  );
}
