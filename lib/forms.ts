import type { z } from 'zod';
import { AppError, type FieldChangeSummary } from '@/lib/errors';

/**
 * What a server action returns to its form: field errors keyed by the field's
 * name, a message for the whole form, and the values the editor typed so that
 * nothing is lost when the form is shown again.
 */
export interface FormState<Values = Record<string, unknown>> {
  status: 'idle' | 'error' | 'success';
  message?: string;
  errors?: Record<string, string>;
  values?: Values;
  /** Where a successful action sends the editor (the saved item). */
  redirectTo?: string;
  /** Set when someone else saved the record first: what they changed, and the version to save over. */
  conflict?: { version: number; changedMeanwhile: FieldChangeSummary[] };
}

/**
 * What a form shows again after a failed save: every field its schema reads,
 * as the text that was typed. Derived from the schema so the two cannot drift.
 */
export type FormValuesOf<Schema extends z.ZodType> = { [Field in keyof z.input<Schema>]-?: string };

export const INVALID_FORM_MESSAGE = 'Nothing was saved: correct the fields marked below.';

export const idleState = <Values>(values?: Values): FormState<Values> => ({ status: 'idle', values });

/** zod issues → one message per field, keyed like the form's field names ("actors.0.role"). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Maps a typed domain error to the form's message; anything else is rethrown (a real 500). */
export function errorState<Values>(error: unknown, values?: Values): FormState<Values> {
  if (error instanceof AppError) {
    const conflict = error.conflict ? { version: error.conflict.version, changedMeanwhile: error.conflict.changedMeanwhile } : undefined;
    return { status: 'error', message: error.message, values, errors: error.fieldErrors, conflict };
  }
  throw error;
}

/** A text field of a submitted form; '' when it is missing, a file, or the caller sent no form at all. */
export function formString(formData: unknown, name: string): string {
  if (!(formData instanceof FormData)) return '';
  const value = formData.get(name);
  return typeof value === 'string' ? value : '';
}
