import { useId, type ReactNode } from 'react';

/**
 * A table that may be wider than a phone scrolls inside this frame rather than
 * widening the page (WCAG 1.4.10). The frame is a labelled region that takes
 * keyboard focus, so it can be scrolled with the arrow keys; the label is shown
 * on narrow screens, where the table may scroll.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <>
      <p className="table-scroll__label" id={id}>
        {label} (scroll sideways for more)
      </p>
      <div className="table-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        {children}
      </div>
    </>
  );
}
