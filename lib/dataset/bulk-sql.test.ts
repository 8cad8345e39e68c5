import { describe, expect, it } from 'vitest';
import { newRecordId } from '@/lib/dataset/bulk-sql';

describe('newRecordId', () => {
  it('makes distinct ids shaped as the cuids Prisma makes (25 lower-case letters and digits, starting with c)', () => {
    const ids = Array.from({ length: 50_000 }, newRecordId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 1_000)) expect(id).toMatch(/^c[a-z0-9]{24}$/);
  });
});
