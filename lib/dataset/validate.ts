import { z } from 'zod';
import {
  DATASET_FORMAT,
  datasetActorSchema,
  datasetEventSchema,
  datasetPolicySchema,
  datasetSourceSchema,
  datasetTopicSchema,
  type Dataset,
} from '@/lib/dataset/format';
import { MAX_REPORTED_PROBLEMS } from '@/lib/dataset/limits';

export interface DatasetProblem {
  /** Where in the document, e.g. `events[12].date`; empty for the document itself. */
  path: string;
  message: string;
}

export type DatasetValidation =
  | { ok: true; dataset: Dataset }
  | {
      ok: false;
      /** At most MAX_REPORTED_PROBLEMS problems, in document order (each record's shape first, then references). */
      problems: DatasetProblem[];
      /** True when checking stopped at MAX_REPORTED_PROBLEMS with part of the document unchecked. */
      stoppedEarly: boolean;
    };

/** The problems found so far; once MAX_REPORTED_PROBLEMS are found, the rest of the document is not checked. */
class ProblemLog {
  readonly problems: DatasetProblem[] = [];
  stoppedEarly = false;

  get full(): boolean {
    return this.problems.length >= MAX_REPORTED_PROBLEMS;
  }

  add(problem: DatasetProblem): void {
    if (this.full) this.stoppedEarly = true;
    else this.problems.push(problem);
  }

  addIssues(issues: z.core.$ZodIssue[], prefix: PropertyKey[] = []): void {
    for (const issue of issues) this.add(fromZodIssue({ ...issue, path: [...prefix, ...issue.path] }));
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}

/** "events[12].date: …" — one line a problem, as import and the CLI report them. */
export function describeProblem(problem: DatasetProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}

function fromZodIssue(issue: z.core.$ZodIssue): DatasetProblem {
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') message = `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}`;
  return { path: formatPath(issue.path), message };
}

type Row = Record<string, unknown>;
const rowsOf = (document: unknown, key: string): Row[] => {
  if (typeof document !== 'object' || document === null) return [];
  const rows = (document as Row)[key];
  return Array.isArray(rows) ? rows.map((row) => (typeof row === 'object' && row !== null ? (row as Row) : {})) : [];
};
const stringAt = (row: Row, key: string): string | undefined =>
  typeof row[key] === 'string' ? (row[key] as string).trim() : undefined;

/**
 * Cross-references the shape cannot express: unique keys, and that every
 * reference names something in the document. Runs on the raw document so that
 * one bad field does not hide a dangling reference elsewhere.
 */
function checkReferences(document: unknown, problems: ProblemLog): void {

  const indexKeys = (collection: string, key: string, label: string) => {
    const seen = new Map<string, number>();
    rowsOf(document, collection).forEach((row, index) => {
      const value = stringAt(row, key);
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined) {
        problems.add({
          path: `${collection}[${index}].${key}`,
          message: `Duplicate ${label} "${value}" (also at ${collection}[${first}])`,
        });
      } else seen.set(value, index);
    });
    return seen;
  };

  const actors = indexKeys('actors', 'slug', 'actor slug');
  const sources = indexKeys('sources', 'id', 'source id');
  const policies = indexKeys('policies', 'slug', 'policy slug');
  const events = indexKeys('events', 'slug', 'event slug');
  indexKeys('topics', 'slug', 'topic slug');

  const actorRows = rowsOf(document, 'actors');
  actorRows.forEach((row, index) => {
    // An actor's aliases are stored keyed by their text: one listed twice could not be written.
    const aliases = new Map<string, number>();
    (Array.isArray(row.aliases) ? row.aliases : []).forEach((alias: unknown, aliasIndex) => {
      if (typeof alias !== 'string') return;
      const first = aliases.get(alias.trim());
      if (first !== undefined) {
        problems.add({ path: `actors[${index}].aliases[${aliasIndex}]`, message: `Duplicate alias "${alias.trim()}" (also at actors[${index}].aliases[${first}])` });
      } else aliases.set(alias.trim(), aliasIndex);
    });

    const parent = stringAt(row, 'parent');
    if (!parent) return;
    const path = `actors[${index}].parent`;
    if (!actors.has(parent)) {
      problems.add({ path, message: `No actor with slug "${parent}" in this document` });
      return;
    }
    // Walk up the parents: a chain that returns to this actor is a cycle.
    const self = stringAt(row, 'slug');
    const visited = new Set<string>();
    for (let current: string | undefined = parent; current; ) {
      if (current === self) {
        problems.add({ path, message: `"${parent}" cannot be the parent: it would make the actor its own ancestor` });
        break;
      }
      if (visited.has(current)) break;
      visited.add(current);
      const parentRow: Row | undefined = actorRows[actors.get(current) ?? -1];
      current = parentRow ? stringAt(parentRow, 'parent') : undefined;
    }
  });

  rowsOf(document, 'events').forEach((row, index) => {
    const at = `events[${index}]`;
    const slug = stringAt(row, 'slug');
    const policy = stringAt(row, 'policy');
    if (policy && !policies.has(policy)) {
      problems.add({ path: `${at}.policy`, message: `No policy with slug "${policy}" in this document` });
    }

    const links = new Set<string>();
    rowsOf(row, 'actors').forEach((link, linkIndex) => {
      const actor = stringAt(link, 'actor');
      if (actor === undefined) return;
      if (!actors.has(actor)) {
        problems.add({ path: `${at}.actors[${linkIndex}].actor`, message: `No actor with slug "${actor}" in this document` });
      }
      const key = `${actor} ${String(link.role)}`;
      if (links.has(key)) {
        problems.add({ path: `${at}.actors[${linkIndex}]`, message: `"${actor}" is listed twice as ${String(link.role)}` });
      }
      links.add(key);
    });

    rowsOf(row, 'citations').forEach((citation, citationIndex) => {
      const source = stringAt(citation, 'source');
      if (source !== undefined && !sources.has(source)) {
        problems.add({ path: `${at}.citations[${citationIndex}].source`, message: `No source with id "${source}" in this document` });
      }
    });

    const relations = new Set<string>();
    rowsOf(row, 'relations').forEach((relation, relationIndex) => {
      const target = stringAt(relation, 'event');
      if (target === undefined) return;
      const path = `${at}.relations[${relationIndex}].event`;
      if (target === slug) problems.add({ path, message: 'An event cannot relate to itself' });
      else if (!events.has(target)) problems.add({ path, message: `No event with slug "${target}" in this document` });
      const key = `${String(relation.type)} ${target}`;
      if (relations.has(key)) {
        problems.add({ path: `${at}.relations[${relationIndex}]`, message: `The relation "${String(relation.type)} ${target}" is listed twice` });
      }
      relations.add(key);
    });
  });
}

/** The document's own fields; each collection's records are checked one by one below. */
const envelopeSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT, { error: `The format must be "${DATASET_FORMAT}"` }),
  topics: z.array(z.unknown()).default([]),
  actors: z.array(z.unknown()).default([]),
  sources: z.array(z.unknown()).default([]),
  policies: z.array(z.unknown()).default([]),
  events: z.array(z.unknown()).default([]),
});

export interface ValidateOptions {
  /**
   * The document is the caller's to give up (just parsed from text): each valid
   * record in it is replaced by its parsed copy, so a large document is not held
   * twice. The cross-reference checks read the same keys from either.
   */
  consumeDocument?: boolean;
}

/** Parses the records of one collection one at a time, so that checking can stop at the problem limit. */
function parseCollection<T>(
  document: unknown,
  collection: keyof Omit<Dataset, 'format'>,
  schema: z.ZodType<T>,
  problems: ProblemLog,
  options: ValidateOptions,
): T[] {
  const rows = typeof document === 'object' && document !== null ? (document as Row)[collection] : undefined;
  if (!Array.isArray(rows)) return [];
  const parsed: T[] = [];
  for (const [index, row] of rows.entries()) {
    if (problems.full) {
      problems.stoppedEarly = true;
      break;
    }
    const result = schema.safeParse(row);
    if (result.success) {
      parsed.push(result.data);
      if (options.consumeDocument) rows[index] = result.data;
    } else problems.addIssues(result.error.issues, [collection, index]);
  }
  return parsed;
}

/**
 * Validates a whole interchange document, with the JSON path of each problem,
 * up to MAX_REPORTED_PROBLEMS of them.
 */
export function validateDataset(document: unknown, options: ValidateOptions = {}): DatasetValidation {
  const problems = new ProblemLog();
  const envelope = envelopeSchema.safeParse(document);
  if (!envelope.success) problems.addIssues(envelope.error.issues);
  const dataset: Dataset = {
    format: DATASET_FORMAT,
    topics: parseCollection(document, 'topics', datasetTopicSchema, problems, options),
    actors: parseCollection(document, 'actors', datasetActorSchema, problems, options),
    sources: parseCollection(document, 'sources', datasetSourceSchema, problems, options),
    policies: parseCollection(document, 'policies', datasetPolicySchema, problems, options),
    events: parseCollection(document, 'events', datasetEventSchema, problems, options),
  };
  if (problems.full) problems.stoppedEarly = true;
  else checkReferences(document, problems);
  if (problems.problems.length > 0) return { ok: false, problems: problems.problems, stoppedEarly: problems.stoppedEarly };
  return { ok: true, dataset };
}
