import Link from 'next/link';
import type { ActorOption } from '@/lib/actors';
import { isFilterActive, timelineHref, withoutValue, type TimelineQuery } from '@/lib/filters';

interface TimelineFiltersProps {
  query: TimelineQuery;
  actorOptions: ActorOption[];
  agencyOptions: ActorOption[];
  /** Display names of the active actor and agency filters, by slug. */
  names: Record<string, string>;
  basePath?: string;
  /** Whether to offer the actor and agency pickers (an actor page only offers the order). */
  showActorFilters?: boolean;
}

/**
 * A plain GET form: it works without JavaScript, and every filter ends up in the
 * URL. Active filters ride along as hidden fields, so adding one keeps the rest.
 */
export function TimelineFilters({
  query,
  actorOptions,
  agencyOptions,
  names,
  basePath = '/',
  showActorFilters = true,
}: TimelineFiltersProps) {
  const { filter } = query;
  const view = { filter, order: query.order };
  const availableActors = actorOptions.filter((actor) => !filter.actors.includes(actor.slug));
  const availableAgencies = agencyOptions.filter((agency) => !filter.agencies.includes(agency.slug));
  return (
    <form className="filters" method="get" action={basePath} role="search" aria-label="Filter events">
      {filter.actors.map((slug) => (
        <input key={`actor-${slug}`} type="hidden" name="actor" value={slug} />
      ))}
      {filter.agencies.map((slug) => (
        <input key={`agency-${slug}`} type="hidden" name="agency" value={slug} />
      ))}
      <div className="filters__row">
        {showActorFilters && (
          <>
            <div>
              <label htmlFor="filter-actor">{filter.actors.length > 0 ? 'Or also involving' : 'Involving actor'}</label>
              <select id="filter-actor" name="actor" defaultValue="">
                <option value="">Any actor</option>
                {availableActors.map((actor) => (
                  <option key={actor.slug} value={actor.slug}>
                    {actor.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="filter-agency">Agency (with its sub-agencies)</label>
              <select id="filter-agency" name="agency" defaultValue="">
                <option value="">Any agency</option>
                {availableAgencies.map((agency) => (
                  <option key={agency.slug} value={agency.slug}>
                    {agency.name}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <div>
          <label htmlFor="filter-order">Order</label>
          <select id="filter-order" name="order" defaultValue={query.order}>
            <option value="asc">Oldest first</option>
            <option value="desc">Newest first</option>
          </select>
        </div>
        <div>
          <button type="submit" className="button">
            Apply
          </button>
        </div>
      </div>
      {isFilterActive(filter) && (
        <>
          <h2 className="visually-hidden">Active filters</h2>
          <ul className="active-filters" aria-label="Active filters">
            {filter.actors.map((slug) => (
              <li key={`actor-${slug}`} className="chip">
                Actor: {names[slug] ?? slug}
                <Link
                  href={timelineHref({ ...view, filter: withoutValue(filter, 'actors', slug) }, basePath)}
                  aria-label={`Remove filter: actor ${names[slug] ?? slug}`}
                >
                  ×
                </Link>
              </li>
            ))}
            {filter.agencies.map((slug) => (
              <li key={`agency-${slug}`} className="chip">
                Agency: {names[slug] ?? slug} and sub-agencies
                <Link
                  href={timelineHref({ ...view, filter: withoutValue(filter, 'agencies', slug) }, basePath)}
                  aria-label={`Remove filter: agency ${names[slug] ?? slug}`}
                >
                  ×
                </Link>
              </li>
            ))}
            <li>
              <Link href={timelineHref({ filter: { actors: [], agencies: [] }, order: query.order }, basePath)}>
                Clear all filters
              </Link>
            </li>
          </ul>
        </>
      )}
    </form>
  );
}
