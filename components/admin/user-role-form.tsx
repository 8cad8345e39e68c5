'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/admin/form-types';
import { UserRoleSelect } from '@/components/admin/user-role-select';
import { FormMessage } from '@/components/forms/form-message';
import type { FormState } from '@/lib/forms';
import type { AccountSummary } from '@/lib/admin/users';
import type { RoleChangeFormValues } from '@/lib/validation/user';

export function UserRoleForm({ action, account }: { action: FormAction<FormState<RoleChangeFormValues>>; account: Pick<AccountSummary, 'id' | 'email' | 'role'> }) {
  const [state, formAction, pending] = useActionState<FormState<RoleChangeFormValues>, FormData>(action, { status: 'idle' });
  const selectId = `role-${account.id}`;
  return (
    <form action={formAction}>
      <input type="hidden" name="userId" value={account.id} />
      <label htmlFor={selectId} className="visually-hidden">
        Role of {account.email}
      </label>
      <UserRoleSelect id={selectId} defaultValue={account.role ?? undefined} />{' '}
      <button type="submit" className="button button--secondary" disabled={pending}>
        Change role
      </button>
      <FormMessage state={state} />
    </form>
  );
}
