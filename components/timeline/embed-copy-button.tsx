'use client';

import { useState, useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * "Copy" for a code field. Rendered only once JavaScript runs (without it the
 * field's text is selectable as it is), and it says what happened in a live
 * region, since a copy shows nothing on the screen.
 */
export function EmbedCopyButton({ targetId, label }: { targetId: string; label: string }) {
  // False in the server's HTML, true once hydrated: before that a button could not do anything.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [status, setStatus] = useState('');
  if (!scripted) return null;

  async function copy() {
    const field = document.getElementById(targetId);
    const text = field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement ? field.value : (field?.textContent ?? '');
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied to the clipboard.');
    } catch {
      // No clipboard access (an insecure origin, a refused permission): leave the code selected to copy by hand.
      if (field instanceof HTMLTextAreaElement) field.select();
      setStatus('Copying was refused by the browser; the code is selected, copy it with Ctrl+C or ⌘C.');
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" onClick={copy}>
        {label}
      </button>
      <span className="embed-snippet__status" role="status">
        {status}
      </span>
    </>
  );
}
