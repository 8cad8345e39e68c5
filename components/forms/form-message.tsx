import type { FormState } from '@/lib/forms';

/** The form-level message, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState<unknown> }) {
  return (
    <div aria-live="polite" role="status" className="form-message-region">
      {state.message && (
        <p className={state.status === 'error' ? 'form-message form-message--error' : 'form-message form-message--success'} data-testid="form-message">
          {state.message}
        </p>
      )}
    </div>
  );
}
