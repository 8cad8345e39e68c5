import type { ApplyCounts, ApplyReport } from '@/lib/dataset/apply';
import { MAX_REPORTED_PROBLEMS } from '@/lib/dataset/limits';
import type { DatasetProblem } from '@/lib/dataset/validate';

/**
 * What an import tells the admin page: the form's state, the size limit, and
 * the lines of a streamed import. Types and plain values only, so the browser
 * can use this module without the database code behind it.
 */

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_LABEL = '20 MB';

export const COLLECTION_LABELS: Record<keyof ApplyReport, string> = {
  topics: 'Topics',
  actors: 'Actors',
  sources: 'Sources',
  policies: 'Policies',
  events: 'Events',
};

export interface ImportState {
  status: 'idle' | 'error' | 'success';
  message?: string;
  /** The problems of an invalid document with their JSON paths: at most MAX_REPORTED_PROBLEMS. */
  problems?: DatasetProblem[];
  /** Checking stopped at MAX_REPORTED_PROBLEMS problems; the rest of the file was not checked. */
  stoppedEarly?: boolean;
  /** Created, updated and unchanged records of each collection, after a successful import. */
  report?: ApplyReport;
}

/** One line of the NDJSON that POST /api/import streams: progress, then one result. */
export type ImportStreamLine = { type: 'progress'; done: number; total: number } | { type: 'result'; state: ImportState };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** `atLeast` when the upload was stopped at the limit, so its real size is not known. */
export function tooLargeMessage(bytes: number, { atLeast = false }: { atLeast?: boolean } = {}): string {
  return (
    `This file is ${atLeast ? 'more than ' : ''}${megabytes(bytes)}; the limit here is ${MAX_IMPORT_LABEL}. ` +
    'Nothing was imported. Larger files can be imported on the command line: npm run data:import -- <file>.'
  );
}

export const NO_FILE_MESSAGE = 'Choose a JSON file to import.';

export function problemsMessage(count: number, stoppedEarly = false): string {
  if (stoppedEarly) {
    return `Nothing was imported: checking stopped at ${MAX_REPORTED_PROBLEMS} problems, and the rest of the file was not checked. Correct these and import the file again.`;
  }
  return `Nothing was imported: the file has ${count} problem${count === 1 ? '' : 's'}. Correct ${count === 1 ? 'it' : 'them'} and import the file again.`;
}

/** The line after the last problem listed when checking stopped early. */
export const STOPPED_EARLY_NOTE = `…and perhaps more: checking stopped after the first ${MAX_REPORTED_PROBLEMS} problems.`;

export function totals(report: ApplyReport): ApplyCounts {
  return Object.values(report).reduce(
    (sum, counts) => ({ created: sum.created + counts.created, updated: sum.updated + counts.updated, unchanged: sum.unchanged + counts.unchanged }),
    { created: 0, updated: 0, unchanged: 0 },
  );
}

export function importedMessage(report: ApplyReport): string {
  const { created, updated, unchanged } = totals(report);
  return `Imported: ${created} created, ${updated} updated, ${unchanged} unchanged.`;
}
