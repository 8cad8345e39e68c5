import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POLICY_PAGE_SIZE, type PolicyIndexQuery } from '@/lib/index-queries';
import { listPolicyIndex } from '@/lib/policies';
import { applyDocument, documentOf, eventInput, sourceInput, uniquePrefix } from '@/tests/integration/factories';

// The database is shared with other files: every policy here has its events in jurisdictions of its own.
const P = uniquePrefix('pidx');
const s = (name: string) => `${P}-${name}`;
const SOURCE = s('src');
const code = () => `Z${'QWXY'[randomBytes(1)[0] % 4]}-${randomBytes(3).toString('hex').slice(0, 3).toUpperCase()}`;
const J = code();
const CROWD = code();
const TITLE = `Model review order ${P}`;

const query = (fields: Partial<PolicyIndexQuery>): PolicyIndexQuery => ({ status: null, jurisdiction: J, page: 1, ...fields });
const event = (slug: string, date: string, policy: string, type: string, fields = {}) =>
  eventInput(s(slug), date, SOURCE, { policy: s(policy), type: type as 'announced', jurisdiction: J, ...fields });

beforeAll(async () => {
  await applyDocument(
    documentOf({
      sources: [sourceInput(SOURCE)],
      policies: [
        { slug: s('a'), title: TITLE, summary: 'Postponed.' },
        { slug: s('b'), title: TITLE, summary: 'Proposed earlier.' },
        { slug: s('c'), title: TITLE, summary: 'Same first year as a, more places.' },
        { slug: s('d'), title: TITLE, summary: 'Same place and first year as a.' },
        { slug: s('talk'), title: `Only talk ${P}`, summary: 'Commentary only.' },
        { slug: s('gone'), title: `Deleted ${P}`, summary: 'A deleted policy.' },
        ...Array.from({ length: POLICY_PAGE_SIZE + 2 }, (_, index) => ({ slug: s(`crowd-${index}`), title: `Crowd ${P} ${String(index).padStart(2, '0')}`, summary: 'One of many.' })),
      ],
      events: [
        event('a-statement', '2026-06', 'a', 'statement', { title: 'Reaction' }),
        event('a-drafted', '2025-03', 'a', 'drafted', { title: 'Drafted' }),
        event('a-postponed', '2026-05-21', 'a', 'postponed', { title: 'Signing postponed' }),
        event('a-deleted', '2027-01-01', 'a', 'revoked'),
        event('b-proposed', '2024', 'b', 'proposed'),
        event('c-signed', '2025-07-02', 'c', 'signed'),
        event('c-signed-elsewhere', '2025-08-02', 'c', 'enacted', { jurisdiction: 'ZZ-ELS' }),
        event('d-drafted', '2025-11', 'd', 'drafted'),
        event('talk-statement', '2026-02-01', 'talk', 'statement'),
        event('gone-signed', '2026-02-01', 'gone', 'signed'),
        ...Array.from({ length: POLICY_PAGE_SIZE + 2 }, (_, index) => event(`crowd-${index}`, '2023-01-01', `crowd-${index}`, 'announced', { jurisdiction: CROWD })),
      ],
    }),
  );
  await db.event.update({ where: { slug: s('a-deleted') }, data: { deletedAt: new Date() } });
  await db.policy.update({ where: { slug: s('gone') }, data: { deletedAt: new Date() } });
});

describe('listPolicyIndex', () => {
  it('gives each policy its status, jurisdictions, first and latest live events and count, by title', async () => {
    const index = await listPolicyIndex(query({}));
    expect(index.total).toBe(5);
    expect(index.policies.map((policy) => policy.slug)).toEqual([s('b'), s('a'), s('c'), s('d'), s('talk')]);
    const a = index.policies.find((policy) => policy.slug === s('a'))!;
    expect(a).toMatchObject({
      status: { type: 'postponed', label: 'Postponed' },
      jurisdictions: [J],
      eventCount: 3,
      first: { slug: s('a-drafted'), date: '2025-03', title: 'Drafted' },
      latest: { slug: s('a-statement'), date: '2026-06', title: 'Reaction' },
    });
    const c = index.policies.find((policy) => policy.slug === s('c'))!;
    expect(c.jurisdictions).toEqual([J, 'ZZ-ELS'].sort());
    expect(c.status).toEqual({ type: 'enacted', label: 'Enacted' });
    expect(index.policies.find((policy) => policy.slug === s('talk'))!.status).toBeNull();
  });

  it('tells colliding titles apart by jurisdiction and first year, and by slug where those collide too', async () => {
    const index = await listPolicyIndex(query({}));
    const distinction = Object.fromEntries(index.policies.map((policy) => [policy.slug, policy.distinction]));
    expect(distinction[s('b')]).toBe(`${J}, from 2024`);
    // a and d share the place and the first year: only their slugs differ. c has events elsewhere too.
    expect(distinction[s('a')]).toBe(s('a'));
    expect(distinction[s('d')]).toBe(s('d'));
    expect(distinction[s('c')]).toBe(`${[J, 'ZZ-ELS'].sort().join(', ')}, from 2025`);
    expect(distinction[s('talk')]).toBeNull();
  });

  it('filters by status, by "no status yet" and by jurisdiction, in the database', async () => {
    expect((await listPolicyIndex(query({ status: 'postponed' }))).policies.map((policy) => policy.slug)).toEqual([s('a')]);
    expect((await listPolicyIndex(query({ status: 'none' }))).policies.map((policy) => policy.slug)).toEqual([s('talk')]);
    expect((await listPolicyIndex(query({ jurisdiction: 'ZZ-ELS', status: 'enacted' }))).policies.map((policy) => policy.slug)).toContain(s('c'));
    expect((await listPolicyIndex(query({ status: 'revoked' }))).policies).toEqual([]);
  });

  it('offers every status and jurisdiction with its number of live policies', async () => {
    const index = await listPolicyIndex(query({}));
    expect(index.jurisdictions).toContainEqual({ value: J, count: 5 });
    expect(index.jurisdictions).toContainEqual({ value: CROWD, count: POLICY_PAGE_SIZE + 2 });
    expect(index.statuses.map((status) => status.value)).toEqual(expect.arrayContaining(['postponed', 'enacted', 'proposed', 'none']));
    expect(index.statuses.every((status) => status.count > 0)).toBe(true);
  });

  it('pages by POLICY_PAGE_SIZE', async () => {
    const first = await listPolicyIndex(query({ jurisdiction: CROWD }));
    expect(first.total).toBe(POLICY_PAGE_SIZE + 2);
    expect(first.pageCount).toBe(2);
    expect(first.policies).toHaveLength(POLICY_PAGE_SIZE);
    const second = await listPolicyIndex(query({ jurisdiction: CROWD, page: 2 }));
    expect(second.policies.map((policy) => policy.slug)).toEqual([s(`crowd-${POLICY_PAGE_SIZE}`), s(`crowd-${POLICY_PAGE_SIZE + 1}`)]);
    expect((await listPolicyIndex(query({ jurisdiction: CROWD, page: 3 }))).policies).toEqual([]);
  });

  it('shows an edit at the next read (cached per data version)', async () => {
    expect((await listPolicyIndex(query({ status: 'none' }))).total).toBe(1);
    await applyDocument(
      documentOf({
        sources: [sourceInput(SOURCE)],
        policies: [{ slug: s('talk'), title: `Only talk ${P}`, summary: 'Commentary only.' }],
        events: [event('talk-signed', '2026-03-01', 'talk', 'signed')],
      }),
    );
    expect((await listPolicyIndex(query({ status: 'none' }))).total).toBe(0);
    expect((await listPolicyIndex(query({ status: 'signed' }))).policies.map((policy) => policy.slug)).toEqual([s('talk')]);
  });
});
