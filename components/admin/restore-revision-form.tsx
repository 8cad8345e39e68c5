'use client';

import { useActionState } from 'react';
import { restoreEventRevisionAction } from '@/app/admin/events/actions';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';

/** Brings the event back to this revision; restoring is itself recorded as a new revision. */
export function RestoreRevisionForm({ revisionId, version }: { revisionId: number; version: number }) {
  const [state, formAction, pending] = useActionState<FormState<null>, FormData>(restoreEventRevisionAction, { status: 'idle' });
  return (
    <form action={formAction} className="restore-form">
      <input type="hidden" name="revision" value={revisionId} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Restore version {version}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
