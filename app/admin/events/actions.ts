'use server';

import { deleteEvent, newRowKey, restoreEventRevision, saveEvent } from '@/lib/admin/events';
import { runFormAction } from '@/lib/admin/form-action';
import { versionField } from '@/lib/admin/versioning';
import { formDataToObject } from '@/lib/form-data';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { previewDateInput } from '@/lib/natural-date';
import { canEditContent } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { applyRowIntent, rowIntentFocus, eventFormSchema, eventFormValuesFrom, type EventFormState, type EventFormValues } from '@/lib/validation/event';

const EVENT_DUPLICATES = { slug: 'Another event was just saved with this slug; choose another' };

/** How a date will read on the site, or why it is not valid: for editors only, like every action. */
export async function previewDate(edtf: unknown): Promise<string> {
  if (!canEditContent(await getCurrentUser())) return '';
  return previewDateInput(edtf);
}

export async function saveEventAction(_previous: EventFormState, formData: FormData): Promise<EventFormState> {
  let raw: Record<string, unknown> = {};
  let focus: string | undefined;
  const state = await runFormAction<EventFormValues>({
    allowed: canEditContent,
    formData,
    read: () => {
      raw = formDataToObject(formData);
      return eventFormValuesFrom(raw);
    },
    work: async (editor, values) => {
      const intent = formString(formData, 'intent') || 'save';
      if (intent !== 'save') {
        const next = applyRowIntent(values, intent, newRowKey);
        focus = rowIntentFocus(next, intent);
        return { status: 'idle', values: next };
      }
      const parsed = eventFormSchema.safeParse(raw);
      if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values };
      const id = formString(formData, 'id');
      const version = id ? versionField(formData.get('version')) : null;
      const { slug } = await saveEvent(id || null, parsed.data, version, editor);
      return { status: 'success', values, redirectTo: `/events/${slug}` };
    },
    duplicates: EVENT_DUPLICATES,
  });
  return { ...state, focus, datePreview: state.values ? previewDateInput(state.values.date) : undefined };
}

export async function deleteEventAction(_previous: FormState<EventFormValues>, formData: FormData): Promise<FormState<EventFormValues>> {
  return runFormAction<EventFormValues>({
    allowed: canEditContent,
    formData,
    read: () => eventFormValuesFrom({}),
    work: async (editor) => {
      const { slug } = await deleteEvent(formString(formData, 'id'), versionField(formData.get('version')), editor);
      return { status: 'success', redirectTo: `/admin/trash?deleted=${encodeURIComponent(`event:${slug}`)}` };
    },
  });
}

/** Restores a revision over the version the history page showed; a change made since is a conflict, not overwritten. */
export async function restoreEventRevisionAction(_previous: FormState<null>, formData: FormData): Promise<FormState<null>> {
  return runFormAction<null>({
    allowed: canEditContent,
    formData,
    read: () => null,
    work: async (editor) => {
      const revision = Number(formString(formData, 'revision'));
      const { slug } = await restoreEventRevision(revision, versionField(formData.get('version')), editor);
      return { status: 'success', redirectTo: `/events/${slug}/history?restored=1` };
    },
  });
}
