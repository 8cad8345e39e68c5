import { cache } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActivitySection } from '@/components/timeline/activity-section';
import { EmbedSnippet } from '@/components/timeline/embed-snippet';
import { Notices } from '@/components/timeline/notices';
import { TimelineFilters } from '@/components/timeline/timeline-filters';
import { TimelineView } from '@/components/timeline/timeline-view';
import { AGENCY_KINDS, getActorBySlug } from '@/lib/actors';
import { viewTitle } from '@/lib/exports/view-title';
import { defaultOrderFor, EMPTY_FILTER, parseTimelineQuery, timelineHref, type SearchParams } from '@/lib/filters';
import { pageMetadata } from '@/lib/page-metadata';
import { isSlug } from '@/lib/slugs';
import { timelineView } from '@/lib/timeline';
import { ACTOR_KIND_LABELS, ACTOR_ROLE_LABELS, type ActorKind } from '@/lib/vocabulary';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<SearchParams> };

// Shared by generateMetadata and the page within one request.
const loadActor = cache(async (slug: string) => (isSlug(slug) ? getActorBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await loadActor((await params).slug);
  if (!actor) return { title: 'Actor not found' };
  const kind = ACTOR_KIND_LABELS[actor.kind as ActorKind].one;
  const part = actor.parent ? `, part of ${actor.parent.name}` : '';
  return pageMetadata({
    title: actor.name,
    description: `${kind}${part}. The AI-policy events ${actor.name} took part in, with their roles and sources.`,
    path: `/actors/${actor.slug}`,
  });
}

export default async function ActorPage({ params, searchParams }: Props) {
  const actor = await loadActor((await params).slug);
  if (!actor) notFound();
  const kind = actor.kind as ActorKind;

  // The actor's own record: its events only, narrowed by the dates, order and position in the URL.
  const { query: requested, notices } = parseTimelineQuery(await searchParams);
  const dates = { from: requested.filter.from, to: requested.filter.to };
  const order = requested.order === 'desc' ? ('desc' as const) : ('asc' as const);
  const view = await timelineView({ ...requested, filter: { ...EMPTY_FILTER, ...dates, actors: [actor.slug] }, order }, { activity: true });
  const { page, activity } = view;
  const query = { ...view.query, filter: { ...EMPTY_FILTER, ...dates } };
  // A period of the actor's record opens the full chronology (in its own order), filtered to the actor and that period.
  const rangeHref = (from: string, to: string) => timelineHref({ filter: { ...EMPTY_FILTER, actors: [actor.slug], from, to }, order: defaultOrderFor('/') });
  const basePath = `/actors/${actor.slug}`;

  return (
    <>
      <p className="muted">
        <Link href="/actors">Actors</Link> › {ACTOR_KIND_LABELS[kind].one}
      </p>
      <h1>{actor.name}</h1>
      <dl className="facts">
        <dt>Kind</dt>
        <dd>{ACTOR_KIND_LABELS[kind].one}</dd>
        {actor.parent && (
          <>
            <dt>Part of</dt>
            <dd>
              <Link href={`/actors/${actor.parent.slug}`}>{actor.parent.name}</Link>
            </dd>
          </>
        )}
        {actor.aliases.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd>{actor.aliases.map((alias) => alias.alias).join(', ')}</dd>
          </>
        )}
        <dt>Roles played</dt>
        <dd data-testid="actor-roles">
          {actor.roles.length === 0
            ? 'None recorded'
            : actor.roles.map((row) => `${ACTOR_ROLE_LABELS[row.role]} (${row.count})`).join(', ')}
        </dd>
      </dl>

      {actor.children.length > 0 && (
        <section aria-labelledby="sub-actors-heading">
          <h2 id="sub-actors-heading">Sub-agencies and units</h2>
          <ul className="plain-list">
            {actor.children.map((child) => (
              <li key={child.slug}>
                <Link href={`/actors/${child.slug}`}>{child.name}</Link>
              </li>
            ))}
          </ul>
          {AGENCY_KINDS.includes(kind) && (
            <p>
              <Link href={timelineHref({ filter: { ...EMPTY_FILTER, agencies: [actor.slug] }, order: defaultOrderFor('/') })}>
                See the events of {actor.name} together with its sub-agencies
              </Link>
            </p>
          )}
        </section>
      )}

      <section aria-labelledby="actor-events-heading">
        <h2 id="actor-events-heading">Events involving {actor.name}</h2>
        <Notices notices={[...notices, ...page.notices]} />
        <ActivitySection activity={activity!} rangeHref={rangeHref} title={`Activity of ${actor.name} over time`} />
        <TimelineFilters query={query} names={{}} basePath={basePath} />
        <TimelineView query={query} page={page} basePath={basePath} emptyMessage={`No events involving ${actor.name} are recorded.`} />
        <EmbedSnippet
          view={{ filter: { ...EMPTY_FILTER, ...dates, actors: [actor.slug] }, order }}
          title={viewTitle({ ...EMPTY_FILTER, ...dates, actors: [actor.slug] }, { [actor.slug]: actor.name })}
        />
      </section>
    </>
  );
}
