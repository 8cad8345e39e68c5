import { randomUUID } from 'node:crypto';
import { auth } from '@/lib/auth';
import { createAccount } from '@/lib/users';

/**
 * Prints the Set-Cookie header of a real sign-in, as the process's environment
 * configures it (run with NODE_ENV=production to see the production cookie).
 */
async function main() {
  const email = `${randomUUID()}@example.test`;
  const password = 'lantern-quietly-orbit-47';
  await createAccount({ email, password, role: 'editor' });
  const response = await auth.api.signInEmail({ body: { email, password }, asResponse: true });
  console.log(JSON.stringify(response.headers.getSetCookie()));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
