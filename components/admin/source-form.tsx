'use client';

import { useActionState } from 'react';
import { SOURCE_FIELD_LABELS as LABELS } from '@/components/admin/field-labels';
import { ConflictNotice } from '@/components/forms/conflict-notice';
import { FormMessage } from '@/components/forms/form-message';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import type { FormAction } from '@/lib/admin/form-types';
import { LIMITS } from '@/lib/fields';
import type { FormState } from '@/lib/forms';
import type { SourceFormValues } from '@/lib/validation/source';
import type { Availability } from '@/lib/vocabulary';

const AVAILABILITY_OPTIONS: Array<SelectOption & { value: Availability }> = [
  { value: 'live', label: 'Live' },
  { value: 'removed', label: 'Removed' },
  { value: 'unknown', label: 'Unknown' },
];
const EMPTY: SourceFormValues = { id: '', title: '', publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' };

const formValuesOf = ({ version: _version, ...values }: SourceFormValues & { version: number }): SourceFormValues => values;

interface SourceFormProps {
  /** The route's save action. */
  action: FormAction<FormState<SourceFormValues>>;
  source?: SourceFormValues & { version: number };
}

export function SourceForm({ action, source }: SourceFormProps) {
  const [state, formAction, pending] = useActionState<FormState<SourceFormValues>, FormData>(action, {
    status: 'idle',
    values: source ? formValuesOf(source) : EMPTY,
  });
  const values = state.values ?? EMPTY;
  // After a conflict the form saves over the version now stored, on purpose.
  const version = state.conflict?.version ?? source?.version;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <ConflictNotice conflict={state.conflict} labels={LABELS} />
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <TextField name="title" label={LABELS.title} defaultValue={values.title} error={state.errors?.title} maxLength={LIMITS.title} required />
      <TextField
        name="publisher"
        label={LABELS.publisher}
        hint="Who published it: a newspaper, an agency, a company."
        defaultValue={values.publisher}
        error={state.errors?.publisher}
        maxLength={LIMITS.publisher}
      />
      <TextField
        name="publishedOn"
        label={LABELS.publishedOn}
        hint={
          'As precise as is known, in EDTF: 2026-05-21 (a day), 2026-05 (a month), 2026 (a year), ' +
          '2026-05~ (about May 2026), 2026-05? (May 2026, uncertain). Leave empty when not known.'
        }
        defaultValue={values.publishedOn}
        error={state.errors?.publishedOn}
        maxLength={40}
      />
      <TextField
        name="url"
        label={LABELS.url}
        type="url"
        hint="Its address, starting with https:// or http://. Leave empty when it has none; never guess one."
        defaultValue={values.url}
        error={state.errors?.url}
        maxLength={LIMITS.url}
      />
      <SelectField
        name="availability"
        label={LABELS.availability}
        hint="Live: it can be read at its address. Removed: the publisher took it down (give an archived copy below if one is known). Unknown: not checked, or it was never online."
        options={AVAILABILITY_OPTIONS}
        defaultValue={values.availability}
        error={state.errors?.availability}
        required
      />
      <TextField
        name="archiveUrl"
        label={LABELS.archiveUrl}
        type="url"
        hint="An archived copy, such as a Wayback Machine address, when one exists."
        defaultValue={values.archiveUrl}
        error={state.errors?.archiveUrl}
        maxLength={LIMITS.url}
      />
      {source ? (
        <TextField
          name="id"
          label={LABELS.id}
          hint="Fixed once the source is created: exports and citations know the source by it."
          defaultValue={source.id}
          error={state.errors?.id}
          readOnly
        />
      ) : (
        <TextField
          name="id"
          label={LABELS.id}
          hint="A short, stable key such as cnn-2026-05-21. Leave empty to make one from the publisher and title."
          defaultValue={values.id}
          error={state.errors?.id}
          maxLength={80}
        />
      )}
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : source ? 'Save changes' : 'Create source'}
        </button>
      </div>
    </form>
  );
}
