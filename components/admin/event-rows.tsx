import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import { LIMITS } from '@/lib/fields';
import type { ActorRowValues, CitationRowValues, RelationRowValues } from '@/lib/validation/event';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, ACTOR_ROLE_LABELS, ACTOR_ROLES, AVAILABILITIES, RELATION_LABELS, RELATION_TYPES } from '@/lib/vocabulary';

/**
 * The repeatable rows of the event form. Each row's remove button, like the
 * add buttons, submits the form with an intent, so rows work without JavaScript.
 */

const ROLE_OPTIONS = ACTOR_ROLES.map((role) => ({ value: role, label: ACTOR_ROLE_LABELS[role] }));
const KIND_OPTIONS = ACTOR_KINDS.map((kind) => ({ value: kind, label: ACTOR_KIND_LABELS[kind].one }));
const RELATION_OPTIONS = RELATION_TYPES.map((type) => ({ value: type, label: RELATION_LABELS[type].outgoing }));
const AVAILABILITY_OPTIONS = AVAILABILITIES.map((value) => ({
  value,
  label: { live: 'Live at its address', removed: 'Removed from its address', unknown: 'Not checked' }[value],
}));

type Errors = Record<string, string> | undefined;

function RemoveButton({ collection, rowKey, label }: { collection: string; rowKey: string; label: string }) {
  return (
    <button type="submit" name="intent" value={`remove:${collection}:${rowKey}`} className="button button--secondary" formNoValidate>
      Remove {label}
    </button>
  );
}

export function ActorRow({ row, index, errors, actorOptions }: { row: ActorRowValues; index: number; errors: Errors; actorOptions: SelectOption[] }) {
  const name = (field: string) => `actors[${index}].${field}`;
  const error = (field: string) => errors?.[`actors.${index}.${field}`];
  return (
    <fieldset className="row" data-testid="actor-row">
      <legend>Actor {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <div className="row__fields">
        <SelectField name={name('actor')} label="Existing actor" options={actorOptions} placeholder="— or name a new one below —" defaultValue={row.actor} error={error('actor')} />
        <SelectField name={name('role')} label="Role" options={ROLE_OPTIONS} defaultValue={row.role} error={error('role')} />
      </div>
      <div className="row__fields">
        <TextField name={name('newName')} label="New actor's name" defaultValue={row.newName} error={error('newName')} maxLength={LIMITS.name} />
        <SelectField name={name('newKind')} label="New actor's kind" options={KIND_OPTIONS} defaultValue={row.newKind} error={error('newKind')} />
      </div>
      <RemoveButton collection="actors" rowKey={row.key} label={`actor ${index + 1}`} />
    </fieldset>
  );
}

export function CitationRow({
  row,
  index,
  errors,
  sourceOptions,
}: {
  row: CitationRowValues;
  index: number;
  errors: Errors;
  sourceOptions: SelectOption[];
}) {
  const name = (field: string) => `citations[${index}].${field}`;
  const error = (field: string) => errors?.[`citations.${index}.${field}`];
  const hasNewSource = Object.entries(row.newSource).some(([field, value]) => field !== 'availability' && value !== '');
  return (
    <fieldset className="row" data-testid="citation-row">
      <legend>Citation {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <SelectField name={name('source')} label="Existing source" options={sourceOptions} placeholder="— or describe a new source below —" defaultValue={row.source} error={error('source')} />
      <TextField
        name={name('quote')}
        label="Quoted passage"
        hint="The words in the source that support this event. Leave empty only when the source itself is the record."
        multiline
        rows={3}
        defaultValue={row.quote}
        error={error('quote')}
        maxLength={LIMITS.quote}
      />
      <details open={hasNewSource || undefined}>
        <summary>New source</summary>
        <div className="row__fields">
          <TextField name={name('newSource.title')} label="Source title" defaultValue={row.newSource.title} error={error('newSource.title')} maxLength={LIMITS.title} />
          <TextField name={name('newSource.publisher')} label="Publisher" defaultValue={row.newSource.publisher} error={error('newSource.publisher')} maxLength={LIMITS.publisher} />
        </div>
        <div className="row__fields">
          <TextField
            name={name('newSource.publishedOn')}
            label="Published (EDTF)"
            hint="e.g. 2026-05-21, 2026-05"
            defaultValue={row.newSource.publishedOn}
            error={error('newSource.publishedOn')}
          />
          <SelectField name={name('newSource.availability')} label="Availability" options={AVAILABILITY_OPTIONS} defaultValue={row.newSource.availability} error={error('newSource.availability')} />
        </div>
        <TextField name={name('newSource.url')} label="URL (http or https)" type="url" defaultValue={row.newSource.url} error={error('newSource.url')} />
        <TextField name={name('newSource.archiveUrl')} label="Archived copy URL" type="url" defaultValue={row.newSource.archiveUrl} error={error('newSource.archiveUrl')} />
      </details>
      <RemoveButton collection="citations" rowKey={row.key} label={`citation ${index + 1}`} />
    </fieldset>
  );
}

export function RelationRow({ row, index, errors }: { row: RelationRowValues; index: number; errors: Errors }) {
  const name = (field: string) => `relations[${index}].${field}`;
  const error = (field: string) => errors?.[`relations.${index}.${field}`];
  return (
    <fieldset className="row" data-testid="relation-row">
      <legend>Relation {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <div className="row__fields">
        <SelectField name={name('type')} label="This event…" options={RELATION_OPTIONS} defaultValue={row.type} error={error('type')} />
        <TextField name={name('event')} label="…the event with slug" list="event-slugs" defaultValue={row.event} error={error('event')} />
      </div>
      <RemoveButton collection="relations" rowKey={row.key} label={`relation ${index + 1}`} />
    </fieldset>
  );
}
