/**
 * The hostile inputs of the hostile-input suites (e2e/security-hostile-*.spec.ts).
 * `mustRefuse` marks inputs no text field may store: control characters (issue 7,
 * finding 7), values over the field's limit, and empty or blank required values.
 * Every other input may be refused with a message or stored, but when stored it
 * must come back as text, never as markup.
 */

export interface TextPayload {
  label: string;
  /** The value; `tag` makes a stored value unique (slugs are made from titles). */
  value: (tag: string) => string;
  mustRefuse: boolean;
  /** The field's own limit decides; see `overLimit`. */
  lengthDependent?: boolean;
}

export const XSS_SCRIPT = '<script>window.__xss = 1</script>';
export const XSS_IMG = '"><img src=x onerror="window.__xss = 1">';
export const JAVASCRIPT_URL = 'javascript:window.__xss=1//';
/** What no page may contain once a payload is stored: the markup of an XSS payload, unescaped. */
export const RAW_MARKUP = ['<script>window.__xss', '<img src=x onerror'] as const;

export const MEGABYTE_OF_TEXT = 'a'.repeat(1024 * 1024);

/** Text that a text field may store (as text) or refuse. */
export const TEXT_PAYLOADS: TextPayload[] = [
  { label: 'a <script> element', value: (tag) => `${XSS_SCRIPT} ${tag}`, mustRefuse: false },
  { label: 'an attribute-breaking <img onerror>', value: (tag) => `${XSS_IMG} ${tag}`, mustRefuse: false },
  { label: 'a javascript: URL', value: (tag) => `${JAVASCRIPT_URL} ${tag}`, mustRefuse: false },
  { label: 'SQL', value: (tag) => `' OR 1=1 -- ${tag}`, mustRefuse: false },
  { label: 'a path', value: (tag) => `../../etc/passwd ${tag}`, mustRefuse: false },
  { label: 'a right-to-left override', value: (tag) => `\u202Etxt.exe ${tag}`, mustRefuse: false },
  { label: 'zero-width characters', value: (tag) => `zero\u200Bwidth\uFEFF ${tag}`, mustRefuse: false },
  // A lone surrogate cannot travel in UTF-8 form data: it arrives as U+FFFD, which may be stored.
  { label: 'a lone surrogate', value: (tag) => `lone \uD800 surrogate ${tag}`, mustRefuse: false },
  { label: 'a NUL character', value: (tag) => `nul\u0000byte ${tag}`, mustRefuse: true },
  { label: 'C0 control characters', value: (tag) => `bell\u0007escape\u001b[31m ${tag}`, mustRefuse: true },
  { label: 'an empty value', value: () => '', mustRefuse: true },
  { label: 'only whitespace', value: () => ' \t \u00A0 ', mustRefuse: true },
  { label: '1 MB of text', value: () => MEGABYTE_OF_TEXT, mustRefuse: true },
];

/** One character over the field's limit. */
export const overLimit = (limit: number): TextPayload => ({
  label: `${limit + 1} characters (limit ${limit})`,
  value: () => 'x'.repeat(limit + 1),
  mustRefuse: true,
});

/** Values of a version field (the version a form was opened at); none of them is a version. */
export const BAD_VERSIONS = ['1e300', '-1', 'NaN', '0', '1.5', '', 'Infinity', '99999999999999999999', "1' OR 1=1 --"];

/** Values of a numeric id field (the revision to restore). */
export const BAD_NUMBERS = ['1e300', '-1', 'NaN', '0', 'abc', '99999999999999999999', "' OR 1=1 --", '../../etc/passwd', ''];

/** Values that go into every query parameter of every public page. */
export const QUERY_PAYLOADS: Array<{ label: string; value: string }> = [
  { label: 'a <script> element', value: XSS_SCRIPT },
  { label: 'an attribute-breaking <img onerror>', value: XSS_IMG },
  { label: 'a javascript: URL', value: JAVASCRIPT_URL },
  { label: 'a NUL character', value: 'a\u0000b' },
  { label: 'C0 control characters', value: '\u0001\u0007\u001b\u001f' },
  { label: 'a lone surrogate', value: '\uD800' },
  { label: '10,000 characters', value: 'q'.repeat(10_000) },
  { label: 'a huge number', value: '1e300' },
  { label: 'a negative number', value: '-1' },
  { label: 'NaN', value: 'NaN' },
  { label: 'a 30-digit number', value: '9'.repeat(30) },
  { label: 'SQL', value: "' OR 1=1 --" },
  { label: 'a path', value: '../../etc/passwd' },
  { label: 'a right-to-left override', value: '\u202Etxt.exe' },
  { label: 'zero-width characters', value: 'zero\u200Bwidth\uFEFF' },
  { label: 'whitespace only', value: ' \t ' },
  { label: 'an empty value', value: '' },
  { label: 'prototype names', value: '__proto__' },
];
