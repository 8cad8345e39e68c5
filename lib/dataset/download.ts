import { exportDataset, serializeDataset, type ExportSelection } from '@/lib/dataset/export';
import { db } from '@/lib/db';

export interface DatasetFile {
  /** policy-timeline-YYYY-MM-DD.json, dated in UTC. */
  fileName: string;
  /** The interchange document, as `npm run data:export` writes it. */
  body: string;
}

/** The dataset as a file to download (GET /api/export). */
export async function datasetFile(selection: ExportSelection = {}, now: Date = new Date()): Promise<DatasetFile> {
  const dataset = await exportDataset(db, selection);
  return { fileName: `policy-timeline-${now.toISOString().slice(0, 10)}.json`, body: serializeDataset(dataset) };
}
