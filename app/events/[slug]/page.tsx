import { cache } from 'react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { CitationList } from '@/components/events/citation-list';
import { EventDate } from '@/components/timeline/event-date';
import { formatParsedEdtf, parseEdtf } from '@/lib/dates';
import { getEventBySlug } from '@/lib/events';
import { cutDescription, pageMetadata } from '@/lib/page-metadata';
import { getStorylineNeighbours } from '@/lib/storyline';
import { canEditContent } from '@/lib/roles';
import { getCurrentUser } from '@/lib/session';
import { isSlug } from '@/lib/slugs';
import { sourceCheckLines } from '@/lib/sources-watch/reader';
import '@/components/events/storyline-nav.css';
import { ACTOR_ROLE_LABELS, EVENT_TYPE_LABELS, RELATION_LABELS } from '@/lib/vocabulary';

type Props = { params: Promise<{ slug: string }> };

// Shared by generateMetadata and the page within one request.
const loadEvent = cache(async (slug: string) => (isSlug(slug) ? getEventBySlug(slug) : null));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const event = await loadEvent((await params).slug);
  if (!event) return { title: 'Event not found' };
  const parsed = parseEdtf(event.date);
  // The card leads with when it happened, at the date's own precision.
  const when = parsed.ok ? `${formatParsedEdtf(parsed.date)}: ` : '';
  return pageMetadata({ title: event.title, description: cutDescription(`${when}${event.summary}`), path: `/events/${event.slug}`, type: 'article' });
}

export default async function EventPage({ params }: Props) {
  const event = await loadEvent((await params).slug);
  if (!event) notFound();
  const [user, checks, storyline] = await Promise.all([
    getCurrentUser(),
    sourceCheckLines(event.citations.map((citation) => citation.source.id)),
    getStorylineNeighbours(event.slug),
  ]);

  return (
    <article>
      <p className="muted">
        <Link href="/">Timeline</Link> › Event · <Link href={`/events/${event.slug}/history`}>History</Link>
        {canEditContent(user) && (
          <>
            {' · '}
            <Link href={`/admin/events/${event.id}/edit`}>Edit</Link>
          </>
        )}
      </p>
      <h1>{event.title}</h1>
      <dl className="facts">
        <dt>Date</dt>
        <dd data-testid="event-date">
          <EventDate date={event.date} /> <span className="muted">(EDTF {event.date})</span>
        </dd>
        <dt>Type</dt>
        <dd>
          <span className="type-badge">{EVENT_TYPE_LABELS[event.type]}</span>
        </dd>
        <dt>Jurisdiction</dt>
        <dd>{event.jurisdiction}</dd>
        <dt>Policy</dt>
        <dd>{event.policy ? <Link href={`/policies/${event.policy.slug}`}>{event.policy.title}</Link> : <span className="muted">None</span>}</dd>
        {event.topics.length > 0 && (
          <>
            <dt>Topics</dt>
            <dd>{event.topics.map((topic) => topic.name).join(', ')}</dd>
          </>
        )}
      </dl>
      <p>{event.summary}</p>

      {storyline && (
        <nav className="storyline-nav" aria-labelledby="storyline-nav-heading" data-testid="storyline-nav">
          <h2 id="storyline-nav-heading">
            In the storyline of <Link href={`/policies/${storyline.policy.slug}`}>{storyline.policy.title}</Link>
          </h2>
          <p className="muted">
            Event {storyline.position} of {storyline.count}
          </p>
          <ul className="storyline-nav__links">
            <li className="storyline-nav__previous">
              {storyline.previous ? (
                <Link href={`/events/${storyline.previous.slug}`} rel="prev">
                  <span className="storyline-nav__label">← Previous</span> <EventDate date={storyline.previous.date} className="" />:{' '}
                  {storyline.previous.title}
                </Link>
              ) : (
                <span className="muted">This is the first event of the storyline.</span>
              )}
            </li>
            <li className="storyline-nav__next">
              {storyline.next ? (
                <Link href={`/events/${storyline.next.slug}`} rel="next">
                  <span className="storyline-nav__label">Next →</span> <EventDate date={storyline.next.date} className="" />: {storyline.next.title}
                </Link>
              ) : (
                <span className="muted">This is the latest event of the storyline.</span>
              )}
            </li>
          </ul>
        </nav>
      )}

      <section aria-labelledby="actors-heading">
        <h2 id="actors-heading">Who acted</h2>
        {event.actors.length === 0 ? (
          <p className="muted">No actors are recorded for this event.</p>
        ) : (
          <ul className="plain-list" data-testid="event-actors">
            {event.actors.map((actor) => (
              <li key={`${actor.slug}-${actor.role}`}>
                <Link href={`/actors/${actor.slug}`}>{actor.name}</Link> — {ACTOR_ROLE_LABELS[actor.role]}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="sources-heading">
        <h2 id="sources-heading">
          Sources ({event.citations.length})
        </h2>
        <CitationList citations={event.citations} checks={checks} />
      </section>

      <section aria-labelledby="related-heading">
        <h2 id="related-heading">Related events</h2>
        {event.relations.length === 0 ? (
          <p className="muted">No related events are recorded.</p>
        ) : (
          <ul className="plain-list" data-testid="related-events">
            {event.relations.map((relation) => (
              <li key={`${relation.direction}-${relation.type}-${relation.event.slug}`}>
                {RELATION_LABELS[relation.type][relation.direction]}{' '}
                <Link href={`/events/${relation.event.slug}`}>{relation.event.title}</Link> (<EventDate date={relation.event.date} className="" />)
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
