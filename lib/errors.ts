/** Domain errors, mapped to HTTP statuses or form messages at the boundary — never by matching message text. */
export type AppErrorCode = 'NOT_FOUND' | 'CONFLICT' | 'INVALID' | 'UNAUTHORIZED' | 'FORBIDDEN' | 'BUSY';

/** What another editor changed since the form was opened, field by field. */
export interface FieldChangeSummary {
  field: string;
  before: unknown;
  after: unknown;
  by: string | null;
}

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Problems tied to one field, keyed by the field's name ("slug"). */
    readonly fieldErrors?: Record<string, string>,
    /** For CONFLICT: the record as it now stands, and its version. */
    readonly conflict?: { version: number; current: Record<string, unknown>; changedMeanwhile: FieldChangeSummary[] },
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  /** The database lock stayed taken (an import, another process) longer than a write may wait. */
  BUSY: 503,
};
