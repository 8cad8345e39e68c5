import { z } from 'zod';
import { LIMITS, MULTILINE, optionalSlugSchema, textSchema } from '@/lib/fields';

/** A policy as the admin form submits it; also used by the server action. */
export const policyInputSchema = z.object({
  slug: optionalSlugSchema,
  title: textSchema('A title', LIMITS.title),
  summary: textSchema('A summary', LIMITS.summary, MULTILINE),
});
export type PolicyInput = z.infer<typeof policyInputSchema>;
export type PolicyFormValues = { slug: string; title: string; summary: string };
