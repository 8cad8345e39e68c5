'use server';

import { runFormAction } from '@/lib/admin/form-action';
import { fieldErrors, formString, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';
import { resolveSourceAttention } from '@/lib/sources-watch/attention';
import { sourceAttentionDecisionSchema, type SourceAttentionFormValues } from '@/lib/validation/source';

/** Confirms or dismisses what the source watch found about one source; back to the list, saying which. */
export async function decideSourceAttentionAction(
  _previous: FormState<SourceAttentionFormValues>,
  formData: FormData,
): Promise<FormState<SourceAttentionFormValues>> {
  return runFormAction({
    allowed: canEditContent,
    formData,
    read: () => ({ sourceId: formString(formData, 'sourceId'), version: formString(formData, 'version'), decision: formString(formData, 'decision') }),
    work: async (editor, values) => {
      const parsed = sourceAttentionDecisionSchema.safeParse(values);
      if (!parsed.success) {
        const errors = fieldErrors(parsed.error);
        return { status: 'error', message: `Nothing was changed: ${Object.values(errors).join('; ')}.`, errors, values };
      }
      const { sourceId } = await resolveSourceAttention(parsed.data, editor);
      const done = parsed.data.decision === 'confirm' ? 'confirmed' : 'dismissed';
      return { status: 'success', values, redirectTo: `/admin/sources/attention?${done}=${encodeURIComponent(sourceId)}` };
    },
  });
}
