import { z } from 'zod';
import { jurisdictionSchema, LIMITS, MULTILINE, optionalSlugSchema, slugSchema, textSchema } from '@/lib/fields';
import { fieldId } from '@/lib/admin/form-types';
import type { FormState } from '@/lib/forms';
import { dateInputSchema } from '@/lib/natural-date';
import { slugify } from '@/lib/slugs';
import { sourceInputSchema, type SourceInput } from '@/lib/validation/source';
import {
  actorKindSchema,
  actorRoleSchema,
  eventTypeSchema,
  relationTypeSchema,
  type ActorKind,
  type ActorRole,
  type RelationType,
} from '@/lib/vocabulary';

/**
 * The event form: the event's own fields plus repeatable rows of actors,
 * citations and relations, where an actor, a source or the policy can be
 * picked or created on the spot. The form and the server action share it.
 */

type Issue = { path: (string | number)[]; message: string };
const fail = (context: z.RefinementCtx, issue: Issue) => context.addIssue({ code: 'custom', ...issue });

function check<T>(schema: z.ZodType<T>, value: unknown, context: z.RefinementCtx, path: (string | number)[]): T | undefined {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) fail(context, { path: [...path, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))], message: issue.message });
  return undefined;
}

export type ActorChoice = { existing: string } | { create: { name: string; kind: ActorKind } };
export type SourceChoice = { existing: string } | { create: SourceInput };

/*
 * What the form holds, as typed: one schema gives both the values' type and
 * the reading of a posted form. Every field reads as a string whatever was
 * sent (a missing field takes the form's default), rows that are not objects
 * are dropped, and nothing is trimmed, so the form shows exactly what the
 * editor typed. eventFormSchema below checks these values.
 */
const field = (fallback = '') => z.string().catch(fallback);
const rowKey = z.string().max(40).catch('');
const rowsOf = <Row extends z.ZodType>(row: Row) =>
  z
    .array(row.nullable().catch(null))
    .catch([])
    .transform((rows) => rows.filter((value): value is NonNullable<z.output<Row>> => value !== null));

const EMPTY_NEW_SOURCE = { title: '', publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' };
const actorRowValuesSchema = z.object({ key: rowKey, actor: field(), role: field('participant'), newName: field(), newKind: field('person') });
const citationRowValuesSchema = z.object({
  key: rowKey,
  source: field(),
  quote: field(),
  newSource: z
    .object({ title: field(), publisher: field(), publishedOn: field(), url: field(), availability: field('live'), archiveUrl: field() })
    .catch(EMPTY_NEW_SOURCE),
});
const relationRowValuesSchema = z.object({ key: rowKey, type: field('follows'), event: field() });

export const eventFormValuesSchema = z.object({
  slug: field(),
  title: field(),
  summary: field(),
  date: field(),
  // No preset: a type is a claim about what happened, and a preset one is saved by accident.
  type: field(),
  jurisdiction: field('US'),
  policy: field(),
  newPolicyTitle: field(),
  newPolicySummary: field(),
  topics: field(),
  actors: rowsOf(actorRowValuesSchema),
  citations: rowsOf(citationRowValuesSchema),
  relations: rowsOf(relationRowValuesSchema),
});

/** What the form holds: every field as typed, rows with a stable key for rendering. */
export type EventFormValues = z.output<typeof eventFormValuesSchema>;
export type ActorRowValues = z.output<typeof actorRowValuesSchema>;
export type CitationRowValues = z.output<typeof citationRowValuesSchema>;
export type RelationRowValues = z.output<typeof relationRowValuesSchema>;

/** The form's values exactly as submitted (parsed by lib/form-data.ts), with every field present. */
export function eventFormValuesFrom(raw: Record<string, unknown>): EventFormValues {
  return eventFormValuesSchema.parse(raw);
}

/** What the event form's server action returns: the form state plus how the date will read. */
export type EventFormState = FormState<EventFormValues> & {
  datePreview?: string;
  /** The id of the control to focus when the form comes back: the first of a row just added, or the add button after a removal. */
  focus?: string;
};

type CitationRow = CitationRowValues;

/** Selects with a preset value (role, availability) do not count: a row nobody typed in is skipped. */
const isBlankActorRow = (row: ActorRowValues) => !row.actor && !row.newName;
const describesNewSource = (row: CitationRow) =>
  Object.entries(row.newSource).some(([field, value]) => field !== 'availability' && value !== '');
const isBlankCitationRow = (row: CitationRow) => !row.source && !row.quote.trim() && !describesNewSource(row);

const RELATED_EVENT = textSchema('A related event (its title or slug)', LIMITS.title);
const QUOTE = textSchema('A quote', LIMITS.quote, MULTILINE);
const TOPIC = textSchema('A topic', LIMITS.name);
/** Room for the most topics of the longest names, with a separator and some spaces each. */
export const MAX_TOPICS_LENGTH = LIMITS.listItems * (LIMITS.name + 10);

/**
 * The topics field: names separated by commas or line breaks. The work is
 * bounded by the limits, not by what was sent: only the first
 * MAX_TOPICS_LENGTH characters are read, and reading stops at the first name
 * past the limit of LIMITS.listItems.
 */
function checkTopics(field: string, context: z.RefinementCtx): Array<{ slug: string; name: string }> {
  const names = new Set<string>();
  for (const match of field.slice(0, MAX_TOPICS_LENGTH).matchAll(/[^,\n]+/g)) {
    const name = match[0].trim();
    if (name === '' || names.has(name)) continue;
    if (names.size === LIMITS.listItems) {
      fail(context, { path: ['topics'], message: `At most ${LIMITS.listItems} topics` });
      return [];
    }
    names.add(name);
  }
  if (field.length > MAX_TOPICS_LENGTH) {
    fail(context, { path: ['topics'], message: `The topics are at most ${MAX_TOPICS_LENGTH.toLocaleString('en-US')} characters in all` });
    return [];
  }
  // "AI safety" and "AI Safety" are one topic: keep the first spelling of each slug.
  const topics = new Map<string, { slug: string; name: string }>();
  for (const name of names) {
    const valid = check(TOPIC, name, context, ['topics']);
    const slug = valid ? slugify(valid) : '';
    if (valid && slug && !topics.has(slug)) topics.set(slug, { slug, name: valid });
  }
  return [...topics.values()];
}

/** The row fields that are picked or named (not the quote, kept as typed), trimmed. */
function trimmedRows(form: EventFormValues) {
  const trim = <Row extends Record<string, unknown>>(row: Row): Row =>
    Object.fromEntries(Object.entries(row).map(([name, value]) => [name, typeof value === 'string' && name !== 'quote' ? value.trim() : value])) as Row;
  return {
    actors: form.actors.map(trim),
    citations: form.citations.map((row) => ({ ...trim(row), newSource: trim(row.newSource) })),
    relations: form.relations.map(trim),
  };
}

const tooManyRows = (form: EventFormValues, context: z.RefinementCtx) => {
  for (const [collection, what] of [['actors', 'actors'], ['citations', 'citations'], ['relations', 'related events']] as const) {
    if (form[collection].length > LIMITS.listItems) fail(context, { path: [collection], message: `At most ${LIMITS.listItems} ${what}` });
  }
};

/**
 * The event form checked, for the server action: the same values schema, so
 * whatever the form accepts (natural dates, a related event by title) is what
 * the server accepts. The event's own fields are checked inside the transform
 * together with the rows, so one save reports every problem.
 */
export const eventFormSchema = eventFormValuesSchema
  .transform((values, context) => {
    tooManyRows(values, context);
    const form = {
      ...values,
      policy: values.policy.trim(),
      newPolicyTitle: values.newPolicyTitle.trim(),
      newPolicySummary: values.newPolicySummary.trim(),
      ...trimmedRows(values),
    };
    const slug = check(optionalSlugSchema, form.slug, context, ['slug']);
    const title = check(textSchema('A title', LIMITS.title), form.title, context, ['title']);
    const summary = check(textSchema('A summary', LIMITS.summary, MULTILINE), form.summary, context, ['summary']);
    const date = check(dateInputSchema, form.date, context, ['date']);
    const type = form.type === '' ? fail(context, { path: ['type'], message: 'Choose the type of event' }) : check(eventTypeSchema, form.type, context, ['type']);
    const jurisdiction = check(jurisdictionSchema, form.jurisdiction, context, ['jurisdiction']);

    let policy: { existing: string } | { create: { title: string; summary: string } } | null = null;
    if (form.newPolicyTitle || form.newPolicySummary) {
      if (form.policy) fail(context, { path: ['newPolicyTitle'], message: 'Pick an existing policy or create a new one, not both' });
      const title = check(textSchema('A new policy needs a title; it', LIMITS.title), form.newPolicyTitle, context, ['newPolicyTitle']);
      const summary = check(textSchema('A new policy needs a summary; it', LIMITS.summary, MULTILINE), form.newPolicySummary, context, ['newPolicySummary']);
      if (title && summary) policy = { create: { title, summary } };
    } else if (form.policy) {
      const slug = check(slugSchema, form.policy, context, ['policy']);
      if (slug) policy = { existing: slug };
    }

    const topics = checkTopics(form.topics, context);

    const actors: Array<{ row: number; role: ActorRole; actor: ActorChoice }> = [];
    const seenActorRoles = new Set<string>();
    form.actors.forEach((row, index) => {
      if (isBlankActorRow(row)) return;
      const path = ['actors', index];
      const role = check(actorRoleSchema, row.role, context, [...path, 'role']);
      let actor: ActorChoice | undefined;
      if (row.actor && row.newName) {
        fail(context, { path: [...path, 'newName'], message: 'Choose an existing actor or name a new one, not both' });
      } else if (row.actor) {
        const slug = check(slugSchema, row.actor, context, [...path, 'actor']);
        if (slug) actor = { existing: slug };
      } else if (row.newName) {
        const name = check(textSchema('A name', LIMITS.name), row.newName, context, [...path, 'newName']);
        const kind = check(actorKindSchema, row.newKind, context, [...path, 'newKind']);
        if (name && kind) actor = { create: { name, kind } };
      } else {
        fail(context, { path: [...path, 'actor'], message: 'Choose an actor, or name a new one' });
      }
      if (!role || !actor) return;
      const identity = `${'existing' in actor ? actor.existing : slugify(actor.create.name)} ${role}`;
      if (seenActorRoles.has(identity)) fail(context, { path: [...path, 'role'], message: 'This actor is already listed with this role' });
      seenActorRoles.add(identity);
      actors.push({ row: index, role, actor });
    });

    const citations: Array<{ row: number; source: SourceChoice; quote: string | null }> = [];
    form.citations.forEach((row, index) => {
      if (isBlankCitationRow(row)) return;
      const path = ['citations', index];
      const wantsNew = describesNewSource(row);
      let source: SourceChoice | undefined;
      if (row.source && wantsNew) {
        fail(context, { path: [...path, 'source'], message: 'Choose an existing source or describe a new one, not both' });
      } else if (row.source) {
        const id = check(slugSchema, row.source, context, [...path, 'source']);
        if (id) source = { existing: id };
      } else if (wantsNew) {
        const created = check(sourceInputSchema, { ...row.newSource, id: '' }, context, [...path, 'newSource']);
        if (created) source = { create: created };
      } else {
        fail(context, { path: [...path, 'source'], message: 'Choose a source, or describe a new one' });
      }
      const quote = row.quote.trim() === '' ? null : check(QUOTE, row.quote, context, [...path, 'quote']);
      if (source) citations.push({ row: index, source, quote: quote ?? null });
    });
    if (form.citations.every(isBlankCitationRow)) {
      fail(context, { path: ['citations'], message: 'Every event cites at least one source: add a citation' });
    }

    const relations: Array<{ row: number; type: RelationType; event: string }> = [];
    const seenRelations = new Set<string>();
    form.relations.forEach((row, index) => {
      if (row.event === '') return;
      const path = ['relations', index];
      const type = check(relationTypeSchema, row.type, context, [...path, 'type']);
      // A slug or a title: lib/admin/events.ts resolves a title to its event, or says why it cannot.
      const event = check(RELATED_EVENT, row.event, context, [...path, 'event']);
      if (!type || !event) return;
      // The same relation twice is one fact; storing it twice is impossible (one row per type and event).
      if (seenRelations.has(`${type} ${event}`)) {
        fail(context, { path: [...path, 'event'], message: 'This relation to this event is already listed above' });
        return;
      }
      seenRelations.add(`${type} ${event}`);
      relations.push({ row: index, type, event });
    });

    if (slug === undefined || !title || !summary || !date || !type || !jurisdiction) return z.NEVER;
    return {
      slug,
      title,
      summary,
      date,
      type,
      jurisdiction,
      policy,
      topics,
      actors,
      citations,
      relations,
    };
  });
export type EventFormInput = z.infer<typeof eventFormSchema>;

export const emptyActorRow = (key: string): ActorRowValues => ({ key, actor: '', role: 'participant', newName: '', newKind: 'person' });
export const emptyCitationRow = (key: string): CitationRowValues => ({
  key,
  source: '',
  quote: '',
  newSource: { title: '', publisher: '', publishedOn: '', url: '', availability: 'live', archiveUrl: '' },
});
export const emptyRelationRow = (key: string): RelationRowValues => ({ key, type: 'follows', event: '' });

/** A new event's form: one empty actor row and one empty citation row to start from. */
export function emptyEventFormValues(newKey: () => string): EventFormValues {
  return {
    slug: '',
    title: '',
    summary: '',
    date: '',
    type: '',
    jurisdiction: 'US',
    policy: '',
    newPolicyTitle: '',
    newPolicySummary: '',
    topics: '',
    actors: [emptyActorRow(newKey())],
    citations: [emptyCitationRow(newKey())],
    relations: [],
  };
}

/**
 * "Add a row" and "remove this row" buttons submit the form with an intent, so
 * rows can be added and removed without JavaScript; nothing is saved.
 */
export function applyRowIntent(values: EventFormValues, intent: string, newKey: () => string): EventFormValues {
  const [verb, collection, key] = intent.split(':');
  if (verb === 'add') {
    if (collection === 'actors') return { ...values, actors: [...values.actors, emptyActorRow(newKey())] };
    if (collection === 'citations') return { ...values, citations: [...values.citations, emptyCitationRow(newKey())] };
    if (collection === 'relations') return { ...values, relations: [...values.relations, emptyRelationRow(newKey())] };
  }
  if (verb === 'remove') {
    if (collection === 'actors') return { ...values, actors: values.actors.filter((row) => row.key !== key) };
    if (collection === 'citations') return { ...values, citations: values.citations.filter((row) => row.key !== key) };
    if (collection === 'relations') return { ...values, relations: values.relations.filter((row) => row.key !== key) };
  }
  return values;
}

const FIRST_ROW_FIELD = { actors: 'actor', citations: 'source', relations: 'type' } as const;

/**
 * Where the editor's focus belongs after a row intent: the first control of the
 * row just added, or the collection's add button once a row is removed. Ids as
 * lib/admin/form-types.ts makes them.
 */
export function rowIntentFocus(after: EventFormValues, intent: string): string | undefined {
  const [verb, collection] = intent.split(':');
  if (collection !== 'actors' && collection !== 'citations' && collection !== 'relations') return undefined;
  if (verb === 'add') return fieldId(`${collection}[${after[collection].length - 1}].${FIRST_ROW_FIELD[collection]}`);
  if (verb === 'remove') return `add-${collection}`;
  return undefined;
}
