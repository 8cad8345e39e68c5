import { inject } from 'vitest';
import { assertTestDatabase } from './test-database';

// Runs before each test file imports lib/db, so the shared client opens the test database.
const url = inject('databaseUrl');
assertTestDatabase(url);
process.env.DATABASE_URL = url;
