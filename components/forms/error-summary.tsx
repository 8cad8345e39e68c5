'use client';

import { useEffect, useRef } from 'react';
import { fieldId, fieldNameOfErrorKey } from '@/lib/admin/form-types';
import type { FormState } from '@/lib/forms';

interface ErrorSummaryProps {
  state: FormState<unknown>;
  /** The words for an error's field ("Actor 2 · Role"); null for an error with no field to link to. */
  labelOf: (key: string) => string | null;
  /** Where a collection-level error ("citations") links: the id of its fieldset. */
  anchorOf?: (key: string) => string | undefined;
}

/**
 * The form's message after a failed save, with a link to every field that is
 * wrong. Focus moves here (and so the page scrolls here): with JavaScript on
 * each failed save, without it by the autofocus of the page the server renders.
 */
export function ErrorSummary({ state, labelOf, anchorOf }: ErrorSummaryProps) {
  const summary = useRef<HTMLDivElement>(null);
  const failed = state.status === 'error' && Boolean(state.message);
  useEffect(() => {
    if (failed) summary.current?.focus();
  }, [state, failed]);
  const links = Object.entries(state.errors ?? {}).flatMap(([key, message]) => {
    const label = labelOf(key);
    return label ? [{ key, label, message, href: `#${anchorOf?.(key) ?? fieldId(fieldNameOfErrorKey(key))}` }] : [];
  });
  return (
    <div aria-live="polite" role="status" className="form-message-region">
      {failed && (
        <div className="form-message form-message--error error-summary" tabIndex={-1} ref={summary} autoFocus data-testid="form-message">
          <p className="error-summary__message">{state.message}</p>
          {state.errors?.form && <p>{state.errors.form}</p>}
          {links.length > 0 && (
            <ul>
              {links.map((link) => (
                <li key={link.key}>
                  <a href={link.href}>
                    {link.label}: {link.message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
