import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { PrismaClient } from '@/lib/db';
import { applyDataset, type ApplyReport } from '@/lib/dataset/apply';
import { describeProblem, validateDataset } from '@/lib/dataset/validate';
import type { Author } from '@/lib/revisions';

export const DEFAULT_DATASET_PATH = path.join(process.cwd(), 'prisma', 'data', 'default-dataset.json');

/**
 * Loads the shipped dataset through the same validation import uses; refuses to
 * write an invalid one. The seed and `db:prepare` pass COMMAND_LINE_AUTHOR.
 */
export async function seedDefaultDataset(client: PrismaClient, author: Author, file: string = DEFAULT_DATASET_PATH): Promise<ApplyReport> {
  const document: unknown = JSON.parse(await readFile(file, 'utf8'));
  const validation = validateDataset(document);
  if (!validation.ok) {
    throw new Error(`${file} is not a valid dataset:\n  ${validation.problems.map(describeProblem).join('\n  ')}`);
  }
  return applyDataset(client, validation.dataset, { author });
}

export function describeReport(report: ApplyReport): string {
  return Object.entries(report)
    .map(([collection, counts]) => `${collection}: ${counts.created} created, ${counts.updated} updated, ${counts.unchanged} unchanged`)
    .join('; ');
}
