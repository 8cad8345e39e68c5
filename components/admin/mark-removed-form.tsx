'use client';

import { useActionState } from 'react';
import { markSourceRemovedAction } from '@/app/admin/sources/actions';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';
import type { SourceFormValues } from '@/lib/validation/source';

/** One click for the common case: the publisher took the source down. Everything else about it is kept. */
export function MarkRemovedForm({ id, version }: { id: string; version: number }) {
  const [state, formAction, pending] = useActionState<FormState<SourceFormValues>, FormData>(markSourceRemovedAction, { status: 'idle' });
  return (
    <form action={formAction} className="delete-form">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="button button--secondary" disabled={pending}>
        Mark as removed
      </button>{' '}
      <span className="muted">Sets its availability to “removed” and keeps everything else; add an archive URL above if a copy is known.</span>
    </form>
  );
}
