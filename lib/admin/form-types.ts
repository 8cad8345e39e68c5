import type { FormState } from '@/lib/forms';

/**
 * A server action as a form calls it through useActionState. Admin forms take
 * their action as a prop of this type (the page passes the route's action), so
 * a form component imports no route and can be rendered with any action.
 */
export type FormAction<State = FormState<unknown>> = (previous: State, formData: FormData) => Promise<State>;

/** The id of a form control from its name ("actors[0].role" → "field-actors-0--role"), shared by fields, error links and focus. */
export const fieldId = (name: string): string => `field-${name.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

/** The form field an error key names ("actors.0.role" → "actors[0].role"). */
export const fieldNameOfErrorKey = (key: string): string => key.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
