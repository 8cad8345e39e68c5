/**
 * Validation stops at this many problems: enough to correct a file by, and a
 * bounded answer and bounded work however broken the file is. (Counting every
 * problem of 100,000 empty events took 15 s and gave 700,000 of them.) A plain
 * value in its own module, so the browser can show it without the validator.
 */
export const MAX_REPORTED_PROBLEMS = 100;
