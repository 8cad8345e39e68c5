'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/admin/form-types';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';
import type { AccountSummary } from '@/lib/admin/users';
import type { AccountStatusFormValues } from '@/lib/validation/user';

/** Disables an account (its sessions end at once) or enables it again. */
export function UserStatusForm({
  action,
  account,
}: {
  action: FormAction<FormState<AccountStatusFormValues>>;
  account: Pick<AccountSummary, 'id' | 'email' | 'disabled'>;
}) {
  const [state, formAction, pending] = useActionState<FormState<AccountStatusFormValues>, FormData>(action, { status: 'idle' });
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={account.id} />
      <input type="hidden" name="disabled" value={account.disabled ? 'false' : 'true'} />
      <button
        type="submit"
        className={account.disabled ? 'button button--secondary' : 'button button--danger'}
        disabled={pending}
        aria-label={`${account.disabled ? 'Enable' : 'Disable'} ${account.email}`}
      >
        {account.disabled ? 'Enable' : 'Disable'}
      </button>
      <FormMessage state={state} />
    </form>
  );
}
