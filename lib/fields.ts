import { z } from 'zod';
import { codePointLabel, forbiddenCharacterIn, normaliseLineBreaks } from '@/lib/characters';
import { parseEdtf } from '@/lib/dates';
import { MAX_SLUG_LENGTH, SLUG_PATTERN } from '@/lib/slugs';

/**
 * Field schemas shared by every input of the app (dataset import, admin forms,
 * query parameters), so one rule and one message hold everywhere.
 */

export const LIMITS = {
  title: 200,
  name: 160,
  summary: 4000,
  quote: 2000,
  publisher: 160,
  url: 2048,
  alias: 120,
  listItems: 50,
} as const;

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'A slug is required')
  .max(MAX_SLUG_LENGTH, `A slug is at most ${MAX_SLUG_LENGTH} characters`)
  .regex(SLUG_PATTERN, 'A slug uses only lower-case letters, digits and single hyphens (e.g. "signing-postponed")');

/** A slug an editor may leave empty, to have one made from the title. */
export const optionalSlugSchema = z
  .string()
  .trim()
  .transform((value) => value.toLowerCase())
  .pipe(z.union([z.literal(''), slugSchema]))
  .transform((value) => (value === '' ? null : value));

/** Source ids follow the same rule as slugs: they appear in URLs and files. */
export const sourceIdSchema = slugSchema;

export interface TextRule {
  /** Summaries and quotes: tabs and line breaks are kept (CRLF stored as LF). */
  multiline?: boolean;
}

/**
 * Refuses control characters and lone surrogates, naming the field: they break
 * the feed and the calendar for every subscriber, and the database driver
 * cannot store a lone surrogate at all.
 */
export function refuseForbiddenCharacters(label: string, { multiline = false }: TextRule = {}) {
  return (value: string, context: z.RefinementCtx) => {
    const problem = forbiddenCharacterIn(value, { multiline });
    if (!problem) return;
    const found = codePointLabel(problem.character);
    context.addIssue({
      code: 'custom',
      message:
        problem.kind === 'control'
          ? `${label} cannot contain control characters (found ${found})`
          : `${label} cannot contain half of a character pair (found a lone ${found})`,
    });
  };
}

export const MULTILINE: TextRule = { multiline: true };

export function textSchema(label: string, max: number, rule: TextRule = {}) {
  const base = rule.multiline ? z.string().overwrite(normaliseLineBreaks) : z.string();
  return base
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} is at most ${max} characters`)
    .superRefine(refuseForbiddenCharacters(label, rule));
}

export const edtfSchema = z.string().transform((value, context) => {
  const result = parseEdtf(value);
  if (!result.ok) {
    context.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.date.edtf;
});

/** An absolute http(s) URL; anything else (javascript:, data:, relative paths) is refused. */
export const httpUrlSchema = z
  .string()
  .trim()
  .max(LIMITS.url, `A URL is at most ${LIMITS.url} characters`)
  .superRefine(refuseForbiddenCharacters('A URL'))
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
    } catch {
      return false;
    }
  }, 'A URL must be an absolute http:// or https:// address');

/**
 * A jurisdiction code: an ISO 3166-1 alpha-2 country ("US"), optionally with a
 * subdivision ("US-CA"), "EU" for the European Union, or "INTL" for
 * international bodies.
 */
export const jurisdictionSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(
    /^(?:[A-Z]{2}(?:-[A-Z0-9]{1,3})?|INTL)$/,
    'A jurisdiction is a country code such as "US", a subdivision such as "US-CA", "EU" or "INTL"',
  );
