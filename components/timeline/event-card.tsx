import Link from 'next/link';
import { EventDate } from '@/components/timeline/event-date';
import { Highlighted } from '@/components/timeline/highlighted';
import type { EventSummary } from '@/lib/events';
import { ACTOR_ROLE_LABELS, EVENT_TYPE_LABELS } from '@/lib/vocabulary';

export function EventCard({ event, headingLevel, terms = [] }: { event: EventSummary; headingLevel: 3 | 4 | 5; terms?: string[] }) {
  const Heading = `h${headingLevel}` as const;
  return (
    <li className="event-card" data-testid="event-card" data-slug={event.slug}>
      <div className="event-card__meta">
        <EventDate date={event.date} />
        <span className="type-badge">{EVENT_TYPE_LABELS[event.type]}</span>
        <span>{event.jurisdiction}</span>
        <span>
          {event.sourceCount} {event.sourceCount === 1 ? 'source' : 'sources'}
        </span>
      </div>
      <Heading className="event-card__title">
        <Link href={`/events/${event.slug}`}>
          <Highlighted text={event.title} terms={terms} />
        </Link>
      </Heading>
      {event.snippet && (
        <p className="event-card__snippet">
          <Highlighted text={event.snippet} terms={terms} />
        </p>
      )}
      {event.actors.length > 0 && (
        <p className="event-card__actors">
          <span className="visually-hidden">Actors: </span>
          {event.actors.map((actor, index) => (
            <span key={`${actor.slug}-${actor.role}`}>
              {index > 0 && ', '}
              <Link href={`/actors/${actor.slug}`}>{actor.name}</Link>{' '}
              <span className="muted">({ACTOR_ROLE_LABELS[actor.role].toLowerCase()})</span>
            </span>
          ))}
        </p>
      )}
      {event.policy && (
        <p className="event-card__actors muted">
          Policy: <Link href={`/policies/${event.policy.slug}`}>{event.policy.title}</Link>
        </p>
      )}
    </li>
  );
}
