import { datasetBatches, serializedDatasetPieces, type ExportSelection } from '@/lib/dataset/export';
import { db } from '@/lib/db';
import { textStream } from '@/lib/exports/body-stream';

export interface DatasetFile {
  /** policy-timeline-YYYY-MM-DD.json, dated in UTC. */
  fileName: string;
  /** The interchange document, as `npm run data:export` writes it, streamed batch by batch. */
  body: ReadableStream<Uint8Array>;
}

/** The dataset as a file to download (GET /api/export). */
export function datasetFile(selection: ExportSelection = {}, now: Date = new Date()): DatasetFile {
  return {
    fileName: `policy-timeline-${now.toISOString().slice(0, 10)}.json`,
    body: textStream(serializedDatasetPieces(datasetBatches(db, selection))),
  };
}
