'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useTransition, type ReactNode } from 'react';

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The form's fields as query parameters, leaving out empty ones and the default order so URLs stay short. */
function queryOf(form: HTMLFormElement, currentSearch: string | null, chronological: string): string {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === 'string' && value.trim() !== '') params.append(name, value.trim());
  }
  const defaultOrder = params.get('q') ? 'relevance' : chronological;
  // A new search starts from its best matches, whatever order the last view had.
  if (params.get('order') === defaultOrder || params.get('q') !== currentSearch) params.delete('order');
  return params.toString();
}

/**
 * Puts the fields back in step with the URL after a navigation that did not
 * come from them (a removed chip, "Clear all", the back button), in place: the
 * controls are never re-created, so the one in use keeps the focus.
 */
function syncFields(form: HTMLFormElement, params: URLSearchParams, chronological: string): void {
  for (const element of Array.from(form.elements)) {
    const field = element as Field;
    if (!field.name || field === document.activeElement || (field instanceof HTMLInputElement && field.type === 'hidden')) continue;
    if (field instanceof HTMLInputElement && (field.type === 'checkbox' || field.type === 'radio')) {
      field.checked = params.getAll(field.name).includes(field.value);
    } else if (field instanceof HTMLSelectElement && field.name === 'order') {
      field.value = params.get('order') ?? (params.get('q') ? 'relevance' : chronological);
    } else if (!(field instanceof HTMLSelectElement)) {
      field.value = params.get(field.name) ?? '';
    }
  }
}

/** How long a pause in typing, or in arrowing through a select's options, applies the form. */
const PAUSE_MS = 450;

/**
 * The filter form, improved: with JavaScript a change updates the list in place
 * (a client-side navigation, so the URL stays in step and can be shared);
 * without it, the same form submits as a plain GET. Fields outside the form
 * element that belong to it (`form="…"`, the facets in the sidebar) count too.
 */
export function InstantFilterForm({
  children,
  label,
  id,
  chronological = 'asc',
  className = 'filters',
}: {
  children: ReactNode;
  label: string;
  id: string;
  /** The order the list takes when none is named (lib/filters.ts defaultOrderFor). */
  chronological?: 'asc' | 'desc';
  className?: string;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const currentSearch = searchParams.get('q');
  const [pending, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ currentSearch, pathname, chronological });
  useEffect(() => {
    latest.current = { currentSearch, pathname, chronological };
  }, [currentSearch, pathname, chronological]);

  // Not on the first run: the server rendered the fields from this very URL, and a reader who changed one
  // before the page's script was running (a ticked type, a chosen order) would lose it.
  const mounted = useRef(false);
  useEffect(() => {
    if (!mounted.current) {
      mounted.current = true;
      return;
    }
    if (formRef.current) syncFields(formRef.current, searchParams, chronological);
  }, [searchParams, chronological]);

  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const apply = () => {
      const { currentSearch: search, pathname: path, chronological: order } = latest.current;
      const query = queryOf(form, search, order);
      startTransition(() => router.replace(query ? `${path}?${query}` : path, { scroll: false }));
    };
    // Listened for on the document: change events of fields placed outside the form do not reach it.
    const onFieldEvent = (event: Event) => {
      const field = event.target as Field | null;
      if (!field || !('form' in field) || field.form !== form || !field.name) return;
      const typed = field instanceof HTMLTextAreaElement || (field instanceof HTMLInputElement && ['search', 'text'].includes(field.type));
      // Text applies after a pause in typing; a select after a pause too, so arrowing through it does not reload at every option.
      if (event.type === 'input' && typed) {
        clearTimeout(timer.current);
        timer.current = setTimeout(apply, PAUSE_MS);
      } else if (event.type === 'change' && !typed) {
        clearTimeout(timer.current);
        if (field instanceof HTMLSelectElement) timer.current = setTimeout(apply, PAUSE_MS);
        else apply();
      }
    };
    const onSubmit = (event: SubmitEvent) => {
      event.preventDefault();
      clearTimeout(timer.current);
      apply();
    };
    document.addEventListener('input', onFieldEvent);
    document.addEventListener('change', onFieldEvent);
    form.addEventListener('submit', onSubmit);
    return () => {
      document.removeEventListener('input', onFieldEvent);
      document.removeEventListener('change', onFieldEvent);
      form.removeEventListener('submit', onSubmit);
      clearTimeout(timer.current);
    };
  }, [router]);

  return (
    <form ref={formRef} id={id} className={className} method="get" role="search" aria-label={label} aria-busy={pending}>
      {children}
      <p className="filters__status" role="status" aria-live="polite">
        {pending ? 'Updating the list…' : ''}
      </p>
    </form>
  );
}
