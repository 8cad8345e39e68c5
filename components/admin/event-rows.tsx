import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import { fieldId } from '@/lib/admin/form-types';
import { LIMITS } from '@/lib/fields';
import type { ActorRowValues, CitationRowValues, RelationRowValues } from '@/lib/validation/event';
import { ACTOR_KIND_LABELS, ACTOR_KINDS, ACTOR_ROLE_LABELS, ACTOR_ROLES, AVAILABILITIES, RELATION_LABELS, RELATION_TYPES } from '@/lib/vocabulary';

/**
 * The repeatable rows of the event form. Each row's remove button, like the
 * add buttons, submits the form with an intent, so rows work without JavaScript.
 * The control named by `focus` (the first of a row just added) carries
 * autofocus, so the page the server renders opens where the editor was.
 */

const ROLE_OPTIONS = ACTOR_ROLES.map((role) => ({ value: role, label: ACTOR_ROLE_LABELS[role] }));
const KIND_OPTIONS = ACTOR_KINDS.map((kind) => ({ value: kind, label: ACTOR_KIND_LABELS[kind].one }));
const RELATION_OPTIONS = RELATION_TYPES.map((type) => ({ value: type, label: RELATION_LABELS[type].outgoing }));
const AVAILABILITY_OPTIONS = AVAILABILITIES.map((value) => ({
  value,
  label: { live: 'Live at its address', removed: 'Removed from its address', unknown: 'Not checked' }[value],
}));

/** How the fields of a row are named in the error summary ("Actor 2 · Role"). */
export const ROW_FIELD_LABELS: Record<string, string> = {
  actor: 'Existing actor',
  role: 'Role',
  newName: "New actor's name",
  newKind: "New actor's kind",
  source: 'Existing source',
  quote: 'Quoted passage',
  'newSource.title': 'Source title',
  'newSource.publisher': 'Publisher',
  'newSource.publishedOn': 'Published',
  'newSource.url': 'URL',
  'newSource.availability': 'Availability',
  'newSource.archiveUrl': 'Archived copy URL',
  type: 'Relation',
  event: 'Related event',
};

type Errors = Record<string, string> | undefined;
interface RowProps<Row> {
  row: Row;
  index: number;
  errors: Errors;
  /** The id of the control that takes focus when the form is shown again. */
  focus?: string;
}

function rowHelpers(collection: string, index: number, errors: Errors, focus: string | undefined) {
  const name = (field: string) => `${collection}[${index}].${field}`;
  return {
    name,
    error: (field: string) => errors?.[`${collection}.${index}.${field}`],
    autoFocus: (field: string) => focus === fieldId(name(field)),
  };
}

function RemoveButton({ collection, rowKey, label }: { collection: string; rowKey: string; label: string }) {
  return (
    <button type="submit" name="intent" value={`remove:${collection}:${rowKey}`} className="button button--secondary row__remove" formNoValidate>
      Remove {label}
    </button>
  );
}

export function ActorRow({ row, index, errors, focus, actorOptions }: RowProps<ActorRowValues> & { actorOptions: SelectOption[] }) {
  const { name, error, autoFocus } = rowHelpers('actors', index, errors, focus);
  // The new actor's fields are for creating one: out of the way unless the editor is doing so.
  const creating = Boolean(row.newName || error('newName') || error('newKind'));
  return (
    <fieldset className="row" data-testid="actor-row">
      <legend>Actor {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <div className="row__fields">
        <SelectField
          name={name('actor')}
          label="Existing actor"
          options={actorOptions}
          placeholder={creating ? '— the new actor below —' : 'Choose an actor'}
          defaultValue={row.actor}
          error={error('actor')}
          autoFocus={autoFocus('actor')}
        />
        <SelectField name={name('role')} label="Role" options={ROLE_OPTIONS} defaultValue={row.role} error={error('role')} />
      </div>
      <details open={creating || undefined}>
        <summary>Not in the list? Add a new actor</summary>
        <div className="row__fields">
          <TextField name={name('newName')} label="New actor's name" defaultValue={row.newName} error={error('newName')} maxLength={LIMITS.name} />
          <SelectField name={name('newKind')} label="New actor's kind" options={KIND_OPTIONS} defaultValue={row.newKind} error={error('newKind')} />
        </div>
      </details>
      <RemoveButton collection="actors" rowKey={row.key} label={`actor ${index + 1}`} />
    </fieldset>
  );
}

export function CitationRow({ row, index, errors, focus, sourceOptions }: RowProps<CitationRowValues> & { sourceOptions: SelectOption[] }) {
  const { name, error, autoFocus } = rowHelpers('citations', index, errors, focus);
  const hasNewSource = Object.entries(row.newSource).some(([field, value]) => field !== 'availability' && value !== '');
  const newSourceError = Object.keys(errors ?? {}).some((key) => key.startsWith(`citations.${index}.newSource.`));
  return (
    <fieldset className="row" data-testid="citation-row">
      <legend>Citation {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <SelectField
        name={name('source')}
        label="Existing source"
        options={sourceOptions}
        placeholder={hasNewSource ? '— the new source below —' : 'Choose a source'}
        defaultValue={row.source}
        error={error('source')}
        autoFocus={autoFocus('source')}
      />
      <TextField
        name={name('quote')}
        label="Quoted passage"
        hint="The words in the source that support this event; empty only when the source itself is the record."
        multiline
        rows={2}
        defaultValue={row.quote}
        error={error('quote')}
        maxLength={LIMITS.quote}
      />
      <details open={hasNewSource || newSourceError || undefined}>
        <summary>Not in the list? Describe a new source</summary>
        <div className="row__fields">
          <TextField name={name('newSource.title')} label="Source title" defaultValue={row.newSource.title} error={error('newSource.title')} maxLength={LIMITS.title} />
          <TextField name={name('newSource.publisher')} label="Publisher" defaultValue={row.newSource.publisher} error={error('newSource.publisher')} maxLength={LIMITS.publisher} />
          <TextField
            name={name('newSource.publishedOn')}
            label="Published (EDTF)"
            hint="e.g. 2026-05-21, 2026-05"
            defaultValue={row.newSource.publishedOn}
            error={error('newSource.publishedOn')}
          />
          <SelectField name={name('newSource.availability')} label="Availability" options={AVAILABILITY_OPTIONS} defaultValue={row.newSource.availability} error={error('newSource.availability')} />
          <TextField name={name('newSource.url')} label="URL (http or https)" type="url" defaultValue={row.newSource.url} error={error('newSource.url')} />
          <TextField name={name('newSource.archiveUrl')} label="Archived copy URL" type="url" defaultValue={row.newSource.archiveUrl} error={error('newSource.archiveUrl')} />
        </div>
      </details>
      <RemoveButton collection="citations" rowKey={row.key} label={`citation ${index + 1}`} />
    </fieldset>
  );
}

export function RelationRow({ row, index, errors, focus }: RowProps<RelationRowValues>) {
  const { name, error, autoFocus } = rowHelpers('relations', index, errors, focus);
  return (
    <fieldset className="row" data-testid="relation-row">
      <legend>Relation {index + 1}</legend>
      <input type="hidden" name={name('key')} value={row.key} />
      <div className="row__fields">
        <SelectField name={name('type')} label="This event…" options={RELATION_OPTIONS} defaultValue={row.type} error={error('type')} autoFocus={autoFocus('type')} />
        <TextField name={name('event')} label="…the event (title or slug)" list="event-choices" autoComplete="off" defaultValue={row.event} error={error('event')} />
      </div>
      <RemoveButton collection="relations" rowKey={row.key} label={`relation ${index + 1}`} />
    </fieldset>
  );
}
