import { formatEdtf } from '@/lib/dates';
import type { DatasetEvent } from '@/lib/dataset/format';
import type { FieldChange } from '@/lib/revisions';
import { ACTOR_KIND_LABELS, ACTOR_ROLE_LABELS, EVENT_TYPE_LABELS, RELATION_LABELS, type ActorKind, type ActorRole, type EventType, type RelationType } from '@/lib/vocabulary';

/**
 * An event's revisions in words: "+ Donald Trump — Decision-maker", source
 * titles instead of ids, policy and event titles instead of slugs. Pure, so the
 * names come in as `RevisionNames` (lib/history.ts reads them for one event).
 * Actors, sources and policies are told the same way, with their own labels.
 */

export const NO_NAMES: RevisionNames = { actors: new Map(), sources: new Map(), policies: new Map(), events: new Map(), topics: new Map() };

export interface RevisionNames {
  actors: Map<string, string>;
  sources: Map<string, { title: string; publisher: string | null }>;
  policies: Map<string, string>;
  events: Map<string, string>;
  topics: Map<string, string>;
}

export const EVENT_FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Slug',
  summary: 'Summary',
  date: 'Date',
  type: 'Type',
  jurisdiction: 'Jurisdiction',
  policy: 'Policy',
  topics: 'Topics',
  actors: 'Actors and roles',
  citations: 'Citations',
  relations: 'Related events',
};

/** A field that holds one value: its words before and after (null for none). */
export interface ValueChange {
  kind: 'value';
  field: string;
  label: string;
  before: string | null;
  after: string | null;
}
/** A field that holds a list: the entries taken out and put in, in words. */
export interface ListChange {
  kind: 'list';
  field: string;
  label: string;
  removed: string[];
  added: string[];
}
export type ChangeInWords = ValueChange | ListChange;

/** A field of a record as it was created: one value or a list of entries. */
export interface FieldInWords {
  field: string;
  label: string;
  value: string | null;
  entries?: string[];
}

const LIST_FIELDS = new Set(['topics', 'actors', 'citations', 'relations']);

type Snapshot = Record<string, unknown>;
const isList = (field: string, ...values: unknown[]) => LIST_FIELDS.has(field) || values.some(Array.isArray);
const asArray = (value: unknown): Array<Record<string, unknown>> =>
  Array.isArray(value) ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null) : [];
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function sourceWords(id: string, names: RevisionNames): string {
  const source = names.sources.get(id);
  if (!source) return `source ${id}`;
  return source.publisher ? `“${source.title}” (${source.publisher})` : `“${source.title}”`;
}

/** The entries of a list field, each in words; kept in the record's order. */
function entriesOf(field: string, value: unknown, names: RevisionNames): string[] {
  if (field === 'topics') return (Array.isArray(value) ? value : []).map((slug) => names.topics.get(String(slug)) ?? String(slug));
  if (field === 'actors') {
    return asArray(value).map((link) => {
      const slug = text(link.actor);
      const role = ACTOR_ROLE_LABELS[text(link.role) as ActorRole] ?? text(link.role);
      return `${names.actors.get(slug) ?? slug} — ${role.toLowerCase()}`;
    });
  }
  if (field === 'citations') {
    return asArray(value).map((citation) => {
      const quote = text(citation.quote);
      return quote ? `${sourceWords(text(citation.source), names)}, quoting “${quote}”` : sourceWords(text(citation.source), names);
    });
  }
  if (field === 'relations') {
    return asArray(value).map((relation) => {
      const slug = text(relation.event);
      const type = RELATION_LABELS[text(relation.type) as RelationType]?.outgoing ?? text(relation.type);
      return `${type} “${names.events.get(slug) ?? slug}”`;
    });
  }
  return (Array.isArray(value) ? value : []).map(String);
}

/** A one-value field in words; null when it has none. */
function valueOf(field: string, value: unknown, names: RevisionNames): string | null {
  if (value === null || value === undefined || value === '') return null;
  const raw = text(value) || String(value);
  if (field === 'date' || field === 'publishedOn') {
    const readable = formatEdtf(raw);
    return readable === raw ? raw : `${readable} (${raw})`;
  }
  if (field === 'type') return EVENT_TYPE_LABELS[raw as EventType] ?? raw;
  if (field === 'policy') return names.policies.get(raw) ?? raw;
  if (field === 'kind') return ACTOR_KIND_LABELS[raw as ActorKind]?.one ?? raw;
  if (field === 'parent') return names.actors.get(raw) ?? raw;
  return raw;
}

/** Each changed field in words; a list field says only which entries went and came. */
export function changesInWords(changes: FieldChange[], names: RevisionNames, labels: Record<string, string> = EVENT_FIELD_LABELS): ChangeInWords[] {
  return changes.flatMap((change): ChangeInWords[] => {
    const label = labels[change.field] ?? change.field;
    if (!isList(change.field, change.before, change.after)) {
      return [{ kind: 'value', field: change.field, label, before: valueOf(change.field, change.before, names), after: valueOf(change.field, change.after, names) }];
    }
    const before = entriesOf(change.field, change.before, names);
    const after = entriesOf(change.field, change.after, names);
    const removed = before.filter((entry) => !after.includes(entry));
    const added = after.filter((entry) => !before.includes(entry));
    // A reordering alone changes no entry: nothing worth a line.
    return removed.length + added.length === 0 ? [] : [{ kind: 'list', field: change.field, label, removed, added }];
  });
}

/** What a record was created with, field by field, in the form's order; empty fields left out. */
export function recordInWords(
  snapshot: Snapshot | Partial<DatasetEvent>,
  names: RevisionNames,
  labels: Record<string, string> = EVENT_FIELD_LABELS,
): FieldInWords[] {
  return Object.keys(labels).flatMap((field): FieldInWords[] => {
    const value = (snapshot as Snapshot)[field];
    const label = labels[field];
    if (isList(field, value)) {
      const entries = entriesOf(field, value, names);
      return entries.length === 0 ? [] : [{ field, label, value: null, entries }];
    }
    const words = valueOf(field, value, names);
    return words === null ? [] : [{ field, label, value: words }];
  });
}

/** The slugs and ids a set of event snapshots mention, to read their names once for all. */
export function referencesOf(snapshots: Array<Snapshot | null>) {
  const refs = { actors: new Set<string>(), sources: new Set<string>(), policies: new Set<string>(), events: new Set<string>(), topics: new Set<string>() };
  for (const snapshot of snapshots) {
    if (!snapshot) continue;
    if (typeof snapshot.policy === 'string') refs.policies.add(snapshot.policy);
    for (const slug of Array.isArray(snapshot.topics) ? snapshot.topics : []) refs.topics.add(String(slug));
    for (const link of asArray(snapshot.actors)) refs.actors.add(text(link.actor));
    for (const citation of asArray(snapshot.citations)) refs.sources.add(text(citation.source));
    for (const relation of asArray(snapshot.relations)) refs.events.add(text(relation.event));
  }
  return refs;
}
