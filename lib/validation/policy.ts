import { z } from 'zod';
import type { FormValuesOf } from '@/lib/forms';
import { LIMITS, MULTILINE, optionalSlugSchema, textSchema } from '@/lib/fields';

/** A policy as the admin form submits it; also used by the server action. */
export const policyInputSchema = z.object({
  slug: optionalSlugSchema,
  title: textSchema('A title', LIMITS.title),
  summary: textSchema('A summary', LIMITS.summary, MULTILINE),
});
export type PolicyInput = z.infer<typeof policyInputSchema>;
export type PolicyFormValues = FormValuesOf<typeof policyInputSchema>;
