'use client';

import { useActionState } from 'react';
import { ACTOR_FIELD_LABELS as LABELS } from '@/components/admin/field-labels';
import { ConflictNotice } from '@/components/forms/conflict-notice';
import { FormMessage } from '@/components/forms/form-message';
import { SelectField, type SelectOption } from '@/components/forms/select-field';
import { TextField } from '@/components/forms/text-field';
import type { FormAction } from '@/lib/admin/form-types';
import type { ActorOption } from '@/lib/actors';
import { LIMITS } from '@/lib/fields';
import type { FormState } from '@/lib/forms';
import type { ActorFormValues } from '@/lib/validation/actor';
import { ACTOR_KIND_LABELS, ACTOR_KINDS } from '@/lib/vocabulary';

const KIND_OPTIONS: SelectOption[] = ACTOR_KINDS.map((kind) => ({ value: kind, label: ACTOR_KIND_LABELS[kind].one }));
const EMPTY: ActorFormValues = { slug: '', name: '', kind: '', parent: '', aliases: '' };

/** Every live actor but this one; a parent that is not among them is still shown, so it is not silently dropped. */
function parentOptions(choices: ActorOption[], selected: string): SelectOption[] {
  const options = choices.map((choice) => ({ value: choice.slug, label: `${choice.name} (${ACTOR_KIND_LABELS[choice.kind].one})` }));
  if (selected && !choices.some((choice) => choice.slug === selected)) options.unshift({ value: selected, label: `${selected} (not a live actor)` });
  return options;
}

interface ActorFormProps {
  /** The route's save action. */
  action: FormAction<FormState<ActorFormValues>>;
  actor?: ActorFormValues & { id: string; version: number };
  /** Live actors that can be chosen as the parent (the form's own actor left out). */
  parentChoices: ActorOption[];
}

export function ActorForm({ action, actor, parentChoices }: ActorFormProps) {
  const [state, formAction, pending] = useActionState<FormState<ActorFormValues>, FormData>(action, {
    status: 'idle',
    values: actor ? { slug: actor.slug, name: actor.name, kind: actor.kind, parent: actor.parent, aliases: actor.aliases } : EMPTY,
  });
  const values = state.values ?? EMPTY;
  // After a conflict the form saves over the version now stored, on purpose.
  const version = state.conflict?.version ?? actor?.version;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <ConflictNotice conflict={state.conflict} labels={LABELS} />
      {actor && <input type="hidden" name="id" value={actor.id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <TextField name="name" label={LABELS.name} defaultValue={values.name} error={state.errors?.name} maxLength={LIMITS.name} required />
      <TextField
        name="slug"
        label={LABELS.slug}
        hint="Part of the actor's address. Leave empty to make one from the name."
        defaultValue={values.slug}
        error={state.errors?.slug}
        maxLength={80}
      />
      <SelectField
        name="kind"
        label={LABELS.kind}
        options={KIND_OPTIONS}
        placeholder="Choose a kind…"
        defaultValue={values.kind}
        error={state.errors?.kind}
        required
      />
      <SelectField
        name="parent"
        label={LABELS.parent}
        hint="The body this actor sits under, such as the department of an agency (NIST under Commerce)."
        options={parentOptions(parentChoices, values.parent)}
        placeholder="None"
        defaultValue={values.parent}
        error={state.errors?.parent}
      />
      <TextField
        name="aliases"
        label={LABELS.aliases}
        hint="Other names readers may know it by, such as an abbreviation: one per line."
        multiline
        rows={3}
        defaultValue={values.aliases}
        error={state.errors?.aliases}
      />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : actor ? 'Save changes' : 'Create actor'}
        </button>
      </div>
    </form>
  );
}
