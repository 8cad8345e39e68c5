import type { Metadata } from 'next';
import Link from 'next/link';
import { IndexPager } from '@/components/indexes/index-pager';
import { EventDate } from '@/components/timeline/event-date';
import type { SearchParams } from '@/lib/filters';
import { parsePolicyIndexQuery, policyIndexHref, type PolicyIndexQuery } from '@/lib/index-queries';
import { pageMetadata } from '@/lib/page-metadata';
import { listPolicyIndex, NO_STATUS_LABEL, type PolicyIndex } from '@/lib/policies';
import { POLICY_STATUS_BY_EVENT_TYPE } from '@/lib/vocabulary';
import '@/components/indexes/indexes.css';

// Read from the database on every request, never at build time.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

/** "Policies: Postponed, US — page 2": the title names the filtered view. */
function indexTitle(query: PolicyIndexQuery): string {
  const status = query.status === 'none' ? NO_STATUS_LABEL : query.status ? POLICY_STATUS_BY_EVENT_TYPE[query.status] : null;
  const parts = [status, query.jurisdiction].filter(Boolean);
  return `Policies${parts.length ? `: ${parts.join(', ')}` : ''}${query.page > 1 ? ` — page ${query.page}` : ''}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parsePolicyIndexQuery(await searchParams);
  return pageMetadata({
    title: indexTitle(query),
    description: 'Every AI policy instrument the timeline follows — orders, laws, agency programmes — with its current status, jurisdiction and first and latest events.',
    path: policyIndexHref(query),
  });
}

function PolicyFilters({ index }: { index: PolicyIndex }) {
  const { query } = index;
  return (
    <form className="index-filters" method="get" action="/policies" aria-label="Filter policies">
      <div className="index-filters__field">
        <label htmlFor="policy-status">Status</label>
        <select id="policy-status" name="status" defaultValue={query.status ?? ''}>
          <option value="">Any status</option>
          {index.statuses.map((status) => (
            <option key={status.value} value={status.value}>
              {status.label} ({status.count})
            </option>
          ))}
        </select>
      </div>
      <div className="index-filters__field">
        <label htmlFor="policy-jurisdiction">Jurisdiction</label>
        <select id="policy-jurisdiction" name="jurisdiction" defaultValue={query.jurisdiction ?? ''}>
          <option value="">Any jurisdiction</option>
          {index.jurisdictions.map((jurisdiction) => (
            <option key={jurisdiction.value} value={jurisdiction.value}>
              {jurisdiction.value} ({jurisdiction.count})
            </option>
          ))}
        </select>
      </div>
      <div className="index-filters__actions">
        <button type="submit" className="button">
          Show policies
        </button>
        {(query.status || query.jurisdiction) && <Link href="/policies">Clear filters</Link>}
      </div>
    </form>
  );
}

export default async function PoliciesPage({ searchParams }: Props) {
  const index = await listPolicyIndex(parsePolicyIndexQuery(await searchParams));
  const { query } = index;
  const filtered = Boolean(query.status || query.jurisdiction);
  return (
    <>
      <h1>{indexTitle({ ...query, page: 1 })}</h1>
      <p className="lede">Each policy is an instrument — an order, a law, an agency programme — followed from draft to outcome.</p>
      <PolicyFilters index={index} />
      <p className="index-summary" role="status" data-testid="policy-count">
        {index.total === 0
          ? filtered
            ? 'No policy matches these filters.'
            : 'No policies are recorded yet.'
          : `${index.total.toLocaleString('en-US')} ${index.total === 1 ? 'policy' : 'policies'}${filtered ? ' match' : ''}, by title.`}
      </p>
      {index.policies.length > 0 && (
        // Roles kept explicit: the phone layout restyles the cells as blocks, which drops a table's implicit roles.
        <table className="index-table" data-testid="policy-table" role="table">
          <caption className="visually-hidden">Policies with their status, jurisdiction and first and latest events</caption>
          <thead>
            <tr>
              <th scope="col">Policy</th>
              <th scope="col">Status</th>
              <th scope="col">Jurisdiction</th>
              <th scope="col">First event</th>
              <th scope="col">Latest event</th>
              <th scope="col" className="number">
                Events
              </th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {index.policies.map((policy) => (
              <tr key={policy.slug} role="row">
                <th scope="row" role="rowheader" className="index-table__name">
                  <Link href={`/policies/${policy.slug}`}>{policy.title}</Link>
                  {policy.distinction && <span className="index-table__distinction">{policy.distinction}</span>}
                </th>
                <td role="cell" data-label="Status">{policy.status ? <span className="status">{policy.status.label}</span> : <span className="muted">{NO_STATUS_LABEL}</span>}</td>
                <td role="cell" data-label="Jurisdiction">{policy.jurisdictions.join(', ') || <span className="muted">—</span>}</td>
                <td role="cell" data-label="First event">{policy.first ? <EventDate date={policy.first.date} className="" /> : <span className="muted">—</span>}</td>
                <td role="cell" data-label="Latest event">
                  {policy.latest ? (
                    <>
                      <EventDate date={policy.latest.date} className="" />
                      <Link className="index-table__event" href={`/events/${policy.latest.slug}`}>
                        {policy.latest.title}
                      </Link>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td role="cell" data-label="Events" className="number">
                  {policy.eventCount.toLocaleString('en-US')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <IndexPager page={query.page} pageCount={index.pageCount} hrefOf={(page) => policyIndexHref({ ...query, page })} label="Pages of policies" />
    </>
  );
}
