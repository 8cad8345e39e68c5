'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';


/** Moves a record to the trash. Reversible, so it needs no confirmation dialog (and works without JavaScript). */
export function DeleteForm<Values>({
  action,
  id,
  version,
  label,
}: {
  action: (previous: FormState<Values>, formData: FormData) => Promise<FormState<Values>>;
  id: string;
  version: number;
  label: string;
}) {
  const [state, formAction, pending] = useActionState<FormState<Values>, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction} className="delete-form">
      <FormMessage state={state} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" className="button button--danger" disabled={pending}>
        Delete {label}
      </button>{' '}
      <span className="muted">It goes to the trash, from where it can be restored.</span>
    </form>
  );
}
