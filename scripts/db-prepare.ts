import { db } from '@/lib/db';
import { describeReport, seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { databaseUrl, describeDatabase } from '@/lib/env';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { refreshSearchText } from '@/lib/search';
import { ensureMigrated } from '@/scripts/migrate-database';

/**
 * Runs before `npm run dev` and `npm start`: creates the database when it is
 * missing, applies any migrations it is behind on, and loads the default
 * dataset into an empty database. A database that already holds events is
 * never re-seeded, so editors' changes are kept.
 */
async function main() {
  const url = databaseUrl();
  // Prisma's CLI starts only when a migration is missing, so an up-to-date database adds no start-up time.
  const { applied } = await ensureMigrated(url, db);
  console.log(`Database ${describeDatabase(url)}: ${applied ? 'migrations applied' : 'schema up to date'}.`);

  // Databases from before text search (or its word-separated form) get their search text built once.
  const unindexed = await db.event.findMany({ where: { NOT: { searchText: { startsWith: ' ' } } }, select: { id: true } });
  if (unindexed.length > 0) {
    await db.$transaction((tx) => refreshSearchText(tx, unindexed.map((event) => event.id)), { timeout: 10 * 60_000 });
    console.log(`Built the search text of ${unindexed.length} events.`);
  }

  if ((await db.event.count()) === 0 && (await db.actor.count()) === 0) {
    const report = await seedDefaultDataset(db, COMMAND_LINE_AUTHOR);
    console.log(`Empty database: loaded the default dataset — ${describeReport(report)}`);
  }
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
