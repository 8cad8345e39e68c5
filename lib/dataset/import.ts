import { refreshPlannerStatistics } from '@/lib/sql-dialect';
import type { PrismaClient } from '@/lib/db';
import { applyDataset, type ApplyOptions, type ApplyReport } from '@/lib/dataset/apply';
import { parseJsonBytes } from '@/lib/dataset/parse-json';
import { validateDataset, type DatasetProblem, type DatasetValidation } from '@/lib/dataset/validate';

/**
 * Import of a whole interchange document, as the command line and the admin
 * page do it: the whole document is validated first, and nothing is written
 * unless every part of it is valid.
 */

export type ImportOutcome = { ok: true; report: ApplyReport } | { ok: false; problems: DatasetProblem[]; stoppedEarly: boolean };

/** Reads a document from JSON text; text that is not JSON is one problem with the whole document. */
export function parseDatasetText(text: string): DatasetValidation {
  const parsed = parseDatasetJson(text);
  // The document was made here, so validation may replace its records by their parsed copies.
  return parsed.ok ? validateDataset(parsed.document, { consumeDocument: true }) : parsed;
}

/**
 * Only the JSON step, from text or from the file's bytes (which a large file is
 * best read as: see lib/dataset/parse-json.ts). The caller can then let the input
 * go before validating, as `validateDataset(document, { consumeDocument: true })`.
 */
export function parseDatasetJson(input: string | Uint8Array): { ok: true; document: unknown } | Extract<DatasetValidation, { ok: false }> {
  try {
    // A byte-order mark, as some editors save, is not part of the JSON.
    return { ok: true, document: typeof input === 'string' ? JSON.parse(input.replace(/^\uFEFF/, '')) : parseJsonBytes(input) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `The file is not valid JSON: ${reason}` }], stoppedEarly: false };
  }
}

export async function importDataset(client: PrismaClient, text: string, options: ApplyOptions): Promise<ImportOutcome> {
  const validation = parseDatasetText(text);
  if (!validation.ok) return validation;
  const report = await applyDataset(client, validation.dataset, options);
  await refreshPlannerStatistics(client);
  return { ok: true, report };
}
