import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '@/lib/auth-limits';

// zxcvbn estimates how many guesses a password takes, with dictionaries of common passwords, names and words.
const strength = new ZxcvbnFactory({
  dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
  graphs: zxcvbnCommon.adjacencyGraphs,
  translations: zxcvbnEn.translations,
});

/** 3 of 4: "safely unguessable: moderate protection from offline slow-hash scenario". */
const MIN_SCORE = 3;

/** Why a password is too weak, or null when it is strong enough. */
export function passwordWeakness(password: string, context: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `A password is at most ${MAX_PASSWORD_LENGTH} characters`;
  const result = strength.check(password, context);
  if (result.score >= MIN_SCORE) return null;
  const reason = result.feedback.warning ? ` (${result.feedback.warning.replace(/\.$/, '').toLowerCase()})` : '';
  return `This password is too easy to guess${reason}. Use a longer one, such as several unrelated words`;
}

export const passwordSchema = z.string().superRefine((password, context) => {
  const weakness = passwordWeakness(password);
  if (weakness) context.addIssue({ code: 'custom', message: weakness });
});
