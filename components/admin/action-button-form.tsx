'use client';

import { useActionState } from 'react';
import { FormMessage } from '@/components/forms/form-message';
import type { FormAction } from '@/lib/admin/form-types';
import type { FormState } from '@/lib/forms';

interface ActionButtonFormProps<Values> {
  action: FormAction<FormState<Values>>;
  /** What the action needs to know, posted as hidden fields (the record's id and version, a revision number…). */
  fields: Record<string, string | number>;
  children: string;
  /** The button's name for assistive technology when its text alone is ambiguous in a list ("Restore" → "Restore the event X"). */
  accessibleLabel?: string;
  tone?: 'danger' | 'secondary';
  /** A sentence beside the button: what the click does, and how to undo it. */
  note?: string;
  className?: string;
}

/**
 * A form of one button that runs one action on one record: delete, restore
 * from the trash, mark a source removed, restore a revision. Each is
 * reversible, so none asks for confirmation, and each works without JavaScript.
 */
export function ActionButtonForm<Values>({ action, fields, children, accessibleLabel, tone = 'secondary', note, className }: ActionButtonFormProps<Values>) {
  const [state, formAction, pending] = useActionState<FormState<Values>, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction} className={className ?? 'action-button-form'}>
      <FormMessage state={state} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={tone === 'danger' ? 'button button--danger' : 'button button--secondary'} disabled={pending} aria-label={accessibleLabel}>
        {children}
      </button>
      {note && (
        <>
          {' '}
          <span className="muted">{note}</span>
        </>
      )}
    </form>
  );
}
