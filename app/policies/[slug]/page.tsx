import { cache } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { EventDate } from '@/components/timeline/event-date';
import { EmbedSnippet } from '@/components/timeline/embed-snippet';
import { Notices } from '@/components/timeline/notices';
import { TimelineView } from '@/components/timeline/timeline-view';
import { viewTitle } from '@/lib/exports/view-title';
import { EMPTY_FILTER, parseTimelineQuery, type SearchParams } from '@/lib/filters';
import { pageMetadata } from '@/lib/page-metadata';
import { getPolicyBySlug } from '@/lib/policies';
import { isSlug } from '@/lib/slugs';
import { timelineView } from '@/lib/timeline';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

// Shared by generateMetadata and the page within one request.
const loadPolicy = cache(async (slug: string) => (isSlug(slug) ? getPolicyBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const policy = await loadPolicy((await params).slug);
  if (!policy) return { title: 'Policy not found' };
  const status = policy.status ? `${policy.status.label}. ` : '';
  return pageMetadata({ title: policy.title, description: `${status}${policy.summary}`, path: `/policies/${policy.slug}` });
}

export default async function PolicyPage({ params, searchParams }: Props) {
  const policy = await loadPolicy((await params).slug);
  if (!policy) notFound();

  // A storyline always reads from draft to outcome; only the page position comes from the URL.
  const { query: requested, notices } = parseTimelineQuery(await searchParams);
  const view = await timelineView({ ...requested, filter: { ...EMPTY_FILTER, policies: [policy.slug] }, order: 'asc' });
  const { page } = view;
  const query = { ...view.query, filter: EMPTY_FILTER };

  return (
    <>
      <p className="muted">
        <Link href="/policies">Policies</Link> › Storyline
      </p>
      <h1>{policy.title}</h1>
      <p data-testid="policy-status">
        Current status:{' '}
        {policy.status ? (
          <>
            <span className="status">{policy.status.label}</span> since{' '}
            <Link href={`/events/${policy.status.since.slug}`}>
              <EventDate date={policy.status.since.date} className="" />
            </Link>
          </>
        ) : (
          <span className="status">No status-changing event recorded</span>
        )}
      </p>
      <p>{policy.summary}</p>
      <section aria-labelledby="storyline-heading">
        <h2 id="storyline-heading">Storyline</h2>
        <Notices notices={[...notices, ...page.notices]} />
        <TimelineView
          query={query}
          page={page}
          basePath={`/policies/${policy.slug}`}
          emptyMessage="No events are recorded for this policy yet."
        />
        <EmbedSnippet
          view={{ filter: { ...EMPTY_FILTER, policies: [policy.slug] }, order: 'asc' }}
          title={viewTitle({ ...EMPTY_FILTER, policies: [policy.slug] }, { [policy.slug]: policy.title })}
        />
      </section>
    </>
  );
}
