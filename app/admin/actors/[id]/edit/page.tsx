import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { deleteActorAction, saveActorAction } from '@/app/admin/actors/actions';
import { ActorForm } from '@/components/admin/actor-form';
import { ActionButtonForm } from '@/components/admin/action-button-form';
import { ACTOR_FIELD_LABELS } from '@/components/admin/field-labels';
import { RevisionList } from '@/components/admin/revision-list';
import { getActorForEdit, listActorChoices } from '@/lib/admin/actors';
import { listRevisions } from '@/lib/revisions';

export const metadata: Metadata = { title: 'Edit actor · Admin' };

export default async function EditActorPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await getActorForEdit((await params).id);
  if (!actor) notFound();
  const [choices, revisions] = await Promise.all([listActorChoices(), listRevisions('actor', actor.id)]);
  return (
    <>
      <p className="muted">
        <Link href="/admin/actors">Actors</Link> › Edit
      </p>
      <h1>Edit actor</h1>
      <p>
        <Link href={`/actors/${actor.slug}`}>View the public page</Link>
      </p>
      <ActorForm
        action={saveActorAction}
        key={actor.version}
        actor={{ ...actor, parent: actor.parent ?? '', aliases: actor.aliases.join('\n') }}
        parentChoices={choices.filter((choice) => choice.slug !== actor.slug)}
      />
      <ActionButtonForm action={deleteActorAction} fields={{ id: actor.id, version: actor.version }} tone="danger" className="delete-form" note="It goes to the trash, from where it can be restored.">
        Delete this actor
      </ActionButtonForm>
      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        <RevisionList revisions={revisions} labels={ACTOR_FIELD_LABELS} />
      </section>
    </>
  );
}
