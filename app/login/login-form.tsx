'use client';

import { useActionState } from 'react';
import { signInAction, type SignInValues } from '@/app/login/actions';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import type { FormState } from '@/lib/forms';

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<FormState<SignInValues>, FormData>(signInAction, {
    status: 'idle',
    values: { email: '', next },
  });
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="next" value={state.values?.next ?? next} />
      <TextField name="email" label="Email" type="email" autoComplete="username" defaultValue={state.values?.email} error={state.errors?.email} required />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" error={state.errors?.password} required />
      <button type="submit" className="button" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
