'use client';

import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import type { FacetOption } from '@/lib/facets';
import type { SuggestKind, Suggestion } from '@/lib/suggest';

const withCount = (option: FacetOption) => `${option.label} (${option.count})`;

interface FacetPickerProps {
  /** The query parameter: actor, agency or policy. */
  name: string;
  kind: SuggestKind;
  label: string;
  anyLabel: string;
  /** The choices with most events, with counts (shown before anything is typed, and in the no-JavaScript select). */
  options: FacetOption[];
  /** The chosen values with their names. */
  selected: Array<{ value: string; label: string }>;
  /** Choices with events that are not in `options`. */
  hidden?: number;
  more?: { href: string; label: string };
  /** The id of the form the fields belong to, when they sit outside it. */
  form?: string;
}

const SUGGEST_DELAY_MS = 150;
const subscribeToNothing = () => () => undefined;

/**
 * A repeatable filter with many choices (hundreds of actors, agencies or
 * policies). Without JavaScript it is a native select of the choices with most
 * events, the chosen values riding along as hidden fields. With JavaScript it
 * becomes a type-ahead (an ARIA 1.2 combobox) that asks GET /api/suggest for
 * names matching what is typed, so every choice can be found; picking one
 * applies the filter and the focus stays in the field.
 */
export function FacetPicker({ name, kind, label, anyLabel, options, selected, hidden = 0, more, form }: FacetPickerProps) {
  const id = `filter-${name}`;
  const listId = `${id}-list`;
  const hintId = `${id}-more`;
  const chosenId = `${id}-chosen`;
  const optionPrefix = useId();
  // False while rendering on the server and hydrating (the native select), true from then on.
  const enhanced = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [found, setFound] = useState<Suggestion[] | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const hiddenRef = useRef<HTMLInputElement>(null);
  const chosenValues = selected.map((item) => item.value);
  const chosenKey = chosenValues.join(',');
  const [answeredKey, setAnsweredKey] = useState(chosenKey);
  if (answeredKey !== chosenKey) {
    // The server answered with the new selection: the pick is part of it now.
    setAnsweredKey(chosenKey);
    setAdded(null);
    setText('');
  }
  // Submit once the picked value's hidden field is in the form.
  useEffect(() => {
    if (added) hiddenRef.current?.form?.requestSubmit();
  }, [added]);

  useEffect(() => {
    const typed = text.trim();
    if (typed === '') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/suggest?kind=${kind}&q=${encodeURIComponent(typed)}`, { signal: controller.signal })
        .then((response) => (response.ok ? (response.json() as Promise<{ suggestions: Suggestion[] }>) : { suggestions: [] }))
        .then((body) => {
          setFound(body.suggestions);
          setActive(-1);
        })
        .catch(() => undefined);
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, kind]);

  const chosenText = selected.length > 0 ? `Chosen: ${selected.map((item) => item.label).join(', ')}` : '';
  const fieldLabel = selected.length > 0 ? `${label}: add another` : label;
  const hint =
    hidden > 0 ? (
      <p id={hintId} className="field__hint">
        {enhanced ? (
          <>Type to find any of them.</>
        ) : (
          <>
            The {options.length} with most events; {hidden.toLocaleString('en-US')} more
            {more && (
              <>
                {' '}
                among <a href={more.href}>{more.label}</a>
              </>
            )}
            .
          </>
        )}
      </p>
    ) : null;
  const hiddenFields = selected.map((item) => <input key={item.value} type="hidden" name={name} value={item.value} form={form} />);

  if (!enhanced) {
    return (
      <div className="facet">
        {hiddenFields}
        <label htmlFor={id}>{fieldLabel}</label>
        <select id={id} name={name} defaultValue="" form={form} aria-describedby={hidden > 0 ? hintId : undefined}>
          {/* The chosen values stay in view: the empty choice names them rather than reading "Any". */}
          <option value="">{chosenText || anyLabel}</option>
          {options
            .filter((option) => !chosenValues.includes(option.value))
            .map((option) => (
              <option key={option.value} value={option.value} disabled={option.count === 0}>
                {withCount(option)}
              </option>
            ))}
        </select>
        {hint}
      </div>
    );
  }

  const results = text.trim() === '' ? null : found;
  const choices: Array<{ value: string; text: string }> = (
    results ?? options.filter((option) => option.count > 0).map((option) => ({ value: option.value, label: withCount(option) }))
  )
    .filter((choice) => !chosenValues.includes(choice.value))
    .map((choice) => ({ value: choice.value, text: choice.label }));
  const expanded = open && choices.length > 0;
  const optionId = (index: number) => `${optionPrefix}-option-${index}`;

  const pick = (value: string) => {
    setOpen(false);
    setActive(-1);
    setAdded(value);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (choices.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + choices.length) % choices.length);
    } else if (event.key === 'Enter' && expanded && active >= 0) {
      event.preventDefault();
      pick(choices[active].value);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };
  const describedBy = [selected.length > 0 ? chosenId : null, hidden > 0 ? hintId : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className="facet picker">
      {hiddenFields}
      {added && <input ref={hiddenRef} type="hidden" name={name} value={added} form={form} />}
      <label htmlFor={id}>{fieldLabel}</label>
      {selected.length > 0 && (
        <p id={chosenId} className="picker__chosen">
          {chosenText}
        </p>
      )}
      <div className="picker__field">
        <input
          ref={inputRef}
          id={id}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
          aria-describedby={describedBy}
          placeholder={selected.length > 0 ? 'Type to add another' : anyLabel}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(false)}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={`${label} suggestions`} className="picker__list" hidden={!expanded}>
          {choices.map((choice, index) => (
            <li
              key={choice.value}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'picker__option picker__option--active' : 'picker__option'}
              // Before the field's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(choice.value);
              }}
            >
              {choice.text}
            </li>
          ))}
        </ul>
        {results && results.length === 0 && (
          <p className="field__hint" role="status">
            No {kind === 'policy' ? 'policy' : kind} named “{text.trim()}”.
          </p>
        )}
      </div>
      {hint}
    </div>
  );
}
