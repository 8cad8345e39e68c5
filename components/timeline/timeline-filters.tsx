import Link from 'next/link';
import { FacetPicker } from '@/components/timeline/facet-picker';
import { InstantFilterForm } from '@/components/timeline/instant-filter-form';
import type { Facets } from '@/lib/facets';
import { defaultOrderFor, EMPTY_FILTER, isFilterActive, timelineHref, withoutValue, type EventFilter, type TimelineQuery } from '@/lib/filters';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

/** The id of the chronology's filter form; the facets in the sidebar name it in their `form` attribute. */
export const FILTER_FORM_ID = 'timeline-filters';

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

function OrderSelect({ query, chronological }: { query: TimelineQuery; chronological: 'asc' | 'desc' }) {
  const choices = chronological === 'desc' ? (['desc', 'asc'] as const) : (['asc', 'desc'] as const);
  const labels = { asc: 'Oldest first', desc: 'Newest first' };
  return (
    <div className="facet facet--order">
      <label htmlFor="filter-order">Order</label>
      <select id="filter-order" name="order" defaultValue={query.order}>
        {query.filter.q && <option value="relevance">Best match first</option>}
        {choices.map((order) => (
          <option key={order} value={order}>
            {labels[order]}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The date window, as typed: a year, a month or a day. */
export function DateFields({ filter, form }: { filter: EventFilter; form?: string }) {
  return (
    <fieldset className="facet facet--dates">
      <legend>Dates</legend>
      <p id="filter-dates-hint" className="field__hint">
        YYYY, YYYY-MM or YYYY-MM-DD. An event is shown when the time it may have happened overlaps these dates.
      </p>
      <div className="facet--dates__fields">
        <div>
          <label htmlFor="filter-from">From</label>
          <input id="filter-from" name="from" type="text" inputMode="numeric" defaultValue={filter.from ?? ''} size={10} aria-describedby="filter-dates-hint" form={form} />
        </div>
        <div>
          <label htmlFor="filter-to">To</label>
          <input id="filter-to" name="to" type="text" inputMode="numeric" defaultValue={filter.to ?? ''} size={10} aria-describedby="filter-dates-hint" form={form} />
        </div>
      </div>
    </fieldset>
  );
}

/**
 * A plain GET form — it works without JavaScript and every filter ends up in
 * the URL — that updates the list in place when JavaScript is there. With
 * facets (the chronology) it is the compact bar: search, the actor picker, the
 * order and the chosen filters as removable chips; the other facets sit in
 * TimelineFacets and belong to the same form. Without facets (an actor's
 * record) it offers the date window and the order.
 */
export function TimelineFilters({ query, facets, names, hidden = {}, basePath = '/' }: TimelineFiltersProps) {
  const { filter } = query;
  const chips = chipsOf(filter, names);
  const chronological = defaultOrderFor(basePath);
  // Relevance only means something while there is a search.
  const orderWithout = (remaining: EventFilter) => (remaining.q === null && query.order === 'relevance' ? chronological : query.order);
  const named = (slugs: string[]) => slugs.map((slug) => ({ value: slug, label: names[slug] ?? slug }));
  return (
    <InstantFilterForm label="Filter events" id={FILTER_FORM_ID} chronological={chronological} className={facets ? 'filters filters--bar' : 'filters'}>
      {facets ? (
        <div className="filters__bar">
          <div className="facet facet--search">
            <label htmlFor="filter-q">Search</label>
            <input id="filter-q" type="search" name="q" defaultValue={filter.q ?? ''} maxLength={200} aria-describedby="filter-q-hint" />
            <span id="filter-q-hint" className="visually-hidden">
              Words in titles, summaries, quotes and actors’ names
            </span>
          </div>
          <FacetPicker
            name="actor"
            kind="actor"
            label="Involving actor"
            anyLabel="Any actor"
            options={facets.actors}
            selected={named(filter.actors)}
            hidden={hidden.actors}
            more={{ href: '/actors', label: 'all actors' }}
          />
          <OrderSelect query={query} chronological={chronological} />
          <div className="facet facet--submit">
            <button type="submit" className="button">
              Apply
            </button>
          </div>
        </div>
      ) : (
        <div className="filters__row">
          <DateFields filter={filter} />
          <OrderSelect query={query} chronological={chronological} />
          <div className="facet facet--submit">
            <button type="submit" className="button">
              Apply
            </button>
          </div>
        </div>
      )}
      {isFilterActive(filter) && (
        <>
          <h2 className="visually-hidden">Active filters</h2>
          <ul className="active-filters" aria-label="Active filters">
            {chips.map((chip) => (
              <li key={chip.key} className="chip">
                {chip.label}
                <Link href={timelineHref({ filter: chip.remove, order: orderWithout(chip.remove) }, basePath)} aria-label={`Remove filter: ${chip.label}`} scroll={false}>
                  ×
                </Link>
              </li>
            ))}
            <li>
              <Link href={timelineHref({ filter: EMPTY_FILTER, order: query.order === 'relevance' ? chronological : query.order }, basePath)} scroll={false}>
                Clear all filters
              </Link>
            </li>
          </ul>
        </>
      )}
    </InstantFilterForm>
  );
}
