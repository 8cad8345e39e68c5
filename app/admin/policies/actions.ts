'use server';

import { runFormAction } from '@/lib/admin/form-action';
import { createPolicy, deletePolicy, updatePolicy } from '@/lib/admin/policies';
import { versionField } from '@/lib/admin/versioning';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';
import { policyInputSchema, type PolicyFormValues } from '@/lib/validation/policy';

function valuesOf(formData: FormData): PolicyFormValues {
  return { slug: formString(formData, 'slug'), title: formString(formData, 'title'), summary: formString(formData, 'summary') };
}

export async function savePolicyAction(_previous: FormState<PolicyFormValues>, formData: FormData): Promise<FormState<PolicyFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const parsed = policyInputSchema.safeParse(values);
      if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values };
      const id = formString(formData, 'id');
      const { slug } = id
        ? await updatePolicy(id, parsed.data, versionField(formData.get('version')), editor)
        : await createPolicy(parsed.data, editor);
      return { status: 'success', values, redirectTo: `/policies/${slug}` };
    },
    duplicates: { slug: 'Another policy was just saved with this slug; choose another' },
  });
}

export async function deletePolicyAction(_previous: FormState<PolicyFormValues>, formData: FormData): Promise<FormState<PolicyFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => valuesOf(formData),
    work: async (editor, values) => {
      const { slug } = await deletePolicy(formString(formData, 'id'), versionField(formData.get('version')), editor);
      return { status: 'success', values, redirectTo: `/admin/trash?deleted=${encodeURIComponent(`policy:${slug}`)}` };
    },
  });
}
