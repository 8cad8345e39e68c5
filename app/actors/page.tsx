import type { Metadata } from 'next';
import Link from 'next/link';
import { listActorsByKind } from '@/lib/actors';
import { ACTOR_KIND_LABELS } from '@/lib/vocabulary';

export const metadata: Metadata = { title: 'Actors' };
// Read from the database on every request, never at build time.
export const dynamic = 'force-dynamic';

export default async function ActorsPage() {
  const groups = await listActorsByKind();
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">The people, companies, agencies and governments behind the events, grouped by kind.</p>
      {groups.length === 0 ? (
        <p className="notice" role="status">
          No actors are recorded yet.
        </p>
      ) : (
        <div className="actor-groups">
          {groups.map((group) => (
            <section key={group.kind} aria-labelledby={`kind-${group.kind}`}>
              <h2 id={`kind-${group.kind}`}>{ACTOR_KIND_LABELS[group.kind].many}</h2>
              <ul className="plain-list">
                {group.actors.map((actor) => (
                  <li key={actor.slug}>
                    <Link href={`/actors/${actor.slug}`}>{actor.name}</Link>{' '}
                    <span className="muted">
                      {actor.parent ? `(part of ${actor.parent.name}) ` : ''}· {actor.eventCount}{' '}
                      {actor.eventCount === 1 ? 'event' : 'events'}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
    </>
  );
}
