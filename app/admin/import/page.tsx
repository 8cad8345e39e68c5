import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { canImportData } from '@/lib/roles';
import { requirePageUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Import · Admin' };

export default async function AdminImportPage() {
  await requirePageUser(canImportData, '/admin/import');
  return (
    <>
      <h1>Import a dataset</h1>
      <p className="lede">
        The whole file is checked first: if any part of it is wrong, every problem is listed with where it is in the file, and
        nothing is written. A valid file is written in one go, and every record it creates or changes gets a revision in your name.
      </p>
      <ImportForm />
      <h2>Export</h2>
      <p>
        <a href="/api/export?download=1" download>
          Download the whole dataset
        </a>{' '}
        in the same format (<code>policy-timeline/v1</code>).
      </p>
    </>
  );
}
