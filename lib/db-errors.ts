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

/**
 * The cause of a driver adapter's error that reached us unwrapped: inside an
 * interactive transaction Prisma passes the adapter's DriverAdapterError on as it is.
 */
function rawDriverCause(error: unknown): DriverCause | undefined {
  if (!(error instanceof Error) || error.name !== 'DriverAdapterError') return undefined;
  const cause = (error as Error & { cause?: unknown }).cause;
  return typeof cause === 'object' && cause !== null ? (cause as DriverCause) : undefined;
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
 * write waits for it (lib/db.ts LOCK_WAIT_MS): SQLite's busy codes;
 * PostgreSQL's lock_timeout (55P03), and the deadlock (40P01) and
 * serialization (40001) failures after which the same save may simply be sent
 * again; and Prisma's P2028 for a transaction that could not start (or finish)
 * in its time.
 */
export function isBusyError(error: unknown): boolean {
  const code = error instanceof Prisma.PrismaClientKnownRequestError ? driverCause(error)?.originalCode : rawDriverCause(error)?.originalCode;
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2028') return true;
  return code !== undefined && BUSY_CODES.has(code);
}

const BUSY_CODES = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED', '55P03', '40P01', '40001']);

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
