import type { Metadata } from 'next';
import { ImportForm } from '@/components/admin/import-form';
import { readImportRun } from '@/lib/admin/import';
import type { ImportState } from '@/lib/dataset/import-state';
import { IMPORT_ENDPOINT } from '@/lib/dataset/import-stream';
import { canImportData } from '@/lib/roles';
import { requirePageUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Import · Admin' };

const IDLE: ImportState = { status: 'idle' };

/** `?run=` names the result of an import posted without JavaScript (POST /api/import redirects here). */
export default async function AdminImportPage({ searchParams }: { searchParams: Promise<{ run?: string | string[] }> }) {
  const admin = await requirePageUser(canImportData, '/admin/import');
  const { run } = await searchParams;
  const state = typeof run === 'string' && run.length <= 64 ? ((await readImportRun(run, admin.id)) ?? IDLE) : IDLE;
  return (
    <>
      <h1>Import a dataset</h1>
      <p className="lede">
        The whole file is checked first: if any part of it is wrong, every problem is listed with where it is in the file, and
        nothing is written. A valid file is written in one go, and every record it creates or changes gets a revision in your name.
      </p>
      <ImportForm action={IMPORT_ENDPOINT} initialState={state} />
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
