'use client';

import { useEffect, useState } from 'react';
import { previewDate } from '@/app/admin/events/actions';
import { TextField } from '@/components/forms/text-field';

/**
 * The EDTF date with a preview of how it will read. The server sends the
 * preview with every round trip (so it works without JavaScript); with
 * JavaScript it follows the typing.
 */
export function EventDateField({ defaultValue, serverPreview, error }: { defaultValue: string; serverPreview?: string; error?: string }) {
  const [text, setText] = useState(defaultValue);
  const [preview, setPreview] = useState(serverPreview ?? '');

  useEffect(() => {
    const timer = setTimeout(() => {
      previewDate(text).then(setPreview, () => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [text]);

  return (
    <div>
      <TextField
        name="date"
        label="Date (EDTF)"
        hint="As precise as is known: 2026, 2026-05, 2026-05-21; add ~ (about) or ? (uncertain); intervals 2026-04/2026-05, ../2026-05-21."
        defaultValue={defaultValue}
        error={error}
        required
        onChange={(event) => setText(event.currentTarget.value)}
      />
      <p className="field__hint" aria-live="polite" data-testid="date-preview">
        {preview}
      </p>
    </div>
  );
}
