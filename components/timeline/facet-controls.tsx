import type { FacetOption } from '@/lib/facets';

const withCount = (option: FacetOption) => `${option.label} (${option.count})`;

/**
 * A repeatable filter with few choices: one checkbox each, with how many events
 * it would give. A facet with a single choice and nothing chosen is left out:
 * it could only repeat the list as it is.
 */
export function FacetCheckboxes({
  name,
  legend,
  options,
  selected,
  hidden = 0,
  form,
}: {
  name: string;
  legend: string;
  options: FacetOption[];
  selected: string[];
  /** Choices with events that are not offered here (only the ones with most events are). */
  hidden?: number;
  /** The id of the form the checkboxes belong to, when they sit outside it. */
  form?: string;
}) {
  if (options.length === 0 || (options.length === 1 && selected.length === 0 && hidden === 0)) return null;
  return (
    <fieldset className="facet facet--checkboxes">
      <legend>{legend}</legend>
      <ul>
        {options.map((option) => {
          const id = `filter-${name}-${option.value}`;
          // Keyed by value only: re-creating a checkbox when it is ticked would drop the focus on it.
          return (
            <li key={option.value}>
              <input type="checkbox" id={id} name={name} value={option.value} defaultChecked={selected.includes(option.value)} form={form} />
              <label htmlFor={id}>{withCount(option)}</label>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <p className="field__hint">The {options.length} with most events are shown; {hidden.toLocaleString('en-US')} more have fewer.</p>}
    </fieldset>
  );
}
