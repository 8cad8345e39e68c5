'use client';

import { useActionState } from 'react';
import { undeleteAction } from '@/app/admin/trash/actions';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';

export function UndeleteForm({ entityType, id, label }: { entityType: string; id: string; label: string }) {
  const [state, formAction, pending] = useActionState<FormState<null>, FormData>(undeleteAction, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="id" value={id} />
      <button type="submit" className="button button--secondary" disabled={pending} aria-label={`Restore ${label}`}>
        Restore
      </button>
      <FormMessage state={state} />
    </form>
  );
}
