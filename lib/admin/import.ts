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
 * Imports a file uploaded on /admin/import (by the form's server action or the
 * streaming route). The caller has checked that the user may import.
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
