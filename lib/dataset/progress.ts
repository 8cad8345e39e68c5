import type { ProgressListener } from '@/lib/dataset/apply';

/**
 * Passes progress on only at the start, every `stepOf(total)` records and at
 * the end, so a long import reports a few lines rather than one per record.
 */
export function throttleProgress(report: ProgressListener, stepOf: (total: number) => number): ProgressListener {
  let next = 0;
  return (done, total) => {
    if (done < next && done < total) return;
    report(done, total);
    next = done + Math.max(1, stepOf(total));
  };
}
