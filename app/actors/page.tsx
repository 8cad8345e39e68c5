import type { Metadata } from 'next';
import Link from 'next/link';
import { IndexPager } from '@/components/indexes/index-pager';
import { listActorIndex } from '@/lib/actors';
import type { SearchParams } from '@/lib/filters';
import { actorIndexHref, parseActorIndexQuery, type ActorIndexQuery } from '@/lib/index-queries';
import { pageMetadata } from '@/lib/page-metadata';
import { ACTOR_KIND_LABELS, ACTOR_KINDS } from '@/lib/vocabulary';
import '@/components/indexes/indexes.css';

// Read from the database on every request, never at build time.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<SearchParams> };

/** "Actors: “nist”, Agencies — page 2": the title names the searched and filtered view. */
function indexTitle(query: ActorIndexQuery): string {
  const parts = [...(query.q ? [`“${query.q}”`] : []), ...query.kinds.map((kind) => ACTOR_KIND_LABELS[kind].many)];
  return `Actors${parts.length ? `: ${parts.join(', ')}` : ''}${query.page > 1 ? ` — page ${query.page}` : ''}`;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const query = parseActorIndexQuery(await searchParams);
  return pageMetadata({
    title: indexTitle(query),
    description: 'The people, companies, agencies, legislatures, courts and governments behind the AI-policy events the timeline records.',
    path: actorIndexHref(query),
  });
}

export default async function ActorsPage({ searchParams }: Props) {
  const index = await listActorIndex(parseActorIndexQuery(await searchParams));
  const { query } = index;
  const filtered = Boolean(query.q || query.kinds.length);
  const kindCount = new Map(index.kinds.map((entry) => [entry.kind, entry.count]));
  return (
    <>
      <h1>Actors</h1>
      <p className="lede">The people, companies, agencies and governments behind the events.</p>
      <form className="index-filters" method="get" action="/actors" role="search" aria-label="Search actors">
        <div className="index-filters__field">
          <label htmlFor="actor-q">Name or alias</label>
          <input id="actor-q" type="search" name="q" defaultValue={query.q ?? ''} maxLength={100} autoComplete="off" />
        </div>
        <fieldset>
          <legend>Kind</legend>
          <ul className="index-filters__kinds">
            {/* Every kind stays offered with its count under the search: the form also changes the search, which changes the counts. */}
            {ACTOR_KINDS.map((kind) => (
              <li key={kind}>
                <label>
                  <input type="checkbox" name="kind" value={kind} defaultChecked={query.kinds.includes(kind)} /> {ACTOR_KIND_LABELS[kind].many}{' '}
                  <span className="muted">({kindCount.get(kind) ?? 0})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <div className="index-filters__actions">
          <button type="submit" className="button">
            Search
          </button>
          {filtered && <Link href="/actors">Clear</Link>}
        </div>
      </form>
      <p className="index-summary" role="status" data-testid="actor-count">
        {index.total === 0
          ? filtered
            ? 'No actor matches this search.'
            : 'No actors are recorded yet.'
          : `${index.total.toLocaleString('en-US')} ${index.total === 1 ? 'actor' : 'actors'}${filtered ? ' match' : ''}, by name.`}
      </p>
      {index.actors.length > 0 && (
        <ul className="actor-index" data-testid="actor-list">
          {index.actors.map((actor) => (
            <li key={actor.slug}>
              <Link href={`/actors/${actor.slug}`}>{actor.name}</Link>
              <span className="actor-index__meta">
                {ACTOR_KIND_LABELS[actor.kind].one}
                {actor.parent ? `, part of ${actor.parent.name}` : ''}
                {actor.matchedAlias ? ` · also known as ${actor.matchedAlias}` : ''} · {actor.eventCount.toLocaleString('en-US')}{' '}
                {actor.eventCount === 1 ? 'event' : 'events'}
              </span>
            </li>
          ))}
        </ul>
      )}
      <IndexPager page={query.page} pageCount={index.pageCount} hrefOf={(page) => actorIndexHref({ ...query, page })} label="Pages of actors" />
    </>
  );
}
