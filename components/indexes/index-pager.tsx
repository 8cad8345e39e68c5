import Link from 'next/link';

/** Previous / next page links of an index, with where the reader is ("Page 2 of 9"). */
export function IndexPager({ page, pageCount, hrefOf, label }: { page: number; pageCount: number; hrefOf: (page: number) => string; label: string }) {
  if (pageCount <= 1) return null;
  return (
    <nav className="index-pager" aria-label={label}>
      {page > 1 ? (
        <Link href={hrefOf(Math.min(page - 1, pageCount))} rel="prev">
          ← Previous page
        </Link>
      ) : (
        <span />
      )}
      <span className="muted">
        Page {Math.min(page, pageCount)} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefOf(page + 1)} rel="next">
          Next page →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
