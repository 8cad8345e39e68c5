'use server';

import type { z } from 'zod';
import { createActor, deleteActor, updateActor } from '@/lib/admin/actors';
import { runFormAction } from '@/lib/admin/form-action';
import { versionField } from '@/lib/admin/versioning';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';
import { actorInputSchema, type ActorFormValues } from '@/lib/validation/actor';

function valuesOf(formData: FormData): ActorFormValues {
  return {
    slug: formString(formData, 'slug'),
    name: formString(formData, 'name'),
    kind: formString(formData, 'kind'),
    parent: formString(formData, 'parent'),
    aliases: formString(formData, 'aliases'),
  };
}

/** The aliases are one textarea: a problem with any single alias ("aliases.3") is shown on it. */
function formFieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, message] of Object.entries(fieldErrors(error))) errors[key.split('.')[0]] ??= message;
  return errors;
}

export async function saveActorAction(_previous: FormState<ActorFormValues>, formData: FormData): Promise<FormState<ActorFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const parsed = actorInputSchema.safeParse(values);
      if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: formFieldErrors(parsed.error), values };
      const id = formString(formData, 'id');
      const { slug } = id
        ? await updateActor(id, parsed.data, versionField(formData.get('version')), editor)
        : await createActor(parsed.data, editor);
      return { status: 'success', values, redirectTo: `/actors/${slug}` };
    },
    duplicates: { slug: 'Another actor was just saved with this slug; choose another' },
  });
}

export async function deleteActorAction(_previous: FormState<ActorFormValues>, formData: FormData): Promise<FormState<ActorFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const { slug } = await deleteActor(formString(formData, 'id'), versionField(formData.get('version')), editor);
      return { status: 'success', values, redirectTo: `/admin/trash?deleted=${encodeURIComponent(`actor:${slug}`)}` };
    },
  });
}
