import { z } from 'zod';
import type { FormValuesOf } from '@/lib/forms';
import { edtfSchema, httpUrlSchema, LIMITS, optionalSlugSchema, textSchema } from '@/lib/fields';
import { availabilitySchema } from '@/lib/vocabulary';

/** An optional text field: empty means null, anything else must pass `schema`. */
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(schema.nullable());

/** A source as the admin form (or the event form's inline "new source") submits it. */
export const sourceInputSchema = z
  .object({
    /** The stable id; empty makes one from the publisher and title. */
    id: optionalSlugSchema,
    title: textSchema('A title', LIMITS.title),
    publisher: optional(textSchema('A publisher', LIMITS.publisher)),
    publishedOn: optional(edtfSchema),
    url: optional(httpUrlSchema),
    availability: availabilitySchema,
    archiveUrl: optional(httpUrlSchema),
  })
  .refine((source) => source.archiveUrl === null || source.archiveUrl !== source.url, {
    path: ['archiveUrl'],
    message: 'The archive URL should point at an archived copy, not at the original address',
  });
export type SourceInput = z.infer<typeof sourceInputSchema>;
export type SourceFormValues = FormValuesOf<typeof sourceInputSchema>;

/** An editor's answer to what the source watch found (/admin/sources/attention). */
export const sourceAttentionDecisionSchema = z.object({
  sourceId: z.string().trim().min(1, 'Which source this is about is missing; reload the page').max(LIMITS.title),
  version: z.coerce.number().int('Reload the page: this form is missing its version').min(1).max(2 ** 31 - 1),
  decision: z.enum(['confirm', 'dismiss'], 'Choose Confirm or Dismiss'),
});
export type SourceAttentionDecision = z.infer<typeof sourceAttentionDecisionSchema>;
export type SourceAttentionFormValues = FormValuesOf<typeof sourceAttentionDecisionSchema>;
