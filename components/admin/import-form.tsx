'use client';

import { useState, type FormEvent } from 'react';
import { ImportResult } from '@/components/admin/import-result';
import { TextField } from '@/components/forms/text-field';
import { MAX_IMPORT_BYTES, MAX_IMPORT_LABEL, NO_FILE_MESSAGE, tooLargeMessage, type ImportState } from '@/lib/dataset/import-state';
import { postImport, type ImportProgress } from '@/lib/dataset/import-stream';

const FILE_HINT = `A policy-timeline/v1 JSON document, at most ${MAX_IMPORT_LABEL}. Records are matched by slug (sources by id): new ones are created, changed ones updated, the rest left as they are.`;

function progressLabel(progress: ImportProgress | null): string {
  if (!progress || progress.total === 0) return 'Uploading and checking the file…';
  const percent = Math.floor((progress.done / progress.total) * 100);
  return `Writing records: ${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')} (${percent}%)`;
}

/** Why the chosen file is not sent, or null; checked here too, so that a file over the limit never leaves the browser. */
function refusalOf(file: FormDataEntryValue | null): string | null {
  if (!(file instanceof File) || file.name === '') return NO_FILE_MESSAGE;
  if (file.size > MAX_IMPORT_BYTES) return tooLargeMessage(file.size);
  return null;
}

/**
 * Without JavaScript the form posts the file to `action` (POST /api/import),
 * which redirects back to the page with the result as `initialState`; with it,
 * the file is sent by fetch and the route streams progress while the records
 * are written.
 */
export function ImportForm({ action, initialState }: { action: string; initialState: ImportState }) {
  const [streamedState, setStreamedState] = useState<ImportState | null>(null);
  const [pending, setStreaming] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const state = streamedState ?? initialState;

  async function streamImport(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const formData = new FormData(event.currentTarget);
    const refusal = refusalOf(formData.get('file'));
    if (refusal) {
      setStreamedState({ status: 'error', message: refusal });
      return;
    }
    setStreamedState({ status: 'idle' });
    setProgress(null);
    setStreaming(true);
    try {
      setStreamedState(await postImport(formData, setProgress));
    } finally {
      setStreaming(false);
    }
  }

  return (
    <form action={action} method="post" encType="multipart/form-data" onSubmit={streamImport} className="form" noValidate aria-busy={pending}>
      <TextField name="file" label="Dataset file" type="file" accept="application/json,.json" hint={FILE_HINT} required />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Importing…' : 'Import'}
        </button>
      </div>
      {pending && (
        <div className="field import-progress" data-testid="import-progress">
          <label htmlFor="import-progress">{progressLabel(progress)}</label>
          <progress id="import-progress" max={progress?.total || undefined} value={progress?.total ? progress.done : undefined} />
        </div>
      )}
      <ImportResult state={pending ? { status: 'idle' } : state} />
    </form>
  );
}
