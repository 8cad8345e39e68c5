import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';

/**
 * scripts/load-fault.ts at a small size, against the production build: two
 * server processes on one database, readers and writers on both, during an
 * import through the API and one on the command line.
 */

// Beside the browser tests' own servers (E2E_PORT, and E2E_PORT + 1 for the 10,000-event one), on two ports after them.
const port = Number(process.env.E2E_PORT ?? 3100) + 2;

test('two processes under load, during imports, answer no 5xx, lose no acknowledged save and race to the conflict notice', () => {
  test.setTimeout(20 * 60_000);
  const run = spawnSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'scripts/load-fault.ts', '--events', '60', '--readers', '2', '--writers', '2', '--port', String(port)],
    { encoding: 'utf8', timeout: 19 * 60_000, env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CHECKPOINT_DISABLE: '1' } },
  );
  const line = run.stdout.split('\n').find((text) => text.startsWith('RESULT '));
  expect(line, `${run.stdout}\n${run.stderr}`).toBeDefined();
  const result = JSON.parse(line!.slice('RESULT '.length)) as {
    serverErrors: number;
    acknowledged: number;
    lost: number;
    imports: string[];
    events: number;
    importRevisions: number;
    integrity: string;
    races: { rounds: number; won: number; conflicts: number };
  };
  expect(result.serverErrors, run.stdout).toBe(0);
  expect(result.lost, run.stdout).toBe(0);
  expect(result.acknowledged).toBeGreaterThan(0);
  expect(result.imports).toEqual(['ok', 'ok']);
  expect(result.events).toBe(60);
  expect(result.importRevisions).toBe(120); // created by one import, updated by the other

  expect(result.integrity).toBe('ok');
  expect(result.races.conflicts).toBeGreaterThan(0);
  expect(run.status).toBe(0);
});
