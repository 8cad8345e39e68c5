import type { PrismaClient } from '@/lib/generated/prisma/client';
import { applyDataset, type ApplyOptions, type ApplyReport } from '@/lib/dataset/apply';
import { validateDataset, type DatasetProblem, type DatasetValidation } from '@/lib/dataset/validate';

/**
 * Import of a whole interchange document, as the command line and the admin
 * page do it: the whole document is validated first, and nothing is written
 * unless every part of it is valid.
 */

export type ImportOutcome = { ok: true; report: ApplyReport } | { ok: false; problems: DatasetProblem[]; stoppedEarly: boolean };

/** Reads a document from JSON text; text that is not JSON is one problem with the whole document. */
export function parseDatasetText(text: string): DatasetValidation {
  let document: unknown;
  try {
    // A byte-order mark, as some editors save, is not part of the JSON.
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: '', message: `The file is not valid JSON: ${reason}` }], stoppedEarly: false };
  }
  return validateDataset(document);
}

export async function importDataset(client: PrismaClient, text: string, options: ApplyOptions): Promise<ImportOutcome> {
  const validation = parseDatasetText(text);
  if (!validation.ok) return validation;
  return { ok: true, report: await applyDataset(client, validation.dataset, options) };
}
