import { AppError } from '@/lib/errors';
import { Prisma } from '@/lib/db';

/**
 * Database errors, mapped once (dub's lib/api/errors.ts): a Prisma error code
 * becomes a typed AppError at this one boundary, so a race between two editors
 * never reaches anyone as a 500 and nothing matches error strings.
 */

export const BUSY_MESSAGE =
  'The database is busy (an import may be running). Nothing was saved: your changes are kept below; try again in a moment.';

interface DriverCause {
  originalCode?: string;
  kind?: string;
  constraint?: { fields?: string[] };
}

function driverCause(error: Prisma.PrismaClientKnownRequestError): DriverCause | undefined {
  const meta = error.meta as { driverAdapterError?: { cause?: DriverCause } } | undefined;
  return meta?.driverAdapterError?.cause;
}

/** The columns of the unique constraint a write collided with, or null for any other error. */
export function uniqueViolationFields(error: unknown): string[] | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== 'P2002') return null;
  const fromAdapter = driverCause(error)?.constraint?.fields;
  const fromMeta = (error.meta as { target?: unknown } | undefined)?.target;
  if (fromAdapter) return fromAdapter;
  return Array.isArray(fromMeta) ? fromMeta.map(String) : [];
}

/**
 * The write lock stayed taken (an import, another process) for longer than a
 * write waits for it (lib/db.ts LOCK_WAIT_MS): SQLite's busy codes, and
 * Prisma's P2028 for a transaction that could not start (or finish) in its time.
 */
export function isBusyError(error: unknown): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  if (error.code === 'P2028') return true;
  const code = driverCause(error)?.originalCode;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

export function isNotFoundError(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

/**
 * What a failed write means to the person who made it. `describeDuplicate`
 * names the form field a unique column belongs to and says what to do; without
 * it a duplicate is a form-level conflict. Errors that are not the database's
 * to explain are returned unchanged (a real 500).
 */
export function databaseErrorToAppError(
  error: unknown,
  describeDuplicate?: (fields: string[]) => { field: string; message: string } | null,
): unknown {
  if (error instanceof AppError) return error;
  const duplicate = uniqueViolationFields(error);
  if (duplicate) {
    const described = describeDuplicate?.(duplicate) ?? null;
    const message = described?.message ?? 'Someone saved the same record at the same moment. Nothing was saved; reload and try again.';
    return new AppError('CONFLICT', described ? 'Nothing was saved: correct the fields marked below.' : message, described ? { [described.field]: message } : undefined);
  }
  if (isBusyError(error)) return new AppError('BUSY', BUSY_MESSAGE);
  if (isNotFoundError(error)) return new AppError('NOT_FOUND', 'This record no longer exists; it may have been deleted meanwhile.');
  return error;
}
