import { EmbedCopyButton } from '@/components/timeline/embed-copy-button';
import { embedCode, embedHref } from '@/lib/embed/embed-code';
import { absoluteUrl } from '@/lib/exports/site-origin';
import type { EventFilter, Order } from '@/lib/filters';
import { publicOrigin } from '@/lib/page-metadata';
import './embed-snippet.css';

/**
 * "Embed this view": the code of an iframe of /embed with this view's
 * filters, in a read-only field (select and copy it; with JavaScript a button
 * copies it), inside a disclosure that costs one line when closed.
 */
export async function EmbedSnippet({ view, title, id = 'embed-code' }: { view: { filter: EventFilter; order: Order }; title: string; id?: string }) {
  const origin = await publicOrigin();
  const src = absoluteUrl(origin, embedHref(view));
  return (
    <details className="embed-snippet">
      <summary>Embed this view</summary>
      <p className="embed-snippet__hint" id={`${id}-hint`}>
        Paste this code into a web page to show these events there, with links back to this site. <a href={src}>Preview the embed</a>.
      </p>
      <label className="visually-hidden" htmlFor={id}>
        Embed code
      </label>
      <textarea id={id} className="embed-snippet__code" readOnly rows={3} value={embedCode(src, title)} aria-describedby={`${id}-hint`} />
      <div className="embed-snippet__actions">
        <EmbedCopyButton targetId={id} label="Copy the embed code" />
      </div>
    </details>
  );
}
