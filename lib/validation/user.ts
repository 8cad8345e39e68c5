import { z } from 'zod';
import type { FormValuesOf } from '@/lib/forms';
import { MIN_PASSWORD_LENGTH } from '@/lib/auth-limits';
import { refuseForbiddenCharacters } from '@/lib/fields';
import { passwordSchema } from '@/lib/passwords';
import { roleSchema } from '@/lib/roles';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address').max(254, 'An email address is at most 254 characters'));

/** The password rule as people read it; passwordSchema enforces it. */
export const PASSWORD_RULE = `At least ${MIN_PASSWORD_LENGTH} characters and hard to guess: it is checked against common passwords, names, words and keyboard patterns. Several unrelated words work well.`;

/** A new account, from `npm run user:create` or the admin's form. */
export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120, 'A name is at most 120 characters').superRefine(refuseForbiddenCharacters('A name')).optional(),
  password: passwordSchema,
  role: roleSchema,
});
export type NewUserInput = z.infer<typeof newUserSchema>;
/** What the create form shows again after an error: never the password. */
export type NewUserFormValues = Omit<FormValuesOf<typeof newUserSchema>, 'password'>;

const userIdSchema = z.string().trim().min(1, 'Choose an account').max(100, 'Choose an account');

/** An admin's change to an account's role. */
export const roleChangeSchema = z.object({ userId: userIdSchema, role: roleSchema });
export type RoleChangeFormValues = FormValuesOf<typeof roleChangeSchema>;

/** An admin disabling (`"true"`) or enabling (`"false"`) an account. */
export const accountStatusSchema = z.object({
  userId: userIdSchema,
  disabled: z.enum(['true', 'false'], { error: 'Choose whether to disable or enable the account' }).transform((value) => value === 'true'),
});
export type AccountStatusFormValues = FormValuesOf<typeof accountStatusSchema>;
