import type { FacetOption } from '@/lib/facets';

const withCount = (option: FacetOption) => `${option.label} (${option.count})`;

/**
 * A repeatable filter as a select that adds one more value; the values already
 * chosen ride along as hidden fields (and show as removable chips), so the
 * form works the same with or without JavaScript.
 */
export function FacetSelect({
  name,
  label,
  anyLabel,
  options,
  selected,
  hidden = 0,
  more,
}: {
  name: string;
  label: string;
  anyLabel: string;
  options: FacetOption[];
  selected: string[];
  /** Choices with events that are not offered here (only the ones with most events are). */
  hidden?: number;
  /** Where every choice can be found when some are hidden. */
  more?: { href: string; label: string };
}) {
  const id = `filter-${name}`;
  const hintId = `${id}-more`;
  return (
    <div className="facet">
      {selected.map((value) => (
        <input key={value} type="hidden" name={name} value={value} />
      ))}
      <label htmlFor={id}>{selected.length > 0 ? `${label}: add another` : label}</label>
      <select id={id} name={name} defaultValue="" key={selected.join(',')} aria-describedby={hidden > 0 ? hintId : undefined}>
        <option value="">{anyLabel}</option>
        {options
          .filter((option) => !selected.includes(option.value))
          .map((option) => (
            <option key={option.value} value={option.value} disabled={option.count === 0}>
              {withCount(option)}
            </option>
          ))}
      </select>
      {hidden > 0 && (
        <p id={hintId} className="field__hint">
          The {options.length} with most events; {hidden.toLocaleString('en-US')} more
          {more && (
            <>
              {' '}
              among <a href={more.href}>{more.label}</a>
            </>
          )}
          .
        </p>
      )}
    </div>
  );
}

/** A repeatable filter with few choices: one checkbox each, with how many events it would give. */
export function FacetCheckboxes({
  name,
  legend,
  options,
  selected,
  hidden = 0,
}: {
  name: string;
  legend: string;
  options: FacetOption[];
  selected: string[];
  /** Choices with events that are not offered here (only the ones with most events are). */
  hidden?: number;
}) {
  if (options.length === 0) return null;
  return (
    <fieldset className="facet facet--checkboxes">
      <legend>{legend}</legend>
      <ul>
        {options.map((option) => {
          const id = `filter-${name}-${option.value}`;
          return (
            <li key={option.value}>
              <input
                type="checkbox"
                id={id}
                name={name}
                value={option.value}
                defaultChecked={selected.includes(option.value)}
                key={`${option.value}-${selected.includes(option.value)}`}
              />
              <label htmlFor={id}>{withCount(option)}</label>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && <p className="field__hint">The {options.length} with most events are shown; {hidden.toLocaleString('en-US')} more have fewer.</p>}
    </fieldset>
  );
}
