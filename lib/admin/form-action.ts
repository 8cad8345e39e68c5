import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { databaseErrorToAppError } from '@/lib/db-errors';
import { errorState, type FormState } from '@/lib/forms';
import type { SessionUser } from '@/lib/roles';
import { requireUser } from '@/lib/session';

/**
 * The shape of every admin server action: check the session and role first (a
 * server action is a public endpoint), then do the work; typed domain errors
 * become the form's message, anything else stays a real error. A successful
 * state with `redirectTo` revalidates the site and redirects there.
 */
export async function runFormAction<Values>(
  values: Values,
  allowed: (user: SessionUser | null) => user is SessionUser,
  work: (user: SessionUser) => Promise<FormState<Values>>,
): Promise<FormState<Values>> {
  let state: FormState<Values>;
  try {
    const user = await requireUser(allowed);
    state = await work(user);
  } catch (error) {
    // A duplicate or a lock held too long is the editor's to know about, not a 500.
    return errorState(databaseErrorToAppError(error), values);
  }
  if (state.status === 'success' && state.redirectTo) {
    // Public pages show the change at once; the editor lands on the saved item.
    revalidatePath('/', 'layout');
    redirect(state.redirectTo);
  }
  return state;
}
