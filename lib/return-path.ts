/**
 * Where to go after signing in. The value comes from the address bar (`?next=`)
 * or a form field, so it is hostile until proven to be a path on this site.
 */

export const DEFAULT_RETURN_PATH = '/admin';
export const MAX_RETURN_PATH_LENGTH = 500;

/**
 * Any origin works as the base as long as it is only compared with itself: a
 * value that resolves to another origin is refused, whatever the site's address.
 */
const SITE = new URL('http://site.invalid');

// C0 controls, DEL and C1 controls: URL parsers strip tabs and newlines and trim the rest,
// so `/\t/evil.example` reaches the browser as `//evil.example`.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

function looksLikeAPath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && !path.includes('\\') && !CONTROL_CHARACTER.test(path);
}

function decoded(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

/**
 * The path, query and fragment of `value` as the URL parser normalised them, when
 * `value` is a path on this site; otherwise the dashboard. The raw value, its
 * decoded form and the normalised path are all checked, so neither an encoded
 * control character (`/%09/evil.example`), nor a dot segment that collapses into
 * `//` (`/.//evil.example`), nor an encoded slash (`/%2F%2Fevil.example`) leads
 * off the site. The raw string is never returned.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_RETURN_PATH_LENGTH || !looksLikeAPath(value)) return DEFAULT_RETURN_PATH;
  const decodedValue = decoded(value);
  if (decodedValue === null || !looksLikeAPath(decodedValue)) return DEFAULT_RETURN_PATH;

  let url: URL;
  try {
    url = new URL(value, SITE);
  } catch {
    return DEFAULT_RETURN_PATH;
  }
  if (url.origin !== SITE.origin) return DEFAULT_RETURN_PATH;
  const decodedPath = decoded(url.pathname);
  if (decodedPath === null || !looksLikeAPath(url.pathname) || !looksLikeAPath(decodedPath)) return DEFAULT_RETURN_PATH;

  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.length > MAX_RETURN_PATH_LENGTH ? DEFAULT_RETURN_PATH : path;
}
