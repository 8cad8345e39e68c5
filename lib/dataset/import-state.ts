import type { ApplyCounts, ApplyReport } from '@/lib/dataset/apply';
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
  /** Every problem of an invalid document, with its JSON path. */
  problems?: DatasetProblem[];
  /** Created, updated and unchanged records of each collection, after a successful import. */
  report?: ApplyReport;
}

/** One line of the NDJSON that POST /api/import streams: progress, then one result. */
export type ImportStreamLine = { type: 'progress'; done: number; total: number } | { type: 'result'; state: ImportState };

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

export function tooLargeMessage(bytes: number): string {
  return (
    `This file is ${megabytes(bytes)}; the limit here is ${MAX_IMPORT_LABEL}. ` +
    'Nothing was imported. Larger files can be imported on the command line: npm run data:import -- <file>.'
  );
}

export const NO_FILE_MESSAGE = 'Choose a JSON file to import.';

export function problemsMessage(count: number): string {
  return `Nothing was imported: the file has ${count} problem${count === 1 ? '' : 's'}. Correct ${count === 1 ? 'it' : 'them'} and import the file again.`;
}

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
