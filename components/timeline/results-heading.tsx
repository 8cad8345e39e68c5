'use client';

import { useSearchParams } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';

/** A field the reader is using: typing in it, ticking it or arrowing through it keeps the focus there. */
const IN_USE = 'input:not([type=submit]):not([type=button]):not([type=hidden]), select, textarea';

/**
 * The heading of the results. After a client-side change of the view — a page
 * turn, a chip removed, a month picked, the form applied with its button — the
 * focus moves here, so a keyboard or screen-reader user lands on the new list
 * (the summary below it, a live region, says what changed). A change made
 * from a field keeps the focus in that field.
 */
export function ResultsHeading({ id, children }: { id: string; children: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  const search = useSearchParams().toString();
  const previous = useRef(search);

  useEffect(() => {
    if (previous.current === search) return;
    previous.current = search;
    const active = document.activeElement;
    const usingField = active instanceof HTMLElement && active.isConnected && active.matches(IN_USE);
    if (!usingField) ref.current?.focus();
  }, [search]);

  return (
    <h2 id={id} ref={ref} tabIndex={-1} className="results-heading">
      {children}
    </h2>
  );
}
