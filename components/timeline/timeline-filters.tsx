import Link from 'next/link';
import { FacetCheckboxes, FacetSelect } from '@/components/timeline/facet-controls';
import { InstantFilterForm } from '@/components/timeline/instant-filter-form';
import type { Facets } from '@/lib/facets';
import { EMPTY_FILTER, isFilterActive, timelineHref, withoutValue, type EventFilter, type TimelineQuery } from '@/lib/filters';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

interface TimelineFiltersProps {
  query: TimelineQuery;
  /** Choices with counts; without facets only the order (and date window) is offered, as on an actor page. */
  facets?: Facets;
  /** Display names of the active filters, by slug. */
  names: Record<string, string>;
  /** Choices left out of a long facet (only those with most events are offered), per facet. */
  hidden?: Partial<Record<keyof Facets, number>>;
  basePath?: string;
}

type Chip = { key: string; label: string; remove: EventFilter };

function chipsOf(filter: EventFilter, names: Record<string, string>): Chip[] {
  const name = (slug: string) => names[slug] ?? slug;
  return [
    ...(filter.q ? [{ key: 'q', label: `Search: “${filter.q}”`, remove: withoutValue(filter, 'q') }] : []),
    ...filter.actors.map((slug) => ({ key: `actor-${slug}`, label: `Actor: ${name(slug)}`, remove: withoutValue(filter, 'actors', slug) })),
    ...filter.agencies.map((slug) => ({
      key: `agency-${slug}`,
      label: `Agency: ${name(slug)} and sub-agencies`,
      remove: withoutValue(filter, 'agencies', slug),
    })),
    ...filter.types.map((type) => ({ key: `type-${type}`, label: `Type: ${EVENT_TYPE_LABELS[type]}`, remove: withoutValue(filter, 'types', type) })),
    ...filter.topics.map((slug) => ({ key: `topic-${slug}`, label: `Topic: ${name(slug)}`, remove: withoutValue(filter, 'topics', slug) })),
    ...filter.jurisdictions.map((code) => ({ key: `j-${code}`, label: `Jurisdiction: ${code}`, remove: withoutValue(filter, 'jurisdictions', code) })),
    ...filter.policies.map((slug) => ({ key: `policy-${slug}`, label: `Policy: ${name(slug)}`, remove: withoutValue(filter, 'policies', slug) })),
    ...(filter.from ? [{ key: 'from', label: `From ${filter.from}`, remove: withoutValue(filter, 'from') }] : []),
    ...(filter.to ? [{ key: 'to', label: `To ${filter.to}`, remove: withoutValue(filter, 'to') }] : []),
  ];
}

/**
 * A plain GET form — it works without JavaScript and every filter ends up in
 * the URL — that updates the list in place when JavaScript is there. Each
 * choice shows how many events it would give under the other filters.
 */
export function TimelineFilters({ query, facets, names, hidden = {}, basePath = '/' }: TimelineFiltersProps) {
  const { filter } = query;
  const chips = chipsOf(filter, names);
  // Relevance only means something while there is a search.
  const orderWithout = (remaining: EventFilter) => (remaining.q === null && query.order === 'relevance' ? 'asc' : query.order);
  return (
    <InstantFilterForm label="Filter events">
      {facets && (
        <div className="filters__row">
          <div className="facet facet--wide">
            <label htmlFor="filter-q">Search</label>
            <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ''} maxLength={200} placeholder="Words in titles, summaries, quotes, actors" />
          </div>
        </div>
      )}
      <div className="filters__row">
        {facets && (
          <>
            <FacetSelect name="actor" label="Involving actor" anyLabel="Any actor" options={facets.actors} selected={filter.actors} hidden={hidden.actors} more={{ href: '/actors', label: 'all actors' }} />
            <FacetSelect name="agency" label="Agency (with its sub-agencies)" anyLabel="Any agency" options={facets.agencies} selected={filter.agencies} hidden={hidden.agencies} more={{ href: '/actors', label: 'all agencies' }} />
            <FacetSelect name="policy" label="Policy" anyLabel="Any policy" options={facets.policies} selected={filter.policies} hidden={hidden.policies} more={{ href: '/policies', label: 'all policies' }} />
          </>
        )}
        <div className="facet">
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" type="text" inputMode="numeric" defaultValue={filter.from ?? ''} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" size={12} aria-describedby="filter-dates-hint" />
        </div>
        <div className="facet">
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" type="text" inputMode="numeric" defaultValue={filter.to ?? ''} placeholder="YYYY, YYYY-MM or YYYY-MM-DD" size={12} aria-describedby="filter-dates-hint" />
        </div>
        <div className="facet">
          <label htmlFor="filter-order">Order</label>
          <select id="filter-order" name="order" defaultValue={query.order} key={query.order}>
            {filter.q && <option value="relevance">Best match first</option>}
            <option value="asc">Oldest first</option>
            <option value="desc">Newest first</option>
          </select>
        </div>
        <div className="facet">
          <button type="submit" className="button">
            Apply
          </button>
        </div>
      </div>
      <p id="filter-dates-hint" className="field__hint">
        An event is shown when the time it may have happened overlaps the dates given.
      </p>
      {facets && (
        <div className="filters__row">
          <FacetCheckboxes name="type" legend="Type" options={facets.types} selected={filter.types} />
          <FacetCheckboxes name="topic" legend="Topic" options={facets.topics} selected={filter.topics} hidden={hidden.topics} />
          <FacetCheckboxes name="jurisdiction" legend="Jurisdiction" options={facets.jurisdictions} selected={filter.jurisdictions} />
        </div>
      )}
      {isFilterActive(filter) && (
        <>
          <h2 className="visually-hidden">Active filters</h2>
          <ul className="active-filters" aria-label="Active filters">
            {chips.map((chip) => (
              <li key={chip.key} className="chip">
                {chip.label}
                <Link href={timelineHref({ filter: chip.remove, order: orderWithout(chip.remove) }, basePath)} aria-label={`Remove filter: ${chip.label}`}>
                  ×
                </Link>
              </li>
            ))}
            <li>
              <Link href={timelineHref({ filter: EMPTY_FILTER, order: query.order === 'desc' ? 'desc' : 'asc' }, basePath)}>Clear all filters</Link>
            </li>
          </ul>
        </>
      )}
    </InstantFilterForm>
  );
}
