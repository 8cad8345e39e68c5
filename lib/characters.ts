/**
 * Characters that text must not carry: the C0 controls and DEL, which XML 1.0
 * and iCalendar forbid and no one types on purpose, and lone UTF-16 surrogates
 * (half of a character pair), which are no character at all — the database
 * driver refuses them and no encoding can write them.
 */

const CONTROL = /[\u0000-\u001F\u007F]/;
const CONTROL_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** What XML 1.0 and iCalendar cannot hold; line breaks and tabs are kept, the writers escape them. */
const UNWRITABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** "U+0000", as a message names a character that cannot be shown. */
export const codePointLabel = (character: string) => `U+${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

export type CharacterProblem = { kind: 'control' | 'surrogate'; character: string };

/**
 * The first character `text` may not hold, or null. Multi-line text (summaries,
 * quotes) may hold tabs and line feeds; carriage returns must have been
 * normalised away first (see normaliseLineBreaks).
 */
export function forbiddenCharacterIn(text: string, { multiline = false }: { multiline?: boolean } = {}): CharacterProblem | null {
  const control = (multiline ? CONTROL_BUT_TAB_AND_NEWLINE : CONTROL).exec(text);
  if (control) return { kind: 'control', character: control[0] };
  const surrogate = LONE_SURROGATE.exec(text);
  return surrogate ? { kind: 'surrogate', character: surrogate[0] } : null;
}

/** CRLF and lone CR, as browsers and Windows editors send them, become LF. */
export const normaliseLineBreaks = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * `text` without what XML 1.0 or iCalendar cannot hold. The writers of
 * lib/exports pass their whole output through it, so a record stored before
 * the field rules refused these characters cannot break a subscriber's feed.
 */
export const withoutUnwritableCharacters = (text: string) => text.replace(UNWRITABLE, '');

/** Text from a query parameter, where a control character is dropped rather than refused. */
export const withoutControlCharacters = (text: string) => withoutUnwritableCharacters(text).replace(/[\t\n\r]/g, ' ');
