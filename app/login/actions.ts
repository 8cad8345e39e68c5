'use server';

import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { fieldErrors, formString, type FormState } from '@/lib/forms';
import { safeReturnPath } from '@/lib/return-path';
import { signIn, signInSchema } from '@/lib/sign-in';

export type SignInValues = { email: string; next: string };

export async function signInAction(_previous: FormState<SignInValues>, formData: FormData): Promise<FormState<SignInValues>> {
  const values = { email: formString(formData, 'email'), next: safeReturnPath(formString(formData, 'next')) };
  const parsed = signInSchema.safeParse({ email: values.email, password: formString(formData, 'password') });
  if (!parsed.success) return { status: 'error', errors: fieldErrors(parsed.error), message: 'Check the fields marked below.', values };

  const result = await signIn(parsed.data, await headers());
  if (!result.ok) return { status: 'error', message: result.message, values };
  const { name, value, options } = result.deviceCookie;
  (await cookies()).set(name, value, options);
  redirect(values.next);
}
