import { z } from 'zod';
import type { FormValuesOf } from '@/lib/forms';
import { LIMITS, optionalSlugSchema, textSchema } from '@/lib/fields';
import { actorKindSchema } from '@/lib/vocabulary';

/** Aliases as typed in one textarea: one per line (or comma-separated), trimmed, de-duplicated. */
export const aliasListSchema = z
  .string()
  .transform((text) => [...new Set(text.split(/[\n,]/).map((alias) => alias.trim()).filter(Boolean))])
  .pipe(
    z
      .array(textSchema('An alias', LIMITS.alias))
      .max(LIMITS.listItems, `At most ${LIMITS.listItems} aliases`),
  );

/** An actor as the admin form (or the event form's inline "new actor") submits it. */
export const actorInputSchema = z.object({
  slug: optionalSlugSchema,
  name: textSchema('A name', LIMITS.name),
  kind: actorKindSchema,
  /** The parent actor's slug, or empty for none. */
  parent: optionalSlugSchema,
  aliases: aliasListSchema,
});
export type ActorInput = z.infer<typeof actorInputSchema>;
export type ActorFormValues = FormValuesOf<typeof actorInputSchema>;
