import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** The session cookie's attributes, as a real sign-in sets them under a given environment. */
function sessionCookie(env: Record<string, string | undefined>): string {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'tests/integration/session-cookie.ts'], {
    env: { ...process.env, CHECKPOINT_DISABLE: '1', ...env },
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  const cookies = JSON.parse(run.stdout.trim().split('\n').pop()!) as string[];
  const session = cookies.find((cookie) => /session_token=/.test(cookie));
  expect(session, 'a session cookie is set').toBeDefined();
  return session!;
}

describe('session cookies', () => {
  it('are HttpOnly and SameSite=Lax, and not Secure on a plain-http development server', () => {
    const cookie = sessionCookie({ NODE_ENV: 'development', BETTER_AUTH_URL: 'http://localhost:3000' });
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  it('are also Secure in production', () => {
    const cookie = sessionCookie({ NODE_ENV: 'production', BETTER_AUTH_URL: 'https://timeline.example.org' });
    expect(cookie).toMatch(/^__Secure-/);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
  });
});
