import { randomUUID } from 'node:crypto';
import { auth } from '@/lib/auth';
import type { FormState } from '@/lib/forms';
import type { Role, SessionUser } from '@/lib/roles';
import { createAccount } from '@/lib/users';
import { NavigationSignal, requestContext } from './next-mocks';

export const TEST_PASSWORD = 'lantern-quietly-orbit-47';

/** Makes an account and signs it in for real; later actions run with its session cookie. */
export async function signInAs(role: Role, name = `${role} ${randomUUID().slice(0, 6)}`): Promise<SessionUser> {
  const email = `${randomUUID()}@example.test`;
  const created = await createAccount({ email, name, password: TEST_PASSWORD, role });
  const response = await auth.api.signInEmail({ body: { email, password: TEST_PASSWORD }, asResponse: true });
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  requestContext.headers = new Headers({ cookie, 'x-forwarded-for': '127.0.0.1' });
  return { id: created.id, name, email, role };
}

export function signOut(): void {
  requestContext.headers = new Headers();
}

export function formDataOf(fields: Record<string, string | number | undefined>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) formData.append(key, String(value));
  return formData;
}

/** Runs a server action; a redirect becomes `{ redirectedTo }`, any other outcome the returned state. */
export async function submit<Values>(
  action: (previous: FormState<Values>, formData: FormData) => Promise<FormState<Values>>,
  fields: Record<string, string | number | undefined>,
): Promise<FormState<Values> & { redirectedTo?: string }> {
  try {
    return await action({ status: 'idle' }, formDataOf(fields));
  } catch (error) {
    if (error instanceof NavigationSignal && error.kind === 'redirect') return { status: 'success', redirectedTo: error.url };
    throw error;
  }
}
