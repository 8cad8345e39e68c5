/**
 * tsx tests/source-fixtures-serve.ts [port]
 *
 * Serves the source-check fixtures (tests/source-fixtures.ts) until stopped, to
 * try `npm run sources:check` by hand. POST /__state?changing=rewritten or
 * ?comeback=back switches the pages that change.
 */
import { startSourceFixtures } from './source-fixtures';

const port = Number(process.argv[2] ?? 3214);
void startSourceFixtures(port).then((fixtures) => console.log(`Source fixtures at ${fixtures.origin} (archive API ${fixtures.availabilityUrl})`));
