'use server';

import { deleteEvent, newRowKey, restoreEventRevision, saveEvent } from '@/lib/admin/events';
import { runFormAction } from '@/lib/admin/form-action';
import { versionField } from '@/lib/admin/versioning';
import { formatEdtf, parseEdtf } from '@/lib/dates';
import { formDataToObject } from '@/lib/form-data';
import { fieldErrors, formString, INVALID_FORM_MESSAGE, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';
import { applyRowIntent, eventFormSchema, eventFormValuesFrom, type EventFormValues } from '@/lib/validation/event';

export type EventFormState = FormState<EventFormValues> & { datePreview?: string };

/** How a date will read on the site, or why it is not valid. */
export async function previewDate(edtf: string): Promise<string> {
  const text = edtf.trim();
  if (!text) return '';
  const parsed = parseEdtf(text.slice(0, 100));
  return parsed.ok ? `Will read: ${formatEdtf(parsed.date.edtf)}` : parsed.error;
}

export async function saveEventAction(_previous: EventFormState, formData: FormData): Promise<EventFormState> {
  const raw = formDataToObject(formData);
  const values = eventFormValuesFrom(raw);
  const id = formString(formData, 'id');
  const intent = formString(formData, 'intent') || 'save';
  const datePreview = await previewDate(values.date);
  const state = await runFormAction<EventFormValues>(values, canEditContent, async (editor) => {
    if (intent !== 'save') return { status: 'idle', values: applyRowIntent(values, intent, newRowKey) };
    const parsed = eventFormSchema.safeParse(raw);
    if (!parsed.success) return { status: 'error', message: INVALID_FORM_MESSAGE, errors: fieldErrors(parsed.error), values };
    const version = id ? versionField(formData.get('version')) : null;
    const { slug } = await saveEvent(id || null, parsed.data, version, editor);
    return { status: 'success', values, redirectTo: `/events/${slug}` };
  });
  return { ...state, datePreview };
}

export async function deleteEventAction(_previous: FormState<EventFormValues>, formData: FormData): Promise<FormState<EventFormValues>> {
  return runFormAction<EventFormValues>(eventFormValuesFrom({}), canEditContent, async (editor) => {
    const { slug } = await deleteEvent(formString(formData, 'id'), versionField(formData.get('version')), editor);
    return { status: 'success', redirectTo: `/admin/trash?deleted=${encodeURIComponent(`event:${slug}`)}` };
  });
}

export async function restoreEventRevisionAction(_previous: FormState<null>, formData: FormData): Promise<FormState<null>> {
  return runFormAction<null>(null, canEditContent, async (editor) => {
    const { slug } = await restoreEventRevision(Number(formString(formData, 'revision')), editor);
    return { status: 'success', redirectTo: `/events/${slug}/history?restored=1` };
  });
}
