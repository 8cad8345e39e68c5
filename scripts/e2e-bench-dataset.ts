/**
 * tsx scripts/e2e-bench-dataset.ts <file> [events]
 *
 * Writes the benchmark's deterministic synthetic dataset (scripts/bench-data.ts)
 * as a policy-timeline/v1 document, for the browser tests that check the
 * chronology at scale (scripts/e2e-bench-server.sh imports it).
 */
import { writeFileSync } from 'node:fs';
import { generateBenchDataset } from './bench-data';

const [file, size = '10000'] = process.argv.slice(2);
if (!file) {
  console.error('Usage: tsx scripts/e2e-bench-dataset.ts <file> [events]');
  process.exit(1);
}
writeFileSync(file, JSON.stringify(generateBenchDataset({ events: Number(size) })));
