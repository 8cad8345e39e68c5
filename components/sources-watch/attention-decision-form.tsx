'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';
import type { SourceAttentionFormValues } from '@/lib/validation/source';

type DecideAction = (previous: FormState<SourceAttentionFormValues>, formData: FormData) => Promise<FormState<SourceAttentionFormValues>>;

/**
 * The one form of a finding: confirm it, dismiss it, or draft an event about
 * it (a link to the new-event form, filled in, to review and publish there).
 * Plain buttons of one form, so it works without JavaScript.
 */
export function AttentionDecisionForm({
  action,
  sourceId,
  version,
  confirmLabel,
  dismissLabel,
  draftHref,
  title,
}: {
  action: DecideAction;
  sourceId: string;
  version: number;
  confirmLabel: string;
  dismissLabel: string;
  draftHref: string | null;
  title: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<SourceAttentionFormValues>, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction} className="attention__decision" aria-label={`Decide about ${title}`}>
      <FormMessage state={state} />
      <input type="hidden" name="sourceId" value={sourceId} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" name="decision" value="confirm" className="button" disabled={pending}>
        {confirmLabel}
      </button>{' '}
      <button type="submit" name="decision" value="dismiss" className="button button--secondary" disabled={pending}>
        {dismissLabel}
      </button>
      {draftHref && (
        <>
          {' '}
          <Link href={draftHref} className="button button--secondary">
            Draft an event
          </Link>
        </>
      )}
    </form>
  );
}
