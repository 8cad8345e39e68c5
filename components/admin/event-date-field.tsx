'use client';

import { useEffect, useState } from 'react';
import { TextField } from '@/components/forms/text-field';

/**
 * The date as the editor writes it ("21 May 2026", "c. 2025", or EDTF) with a
 * preview of how it will read and the EDTF it is stored as. The server sends
 * the preview with every round trip (so it works without JavaScript); with
 * JavaScript it follows the typing through `previewDate`, the route's action.
 */
export function EventDateField({
  previewDate,
  defaultValue,
  serverPreview,
  error,
}: {
  previewDate: (text: string) => Promise<string>;
  defaultValue: string;
  serverPreview?: string;
  error?: string;
}) {
  const [text, setText] = useState(defaultValue);
  const [preview, setPreview] = useState(serverPreview ?? '');

  useEffect(() => {
    const timer = setTimeout(() => {
      previewDate(text).then(setPreview, () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [text, previewDate]);

  return (
    <div className="date-field">
      <TextField
        name="date"
        label="Date"
        hint="As precise as is known: 21 May 2026, May 2026, c. 2025, 2025–2026, until May 2026 — or EDTF."
        defaultValue={defaultValue}
        error={error}
        required
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <p className="field__hint date-field__preview" aria-live="polite" data-testid="date-preview">
        {preview}
      </p>
    </div>
  );
}
