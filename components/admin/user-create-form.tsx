'use client';

import { useActionState } from 'react';
import type { FormAction } from '@/lib/admin/form-types';
import { UserRoleSelect } from '@/components/admin/user-role-select';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import type { FormState } from '@/lib/forms';
import type { NewUserFormValues } from '@/lib/validation/user';

const ROLE_HINT = 'Editors add and correct content. Admins can also manage accounts and import data.';

/** `passwordRule` comes from the server, so the password checker's dictionaries stay out of the browser bundle. */
export function UserCreateForm({ action, passwordRule }: { action: FormAction<FormState<NewUserFormValues>>; passwordRule: string }) {
  const [state, formAction, pending] = useActionState<FormState<NewUserFormValues>, FormData>(action, {
    status: 'idle',
    values: { email: '', name: '', role: 'editor' },
  });
  const values = state.values;
  const roleError = state.errors?.role;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <TextField name="email" label="Email" type="email" autoComplete="off" defaultValue={values?.email} error={state.errors?.email} maxLength={254} required />
      <TextField
        name="name"
        label="Name"
        hint="Shown with every change this person makes. Leave empty to use the part of the email address before the @."
        defaultValue={values?.name}
        error={state.errors?.name}
        maxLength={120}
      />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" hint={passwordRule} error={state.errors?.password} required />
      <div className={roleError ? 'field field--error' : 'field'}>
        <label htmlFor="field-role">Role</label>
        <p className="field__hint" id="field-role-hint">
          {ROLE_HINT}
        </p>
        <UserRoleSelect id="field-role" defaultValue={values?.role} describedBy={roleError ? 'field-role-hint field-role-error' : 'field-role-hint'} />
        {roleError && (
          <p className="field__error" id="field-role-error">
            {roleError}
          </p>
        )}
      </div>
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Creating…' : 'Create account'}
        </button>
      </div>
    </form>
  );
}
