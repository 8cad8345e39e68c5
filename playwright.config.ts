import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The server with 10,000 generated events (scripts/e2e-bench-server.sh), one port up.
const benchURL = `http://127.0.0.1:${port + 1}`;
// E2E_BENCH=off skips that server (and its project) when only the default data is wanted.
/**
 * E2E_DATABASE_URL=postgresql://…/timeline_test_e2e… runs the server on PostgreSQL (npm test does, after the
 * SQLite run): the public pages and the editors' specs, not the 10,000-event layout run, the load-and-fault run
 * (SQLite's locking under load, on a database of its own) or the security suite, whose checks that nothing was
 * written read the SQLite file directly; the actions they attack check the session before any database work.
 */
const postgres = /^postgres(ql)?:\/\//i.test(process.env.E2E_DATABASE_URL ?? '');
const bench = process.env.E2E_BENCH !== 'off' && !postgres;

// Playwright cannot download its browsers everywhere; a system Chromium works as well.
const executablePath = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (candidate): candidate is string => Boolean(candidate && existsSync(candidate)),
);

const chromium = {
  ...devices['Desktop Chrome'],
  launchOptions: {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL,
    // The browser sits in a zone west of UTC, the server (scripts/e2e-server.sh) east of it.
    timezoneId: 'America/Los_Angeles',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // Creates the editor, admin and lock-out accounts with `npm run user:create` and signs the
    // editor and the admin in through the login form, keeping their sessions (e2e/auth.setup.ts).
    { name: 'setup', testMatch: /auth\.setup\.ts$/, use: chromium },
    // The public pages, checked against the default dataset as loaded.
    {
      name: 'chromium',
      testIgnore: [/auth\.setup\.ts$/, /editor[^/]*\.spec\.ts$/, /security-[^/]*\.spec\.ts$/, ...(postgres ? [/load-fault\.spec\.ts$/] : [])],
      dependencies: ['setup'],
      use: chromium,
    },
    // The editors' pages. They add events, actors and policies, so they run after the public
    // tests, which count the default dataset's events (a failing public test skips them).
    { name: 'editor', testMatch: /editor[^/]*\.spec\.ts$/, dependencies: ['chromium'], use: chromium },
    // Attacks on the running server (e2e/security-*.spec.ts). They run last: the hostile-input
    // suite stores records, and a prototype-pollution probe that succeeds breaks every page
    // until the server restarts (that file's name sorts last on purpose).
    ...(postgres ? [] : [{ name: 'security', testMatch: /security-[^/]*\.spec\.ts$/, dependencies: ['editor'], use: chromium }]),
    // The chronology's layout, keyboard and accessibility checks again on 10,000 generated events.
    ...(bench ? [{ name: 'bench', testMatch: /timeline-layout\.spec\.ts$/, use: { ...chromium, baseURL: benchURL } }] : []),
  ],
  webServer: [
    {
      command: 'bash scripts/e2e-server.sh',
      url: baseURL,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
    },
    ...(bench
      ? [
          {
            command: 'bash scripts/e2e-bench-server.sh',
            url: benchURL,
            reuseExistingServer: false,
            timeout: 240_000,
            stdout: 'pipe' as const,
            env: { E2E_PORT: String(port), NEXT_TELEMETRY_DISABLED: '1' },
          },
        ]
      : []),
  ],
});
