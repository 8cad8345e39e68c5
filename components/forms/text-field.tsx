import { fieldId } from '@/lib/admin/form-types';
import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'id'> {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  multiline?: boolean;
  rows?: number;
}

/** A labelled input (or textarea) with its hint and error tied to it by aria-describedby. */
export function TextField({ name, label, error, hint, multiline, rows = 5, ...input }: TextFieldProps) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = { id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className={error ? 'field field--error' : 'field'}>
      <label htmlFor={id}>
        {label}
        {input.required && <span aria-hidden="true"> *</span>}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea
          {...common}
          rows={rows}
          defaultValue={input.defaultValue as string | undefined}
          required={input.required}
          maxLength={input.maxLength}
        />
      ) : (
        <input {...input} {...common} />
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
