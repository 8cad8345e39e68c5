import { fieldId } from '@/lib/admin/form-types';
import type { SelectHTMLAttributes } from 'react';

export interface SelectOption {
  value: string;
  label: string;
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'id' | 'children' | 'defaultValue'> {
  name: string;
  label: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  /** A first, empty option ("Choose a kind…"), for a choice the editor must make. */
  placeholder?: string;
  error?: string;
  hint?: string;
}

/** A labelled select with its hint and error tied to it by aria-describedby, like TextField. */
export function SelectField({ name, label, options, defaultValue, placeholder, error, hint, ...select }: SelectFieldProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {select.required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {/* React resets a form after its action, and a select then falls back to the option it was first
          rendered with, not to a later defaultValue (react#32362): a new default remounts it. */}
      <select
        key={defaultValue ?? ''}
        {...select}
        id={id}
        name={name}
        defaultValue={defaultValue ?? ''}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
