import type { ProgressListener } from '@/lib/dataset/apply';
import { importDataset } from '@/lib/dataset/import';
import {
  importedMessage,
  MAX_IMPORT_BYTES,
  NO_FILE_MESSAGE,
  problemsMessage,
  tooLargeMessage,
  type ImportState,
} from '@/lib/dataset/import-state';
import { db } from '@/lib/db';
import type { Author } from '@/lib/revisions';

/**
 * Imports a file uploaded on /admin/import (POST /api/import, with or without
 * JavaScript). The caller has checked that the user may import.
 */
export async function importUploadedFile(file: FormDataEntryValue | null, author: Author, onProgress?: ProgressListener): Promise<ImportState> {
  // A form submitted without a file still sends an empty, nameless file.
  if (!(file instanceof File) || (file.size === 0 && file.name === '')) return { status: 'error', message: NO_FILE_MESSAGE };
  if (file.size > MAX_IMPORT_BYTES) return { status: 'error', message: tooLargeMessage(file.size) };
  const outcome = await importDataset(db, await file.text(), { author, onProgress });
  if (!outcome.ok) {
    const { problems, stoppedEarly } = outcome;
    return { status: 'error', message: problemsMessage(problems.length, stoppedEarly), problems, ...(stoppedEarly ? { stoppedEarly } : {}) };
  }
  return { status: 'success', message: importedMessage(outcome.report), report: outcome.report };
}

/** Results of imports posted without JavaScript are kept a day, long enough to be shown after the redirect. */
const IMPORT_RUN_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Keeps an import's outcome for the page the form post is redirected to. It
 * lives in the database, so any server process can show it.
 */
export async function saveImportRun(userId: string, state: ImportState): Promise<string> {
  await db.importRun.deleteMany({ where: { createdAt: { lt: new Date(Date.now() - IMPORT_RUN_KEPT_MS) } } });
  const run = await db.importRun.create({ data: { userId, state: JSON.stringify(state) }, select: { id: true } });
  return run.id;
}

/** The outcome of one of this admin's imports, or null for another admin's run or an unknown id. */
export async function readImportRun(id: string, userId: string): Promise<ImportState | null> {
  const run = await db.importRun.findFirst({ where: { id, userId }, select: { state: true } });
  // The state was written by saveImportRun from an ImportState.
  return run ? (JSON.parse(run.state) as ImportState) : null;
}
