'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useRef, useTransition, type FormEvent, type ReactNode } from 'react';

/** The form's fields as query parameters, leaving out empty ones and the default order so URLs stay short. */
function queryOf(form: HTMLFormElement, currentSearch: string | null): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  const defaultOrder = params.get('q') ? 'relevance' : 'asc';
  // A new search starts from its best matches, whatever order the last view had.
  if (params.get('order') === defaultOrder || params.get('q') !== currentSearch) params.delete('order');
  return params.toString();
}

/**
 * The filter form, improved: with JavaScript a change updates the list in place
 * (a client-side navigation, so the URL stays in step and can be shared);
 * without it, the same form submits as a plain GET.
 */
export function InstantFilterForm({ children, label }: { children: ReactNode; label: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const currentSearch = useSearchParams().get('q');
  const [pending, startTransition] = useTransition();
  const typingTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const apply = (form: HTMLFormElement) => {
    const search = queryOf(form, currentSearch);
    startTransition(() => router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false }));
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const field = event.target as HTMLInputElement;
    clearTimeout(typingTimer.current);
    // Wait for a pause in typing; selects and checkboxes apply at once.
    if (field.type === 'search' || field.type === 'text') typingTimer.current = setTimeout(() => apply(form), 400);
    else apply(form);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    clearTimeout(typingTimer.current);
    apply(event.currentTarget);
  };

  return (
    <form className="filters" method="get" role="search" aria-label={label} onChange={onChange} onSubmit={onSubmit} aria-busy={pending}>
      {children}
      <p className="filters__status" role="status" aria-live="polite">
        {pending ? 'Updating the list…' : ''}
      </p>
    </form>
  );
}
