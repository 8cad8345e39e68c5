'use server';

import { runFormAction } from '@/lib/admin/form-action';
import { changeRole, setDisabled } from '@/lib/admin/users';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { canManageUsers } from '@/lib/roles';
import { createAccount } from '@/lib/users';
import {
  accountStatusSchema,
  newUserSchema,
  roleChangeSchema,
  type AccountStatusFormValues,
  type NewUserFormValues,
  type RoleChangeFormValues,
} from '@/lib/validation/user';

const usersPage = (query: string, email: string) => `/admin/users?${query}=${encodeURIComponent(email)}`;

export async function createUserAction(_previous: FormState<NewUserFormValues>, formData: FormData): Promise<FormState<NewUserFormValues>> {
  return runFormAction({
    allowed: canManageUsers,
    formData,
    read: () => ({ email: formString(formData, 'email'), name: formString(formData, 'name'), role: formString(formData, 'role') }),
    work: async (_admin, values) => {
      const parsed = newUserSchema.safeParse({ ...values, password: formString(formData, 'password') });
      if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values };
      const account = await createAccount(parsed.data);
      return { status: 'success', values, redirectTo: usersPage('created', account.email) };
    },
    duplicates: { email: 'An account with this email address was just created; it already exists' },
  });
}

export async function changeRoleAction(_previous: FormState<RoleChangeFormValues>, formData: FormData): Promise<FormState<RoleChangeFormValues>> {
  return runFormAction({
    allowed: canManageUsers,
    formData,
    read: () => ({ userId: formString(formData, 'userId'), role: formString(formData, 'role') }),
    work: async (admin, values) => {
      const parsed = roleChangeSchema.safeParse(values);
      if (!parsed.success) return { status: 'error', message: Object.values(fieldErrors(parsed.error)).join('. '), values };
      const account = await changeRole(admin, parsed.data.userId, parsed.data.role);
      return { status: 'success', values, redirectTo: usersPage('updated', account.email) };
    },
  });
}

export async function setAccountDisabledAction(
  _previous: FormState<AccountStatusFormValues>,
  formData: FormData,
): Promise<FormState<AccountStatusFormValues>> {
  return runFormAction({
    allowed: canManageUsers,
    formData,
    read: () => ({ userId: formString(formData, 'userId'), disabled: formString(formData, 'disabled') }),
    work: async (admin, values) => {
      const parsed = accountStatusSchema.safeParse(values);
      if (!parsed.success) return { status: 'error', message: Object.values(fieldErrors(parsed.error)).join('. '), values };
      const account = await setDisabled(admin, parsed.data.userId, parsed.data.disabled);
      return { status: 'success', values, redirectTo: usersPage('updated', account.email) };
    },
  });
}
