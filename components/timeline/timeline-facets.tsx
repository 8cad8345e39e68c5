import { FacetCheckboxes } from '@/components/timeline/facet-controls';
import { FacetPicker } from '@/components/timeline/facet-picker';
import { DateFields, FILTER_FORM_ID } from '@/components/timeline/timeline-filters';
import type { ShownFacets } from '@/lib/timeline';
import type { EventFilter } from '@/lib/filters';

/**
 * The facets beyond the bar: a sidebar on wide screens, a disclosure ("More
 * filters") on narrow ones — one <details> that CSS keeps open on wide
 * screens. Its fields belong to the bar's form by its id, so they submit with
 * it without JavaScript and apply at once with it.
 */
export function TimelineFacets({ facets, filter, names }: { facets: ShownFacets; filter: EventFilter; names: Record<string, string> }) {
  const { hidden } = facets;
  const named = (slugs: string[]) => slugs.map((slug) => ({ value: slug, label: names[slug] ?? slug }));
  const chosen = filter.agencies.length + filter.policies.length + filter.types.length + filter.topics.length + filter.jurisdictions.length + (filter.from ? 1 : 0) + (filter.to ? 1 : 0);
  return (
    <details className="facets" id="more-filters">
      <summary>More filters{chosen > 0 ? ` (${chosen} chosen)` : ''}</summary>
      <div className="facets__body">
        <h2 className="facets__title">Filters</h2>
        <FacetCheckboxes name="type" legend="Type" options={facets.types} selected={filter.types} form={FILTER_FORM_ID} />
        <DateFields filter={filter} form={FILTER_FORM_ID} />
        <FacetPicker
          name="agency"
          kind="agency"
          label="Agency (with its sub-agencies)"
          anyLabel="Any agency"
          options={facets.agencies}
          selected={named(filter.agencies)}
          hidden={hidden.agencies}
          more={{ href: '/actors', label: 'all agencies' }}
          form={FILTER_FORM_ID}
        />
        <FacetPicker
          name="policy"
          kind="policy"
          label="Policy"
          anyLabel="Any policy"
          options={facets.policies}
          selected={named(filter.policies)}
          hidden={hidden.policies}
          more={{ href: '/policies', label: 'all policies' }}
          form={FILTER_FORM_ID}
        />
        <FacetCheckboxes name="topic" legend="Topic" options={facets.topics} selected={filter.topics} hidden={hidden.topics} form={FILTER_FORM_ID} />
        <FacetCheckboxes name="jurisdiction" legend="Jurisdiction" options={facets.jurisdictions} selected={filter.jurisdictions} form={FILTER_FORM_ID} />
        <button type="submit" className="button" form={FILTER_FORM_ID}>
          Apply filters
        </button>
      </div>
    </details>
  );
}
