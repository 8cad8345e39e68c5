'use client';

import { useActionState } from 'react';
import { restoreEventRevisionAction } from '@/app/admin/events/actions';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';

/**
 * Brings the event back to this revision; restoring is itself recorded as a new
 * revision. It carries the event's version as the page showed it, so a change
 * saved meanwhile is reported instead of being reverted silently.
 */
export function RestoreRevisionForm({ revisionId, version, basedOnVersion }: { revisionId: number; version: number; basedOnVersion: number }) {
  const [state, formAction, pending] = useActionState<FormState<null>, FormData>(restoreEventRevisionAction, { status: 'idle' });
  return (
    <form action={formAction} className="restore-form">
      <input type="hidden" name="revision" value={revisionId} />
      <input type="hidden" name="version" value={basedOnVersion} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Restore version {version}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
