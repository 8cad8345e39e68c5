'use server';

import { runFormAction } from '@/lib/admin/form-action';
import { createSource, deleteSource, markSourceRemoved, updateSource } from '@/lib/admin/sources';
import { versionField } from '@/lib/admin/versioning';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';
import { sourceInputSchema, type SourceFormValues } from '@/lib/validation/source';

function valuesOf(formData: FormData): SourceFormValues {
  return {
    id: formString(formData, 'id'),
    title: formString(formData, 'title'),
    publisher: formString(formData, 'publisher'),
    publishedOn: formString(formData, 'publishedOn'),
    url: formString(formData, 'url'),
    availability: formString(formData, 'availability'),
    archiveUrl: formString(formData, 'archiveUrl'),
  };
}

/** Sources have no public page: the editor comes back to the edit form, with a "Saved." notice. */
const savedPage = (id: string) => `/admin/sources/${encodeURIComponent(id)}/edit?saved=1`;

const SOURCE_DUPLICATES = { id: 'Another source was just saved with this id; choose another' };

export async function saveSourceAction(_previous: FormState<SourceFormValues>, formData: FormData): Promise<FormState<SourceFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const parsed = sourceInputSchema.safeParse(values);
      if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values };
      // The id is the source's key and a field of its own, so an edit is told apart from a create by the version it carries.
      const version = formData.get('version');
      const { id } =
        version === null
          ? await createSource(parsed.data, editor)
          : await updateSource(values.id.trim(), parsed.data, versionField(version), editor);
      return { status: 'success', values, redirectTo: savedPage(id) };
    },
    duplicates: SOURCE_DUPLICATES,
  });
}

export async function markSourceRemovedAction(_previous: FormState<SourceFormValues>, formData: FormData): Promise<FormState<SourceFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const { id } = await markSourceRemoved(values.id, versionField(formData.get('version')), editor);
      return { status: 'success', values, redirectTo: savedPage(id) };
    },
  });
}

export async function deleteSourceAction(_previous: FormState<SourceFormValues>, formData: FormData): Promise<FormState<SourceFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const { id } = await deleteSource(values.id, versionField(formData.get('version')), editor);
      return { status: 'success', values, redirectTo: `/admin/trash?deleted=${encodeURIComponent(`source:${id}`)}` };
    },
  });
}
