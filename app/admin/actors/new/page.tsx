import type { Metadata } from 'next';
import Link from 'next/link';
import { ActorForm } from '@/components/admin/actor-form';
import { listActorChoices } from '@/lib/admin/actors';
import { saveActorAction } from '@/app/admin/actors/actions';

export const metadata: Metadata = { title: 'New actor · Admin' };

export default async function NewActorPage() {
  const parentChoices = await listActorChoices();
  return (
    <>
      <p className="muted">
        <Link href="/admin/actors">Actors</Link> › New
      </p>
      <h1>New actor</h1>
      <ActorForm action={saveActorAction} parentChoices={parentChoices} />
    </>
  );
}
