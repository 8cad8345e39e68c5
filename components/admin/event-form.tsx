'use client';

import { useActionState, useEffect } from 'react';
import { EventDateField } from '@/components/admin/event-date-field';
import { ActorRow, CitationRow, RelationRow, ROW_FIELD_LABELS } from '@/components/admin/event-rows';
import { ConflictNotice } from '@/components/forms/conflict-notice';
import { ErrorSummary } from '@/components/forms/error-summary';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import type { FormAction } from '@/lib/admin/form-types';
import { LIMITS } from '@/lib/fields';
import type { EventFormState, EventFormValues } from '@/lib/validation/event';
import { EVENT_TYPE_LABELS, EVENT_TYPES } from '@/lib/vocabulary';

export interface EventFormOptions {
  actors: SelectOption[];
  sources: SelectOption[];
  policies: SelectOption[];
  /** Suggestions for related events: value is what the field receives (a title, or a slug where titles collide). */
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
  newPolicyTitle: "New policy's title",
  newPolicySummary: "New policy's summary",
  topics: 'Topics',
  actors: 'Actors',
  citations: 'Citations',
  relations: 'Related events',
};
const ROW_NAMES: Record<string, string> = { actors: 'Actor', citations: 'Citation', relations: 'Relation' };

/** "Actor 2 · Role" for "actors.1.role"; the form-wide error is shown as such, not as a link. */
function errorLabel(key: string): string | null {
  if (key === 'form') return null;
  const [collection, index, ...rest] = key.split('.');
  if (rest.length > 0 && ROW_NAMES[collection]) return `${ROW_NAMES[collection]} ${Number(index) + 1} · ${ROW_FIELD_LABELS[rest.join('.')] ?? rest.join('.')}`;
  return LABELS[key] ?? key;
}
const errorAnchor = (key: string) => (ROW_NAMES[key] ? `${key}-rows` : undefined);

interface EventFormProps {
  action: FormAction<EventFormState>;
  previewDate: (text: string) => Promise<string>;
  event?: { id: string; version: number };
  initialValues: EventFormValues;
  initialDatePreview: string;
  options: EventFormOptions;
}

function AddRowButton({ collection, focus, children }: { collection: string; focus?: string; children: string }) {
  return (
    <button
      type="submit"
      name="intent"
      value={`add:${collection}`}
      id={`add-${collection}`}
      autoFocus={focus === `add-${collection}`}
      className="button button--secondary"
      formNoValidate
    >
      {children}
    </button>
  );
}

export function EventForm({ action, previewDate, event, initialValues, initialDatePreview, options }: EventFormProps) {
  const [state, formAction, pending] = useActionState<EventFormState, FormData>(action, {
    status: 'idle',
    values: initialValues,
    datePreview: initialDatePreview,
  });
  const values = state.values ?? initialValues;
  const errors = state.errors;
  const version = state.conflict?.version ?? event?.version;
  const focus = state.focus;

  // A row added or removed with JavaScript: the control the server named takes focus (without
  // JavaScript the same control carries autofocus in the page the server renders).
  useEffect(() => {
    if (focus) document.getElementById(focus)?.focus();
  }, [state, focus]);

  return (
    <form action={formAction} className="form event-form" noValidate>
      <ErrorSummary state={state} labelOf={errorLabel} anchorOf={errorAnchor} />
      <ConflictNotice conflict={state.conflict} labels={LABELS} />
      {event && <input type="hidden" name="id" value={event.id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      {/* Pressing Enter in a field saves, rather than triggering the first row button. */}
      <button type="submit" name="intent" value="save" hidden tabIndex={-1} aria-hidden="true" />

      <div className="form-grid">
        <TextField name="title" label="Title" defaultValue={values.title} error={errors?.title} maxLength={LIMITS.title} required />
        <TextField name="summary" label="Summary" multiline rows={4} defaultValue={values.summary} error={errors?.summary} maxLength={LIMITS.summary} required />
        <EventDateField key={`date-${values.date}`} previewDate={previewDate} defaultValue={values.date} serverPreview={state.datePreview} error={errors?.date} />
        <SelectField name="type" label="Type" options={TYPE_OPTIONS} placeholder="Choose a type" defaultValue={values.type} error={errors?.type} required />
        <TextField
          name="jurisdiction"
          label="Jurisdiction"
          hint='"US", "US-CA", "EU" or "INTL".'
          defaultValue={values.jurisdiction}
          error={errors?.jurisdiction}
          required
        />
        <TextField
          name="slug"
          label="Slug"
          hint="Its address; empty: made from the title."
          defaultValue={values.slug}
          error={errors?.slug}
          maxLength={80}
        />
      </div>

      <fieldset id="policy-rows">
        <legend>Policy</legend>
        <SelectField name="policy" label="Existing policy" options={options.policies} placeholder="— none —" defaultValue={values.policy} error={errors?.policy} />
        <details open={Boolean(values.newPolicyTitle || values.newPolicySummary || errors?.newPolicyTitle || errors?.newPolicySummary) || undefined}>
          <summary>Or create a new policy</summary>
          <TextField name="newPolicyTitle" label="New policy's title" defaultValue={values.newPolicyTitle} error={errors?.newPolicyTitle} maxLength={LIMITS.title} />
          <TextField name="newPolicySummary" label="New policy's summary" multiline rows={3} defaultValue={values.newPolicySummary} error={errors?.newPolicySummary} maxLength={LIMITS.summary} />
        </details>
      </fieldset>

      <TextField name="topics" label="Topics" hint="Comma-separated; new topics are created." defaultValue={values.topics} error={errors?.topics} />
      {options.topics.length > 0 && (
        <details className="known-topics">
          <summary>Existing topics ({options.topics.length})</summary>
          <p>{options.topics.join(', ')}</p>
        </details>
      )}

      <fieldset id="actors-rows">
        <legend>Actors</legend>
        {errors?.actors && <p className="field__error">{errors.actors}</p>}
        {values.actors.length === 0 && <p className="muted">No actors yet.</p>}
        {values.actors.map((row, index) => (
          <ActorRow key={row.key} row={row} index={index} errors={errors} focus={focus} actorOptions={options.actors} />
        ))}
        <AddRowButton collection="actors" focus={focus}>Add an actor</AddRowButton>
      </fieldset>

      <fieldset id="citations-rows">
        <legend>Citations</legend>
        {errors?.citations && (
          <p className="field__error" id="citations-error">
            {errors.citations}
          </p>
        )}
        {values.citations.map((row, index) => (
          <CitationRow key={row.key} row={row} index={index} errors={errors} focus={focus} sourceOptions={options.sources} />
        ))}
        <AddRowButton collection="citations" focus={focus}>Add a citation</AddRowButton>
      </fieldset>

      <fieldset id="relations-rows">
        <legend>Related events</legend>
        {values.relations.length === 0 ? (
          <p className="muted">No related events.</p>
        ) : (
          <p className="field__hint">Type a few words of the event&rsquo;s title and pick it, or type its slug.</p>
        )}
        {values.relations.map((row, index) => (
          <RelationRow key={row.key} row={row} index={index} errors={errors} focus={focus} />
        ))}
        <datalist id="event-choices">
          {options.events.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </datalist>
        <AddRowButton collection="relations" focus={focus}>Add a related event</AddRowButton>
      </fieldset>

      <div className="save-bar">
        <button type="submit" name="intent" value="save" className="button" disabled={pending}>
          {pending ? 'Saving…' : event ? 'Save changes' : 'Create event'}
        </button>
        <span className="muted">{event ? 'Saved as a new revision; the history keeps the old one.' : 'Nothing is saved until you create it.'}</span>
      </div>
    </form>
  );
}
