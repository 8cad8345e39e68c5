'use client';

import { useActionState } from 'react';
import { saveEventAction } from '@/app/admin/events/actions';
import { EventDateField } from '@/components/admin/event-date-field';
import { ActorRow, CitationRow, RelationRow } from '@/components/admin/event-rows';
import { ConflictNotice } from '@/components/forms/conflict-notice';
import { FormMessage } from '@/components/forms/form-message';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import { LIMITS } from '@/lib/fields';
import type { EventFormState, EventFormValues } from '@/lib/validation/event';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '@/lib/vocabulary';

export interface EventFormOptions {
  actors: SelectOption[];
  sources: SelectOption[];
  policies: SelectOption[];
  events: SelectOption[];
  topics: string[];
}

const TYPE_OPTIONS = EVENT_TYPES.map((type) => ({ value: type, label: EVENT_TYPE_LABELS[type] }));
const LABELS: Record<string, string> = {
  slug: 'Slug',
  title: 'Title',
  summary: 'Summary',
  date: 'Date',
  type: 'Type',
  jurisdiction: 'Jurisdiction',
  policy: 'Policy',
  topics: 'Topics',
  actors: 'Actors',
  citations: 'Citations',
  relations: 'Relations',
};

interface EventFormProps {
  event?: { id: string; version: number };
  initialValues: EventFormValues;
  initialDatePreview: string;
  options: EventFormOptions;
}

export function EventForm({ event, initialValues, initialDatePreview, options }: EventFormProps) {
  const [state, formAction, pending] = useActionState<EventFormState, FormData>(saveEventAction, {
    status: 'idle',
    values: initialValues,
    datePreview: initialDatePreview,
  });
  const values = state.values ?? initialValues;
  const errors = state.errors;
  const version = state.conflict?.version ?? event?.version;
  return (
    <form action={formAction} className="form event-form" noValidate>
      <FormMessage state={state} />
      {errors?.form && <p className="field__error">{errors.form}</p>}
      <ConflictNotice conflict={state.conflict} labels={LABELS} />
      {event && <input type="hidden" name="id" value={event.id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {/* Pressing Enter in a field saves, rather than triggering the first row button. */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />

      <TextField name="title" label="Title" defaultValue={values.title} error={errors?.title} maxLength={LIMITS.title} required />
      <TextField
        name="slug"
        label="Slug"
        hint="Part of the event's address. Leave empty to make one from the title."
        defaultValue={values.slug}
        error={errors?.slug}
        maxLength={80}
      />
      <TextField name="summary" label="Summary" multiline defaultValue={values.summary} error={errors?.summary} maxLength={LIMITS.summary} required />
      <div className="row__fields">
        <EventDateField key={`date-${values.date}`} defaultValue={values.date} serverPreview={state.datePreview} error={errors?.date} />
        <SelectField name="type" label="Type" options={TYPE_OPTIONS} defaultValue={values.type} error={errors?.type} required />
        <TextField
          name="jurisdiction"
          label="Jurisdiction"
          hint='Country code ("US"), subdivision ("US-CA"), "EU" or "INTL".'
          defaultValue={values.jurisdiction}
          error={errors?.jurisdiction}
          required
        />
      </div>

      <fieldset>
        <legend>Policy</legend>
        <SelectField name="policy" label="Existing policy" options={options.policies} placeholder="— none —" defaultValue={values.policy} error={errors?.policy} />
        <details open={Boolean(values.newPolicyTitle || values.newPolicySummary) || undefined}>
          <summary>Or create a new policy</summary>
          <TextField name="newPolicyTitle" label="New policy's title" defaultValue={values.newPolicyTitle} error={errors?.newPolicyTitle} maxLength={LIMITS.title} />
          <TextField name="newPolicySummary" label="New policy's summary" multiline rows={3} defaultValue={values.newPolicySummary} error={errors?.newPolicySummary} maxLength={LIMITS.summary} />
        </details>
      </fieldset>

      <TextField
        name="topics"
        label="Topics"
        hint={`Comma-separated; new topics are created. Existing: ${options.topics.join(', ') || 'none yet'}.`}
        defaultValue={values.topics}
        error={errors?.topics}
      />

      <fieldset>
        <legend>Actors</legend>
        {errors?.actors && <p className="field__error">{errors.actors}</p>}
        {values.actors.length === 0 && <p className="muted">No actors yet.</p>}
        {values.actors.map((row, index) => (
          <ActorRow key={row.key} row={row} index={index} errors={errors} actorOptions={options.actors} />
        ))}
        <button type="submit" name="intent" value="add:actors" className="button button--secondary" formNoValidate>
          Add an actor
        </button>
      </fieldset>

      <fieldset>
        <legend>Citations</legend>
        {errors?.citations && (
          <p className="field__error" id="citations-error">
            {errors.citations}
          </p>
        )}
        {values.citations.map((row, index) => (
          <CitationRow key={row.key} row={row} index={index} errors={errors} sourceOptions={options.sources} />
        ))}
        <button type="submit" name="intent" value="add:citations" className="button button--secondary" formNoValidate>
          Add a citation
        </button>
      </fieldset>

      <fieldset>
        <legend>Related events</legend>
        {values.relations.length === 0 && <p className="muted">No related events.</p>}
        {values.relations.map((row, index) => (
          <RelationRow key={row.key} row={row} index={index} errors={errors} />
        ))}
        <datalist id="event-slugs">
          {options.events.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
        <button type="submit" name="intent" value="add:relations" className="button button--secondary" formNoValidate>
          Add a related event
        </button>
      </fieldset>

      <div>
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {pending ? 'Saving…' : event ? 'Save changes' : 'Create event'}
        </button>
      </div>
    </form>
  );
}
