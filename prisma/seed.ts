import { db } from '@/lib/db';
import { describeReport, seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';

// Loads prisma/data/default-dataset.json; safe to run any number of times.
async function main() {
  const report = await seedDefaultDataset(db, COMMAND_LINE_AUTHOR);
  console.log(`Default dataset applied — ${describeReport(report)}`);
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
