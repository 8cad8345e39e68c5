import type { Metadata } from 'next';
import Link from 'next/link';
import { SourceForm } from '@/components/admin/source-form';
import { saveSourceAction } from '@/app/admin/sources/actions';

export const metadata: Metadata = { title: 'New source · Admin' };

export default function NewSourcePage() {
  return (
    <>
      <p className="muted">
        <Link href="/admin/sources">Sources</Link> › New
      </p>
      <h1>New source</h1>
      <SourceForm action={saveSourceAction} />
    </>
  );
}
