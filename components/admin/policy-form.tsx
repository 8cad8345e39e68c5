'use client';

import { useActionState } from 'react';
import { ConflictNotice } from '@/components/forms/conflict-notice';
import { FormMessage } from '@/components/forms/form-message';
import { TextField } from '@/components/forms/text-field';
import type { FormAction } from '@/lib/admin/form-types';
import { LIMITS } from '@/lib/fields';
import type { FormState } from '@/lib/forms';
import type { PolicyFormValues } from '@/lib/validation/policy';

const LABELS = { slug: 'Slug', title: 'Title', summary: 'Summary' };

interface PolicyFormProps {
  /** The route's save action. */
  action: FormAction<FormState<PolicyFormValues>>;
  policy?: PolicyFormValues & { id: string; version: number };
}

export function PolicyForm({ action, policy }: PolicyFormProps) {
  const [state, formAction, pending] = useActionState<FormState<PolicyFormValues>, FormData>(action, {
    status: 'idle',
    values: policy ? { slug: policy.slug, title: policy.title, summary: policy.summary } : { slug: '', title: '', summary: '' },
  });
  const values = state.values;
  // After a conflict the form saves over the version now stored, on purpose.
  const version = state.conflict?.version ?? policy?.version;
  return (
    <form action={formAction} className="form" noValidate>
      <FormMessage state={state} />
      <ConflictNotice conflict={state.conflict} labels={LABELS} />
      {policy && <input type="hidden" name="id" value={policy.id} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}
      <TextField name="title" label={LABELS.title} defaultValue={values?.title} error={state.errors?.title} maxLength={LIMITS.title} required />
      <TextField
        name="slug"
        label={LABELS.slug}
        hint="Part of the policy's address. Leave empty to make one from the title."
        defaultValue={values?.slug}
        error={state.errors?.slug}
        maxLength={80}
      />
      <TextField
        name="summary"
        label={LABELS.summary}
        multiline
        defaultValue={values?.summary}
        error={state.errors?.summary}
        maxLength={LIMITS.summary}
        required
      />
      <div>
        <button type="submit" className="button" disabled={pending}>
          {pending ? 'Saving…' : policy ? 'Save changes' : 'Create policy'}
        </button>
      </div>
    </form>
  );
}
