import type { Metadata } from 'next';
import Link from 'next/link';
import { listPolicies } from '@/lib/policies';

export const metadata: Metadata = { title: 'Policies' };
// Read from the database on every request, never at build time.
export const dynamic = 'force-dynamic';

export default async function PoliciesPage() {
  const policies = await listPolicies();
  return (
    <>
      <h1>Policies</h1>
      <p className="lede">Each policy is an instrument — an order, a law, an agency programme — followed from draft to outcome.</p>
      {policies.length === 0 ? (
        <p className="notice" role="status">
          No policies are recorded yet.
        </p>
      ) : (
        <ul className="plain-list">
          {policies.map((policy) => (
            <li key={policy.slug}>
              <Link href={`/policies/${policy.slug}`}>{policy.title}</Link>{' '}
              <span className="muted">
                · {policy.eventCount} {policy.eventCount === 1 ? 'event' : 'events'}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
