import { z } from 'zod';
import { passwordSchema } from '@/lib/passwords';
import { roleSchema } from '@/lib/roles';

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Enter a valid email address').max(254, 'An email address is at most 254 characters'));

/** A new account, from `npm run user:create` or the admin's form. */
export const newUserSchema = z.object({
  email: emailSchema,
  name: z.string().trim().max(120, 'A name is at most 120 characters').optional(),
  password: passwordSchema,
  role: roleSchema,
});
export type NewUserInput = z.infer<typeof newUserSchema>;
