import Link from 'next/link';

/** The search box and "New …" button above every admin list (a plain GET form). */
export function ListToolbar({ id, searchLabel, ariaLabel, search, newHref, newLabel }: {
  id: string;
  searchLabel: string;
  ariaLabel: string;
  search: string;
  newHref: string;
  newLabel: string;
}) {
  return (
    <div className="toolbar">
      <form method="get" role="search" aria-label={ariaLabel}>
        <div className="field">
          <label htmlFor={id}>{searchLabel}</label>
          <input id={id} type="search" name="q" defaultValue={search} />
        </div>
        <button type="submit" className="button button--secondary">
          Search
        </button>
      </form>
      <Link href={newHref} className="button">
        {newLabel}
      </Link>
    </div>
  );
}

/** The `q` parameter of an admin list, bounded. */
export function searchOf(q: string | string[] | undefined): string {
  return typeof q === 'string' ? q.slice(0, 200) : '';
}
