import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { admin } from 'better-auth/plugins';
import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth-limits';
import { db, providerOfClient } from '@/lib/db';
import { authSecret, readEnv } from '@/lib/env';

/**
 * Authentication by better-auth: password hashing (scrypt), sessions and
 * cookies are the library's. Public sign-up is closed: accounts are made by
 * `npm run user:create` or by an admin at /admin/users. Its HTTP endpoints are
 * deliberately not mounted: the app signs in and out through its own server
 * actions (lib/sign-in.ts), so no route bypasses the sign-in throttle.
 */

const accessControl = createAccessControl(defaultStatements);
const roles = {
  admin: accessControl.newRole({ ...adminAc.statements }),
  editor: accessControl.newRole({ user: [], session: [] }),
};

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH };

const env = readEnv();
// Without BETTER_AUTH_URL the site is taken to be the local server (npm run dev / npm start).
const localPort = process.env.PORT ?? '3000';
const baseURL = env.BETTER_AUTH_URL ?? `http://localhost:${localPort}`;
/** Cookies are Secure in production unless the site is known to be served over plain http. */
export const secureCookies = env.NODE_ENV === 'production' && (env.BETTER_AUTH_URL?.startsWith('https://') ?? true);

export const auth = betterAuth({
  secret: authSecret(),
  baseURL,
  trustedOrigins: env.BETTER_AUTH_URL ? [env.BETTER_AUTH_URL] : [baseURL, `http://127.0.0.1:${localPort}`],
  database: prismaAdapter(db, { provider: providerOfClient(db) }),
  emailAndPassword: {
    enabled: true,
    disableSignUp: true,
    minPasswordLength: MIN_PASSWORD_LENGTH,
    maxPasswordLength: MAX_PASSWORD_LENGTH,
  },
  session: {
    expiresIn: 60 * 60 * 24 * 7,
    updateAge: 60 * 60 * 24,
  },
  // Sign-in is throttled by lib/sign-in.ts per account, client and device; this is the library's own per-address guard on its endpoints.
  rateLimit: { enabled: true, window: 60, max: 100 },
  advanced: {
    useSecureCookies: secureCookies,
    defaultCookieAttributes: { httpOnly: true, sameSite: 'lax' },
  },
  plugins: [admin({ ac: accessControl, roles, defaultRole: 'editor', adminRoles: ['admin'] }), nextCookies()],
});
