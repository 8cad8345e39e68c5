import { dataChanged } from '@/lib/data-version';
import { redirect } from 'next/navigation';
import { databaseErrorToAppError } from '@/lib/db-errors';
import { AppError } from '@/lib/errors';
import { errorState, type FormState } from '@/lib/forms';
import type { SessionUser } from '@/lib/roles';
import { requireUser } from '@/lib/session';

export interface FormActionSteps<Values> {
  /** Who may run the action; checked before anything of the request is read. */
  allowed: (user: SessionUser | null) => user is SessionUser;
  /**
   * What the action was called with as its form. A caller can call an action
   * with anything (a `$ACTION_ID_` post passes its form as the first argument),
   * so it is checked to be a form, after the session check, before `read`.
   */
  formData: unknown;
  /** Reads the form's values (as typed, for showing the form again). Runs only after the session check. */
  read: () => Values;
  work: (user: SessionUser, values: Values) => Promise<FormState<Values>>;
  /**
   * Messages for a unique column the save collided with (a race with another
   * editor): the column's form field gets the message instead of a 500.
   */
  duplicates?: Record<string, string>;
}

const NOT_A_FORM_MESSAGE = 'This request did not carry the form; reload the page and try again. Nothing was saved.';

/**
 * The shape of every admin server action: check the session and role first (a
 * server action is a public endpoint), then read the form and do the work;
 * typed domain errors and meaningful database errors become the form's
 * message, anything else stays a real error. A successful state with
 * `redirectTo` revalidates the site and redirects there.
 */
export async function runFormAction<Values>({ allowed, formData, read, work, duplicates }: FormActionSteps<Values>): Promise<FormState<Values>> {
  let user: SessionUser;
  try {
    user = await requireUser(allowed);
  } catch (refusal) {
    // Refused before anything was read. An editor whose session ran out keeps what they typed:
    // the form is shown again from these values (read with the same prototype-safe parser).
    return errorState(refusal, formData instanceof FormData ? readOrNothing(read) : undefined);
  }
  let state: FormState<Values>;
  let values: Values | undefined;
  try {
    if (!(formData instanceof FormData)) throw new AppError('INVALID', NOT_A_FORM_MESSAGE);
    values = read();
    try {
      state = await work(user, values);
    } catch (error) {
      dataChanged(); // it may have failed after a commit: no cached page may keep the old data
      throw error;
    }
    // What was saved shows on every public page and feed at the next request.
    if (state.status === 'success') dataChanged();
  } catch (error) {
    const mapped = databaseErrorToAppError(error, (fields) => {
      const field = fields.find((column) => duplicates?.[column]);
      return field ? { field, message: duplicates![field] } : null;
    });
    return errorState(mapped, values);
  }
  if (state.status === 'success' && state.redirectTo) {
    redirect(state.redirectTo);
  }
  return state;
}

function readOrNothing<Values>(read: () => Values): Values | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
