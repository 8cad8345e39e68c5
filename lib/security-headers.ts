import type { Env } from '@/lib/env';

/**
 * Who may put a page in a frame. Only the embed (/embed, see proxy.ts) asks
 * for 'anywhere' and gets `frame-ancestors *` without X-Frame-Options.
 */
export type Framing = 'nowhere' | 'anywhere';

/**
 * Only the embed (app/embed/route.ts) may be framed, by any site — that is
 * what it is for; every other page refuses framing (clickjacking).
 */
export function framingFor(pathname: string): Framing {
  return pathname === '/embed' ? 'anywhere' : 'nowhere';
}

export interface SecurityHeaderOptions {
  /** A fresh random value per request; Next stamps it on the scripts it emits. */
  nonce: string;
  /** `next dev`: React's dev tooling needs eval and the overlay inline styles; the production build never does. */
  development: boolean;
  /** The site is served over https in production: HSTS and upgrade-insecure-requests. */
  https: boolean;
  framing: Framing;
}

/** Features the site never uses, switched off for it and for anything it could embed. */
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** One year; a browser that saw the site over https then refuses plain http to it. */
const HSTS = 'max-age=31536000; includeSubDomains';

/** 16 random bytes, base64: unguessable, and valid in a CSP source expression. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS only makes sense where the site really is https, and only for the production server. */
export function servesHttps(env: Pick<Env, 'NODE_ENV' | 'BETTER_AUTH_URL'>): boolean {
  return env.NODE_ENV === 'production' && Boolean(env.BETTER_AUTH_URL?.startsWith('https://'));
}

/**
 * The Content-Security-Policy: scripts only from this site and only those Next
 * marks with the request's nonce ('strict-dynamic' lets them load their chunks).
 * Style elements need the nonce too; style attributes are allowed because
 * recharts renders them on the server (an attribute cannot run script).
 */
export function contentSecurityPolicy({ nonce, development, https, framing }: SecurityHeaderOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // The development overlay injects style elements of its own (Next's documented development policy).
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${framing === 'anywhere' ? '*' : "'none'"}`,
  ];
  if (https) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** Every security header of a page response, the CSP included. */
export function securityHeaders(options: SecurityHeaderOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
  };
  if (options.framing === 'nowhere') headers['X-Frame-Options'] = 'DENY';
  if (options.https) headers['Strict-Transport-Security'] = HSTS;
  return headers;
}
