import type { z } from 'zod';
import { datasetSchema, type Dataset } from '@/lib/dataset/format';

export interface DatasetProblem {
  /** Where in the document, e.g. `events[12].date`; empty for the document itself. */
  path: string;
  message: string;
}

export type DatasetValidation = { ok: true; dataset: Dataset } | { ok: false; problems: DatasetProblem[] };

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
function checkReferences(document: unknown): DatasetProblem[] {
  const problems: DatasetProblem[] = [];

  const indexKeys = (collection: string, key: string, label: string) => {
    const seen = new Map<string, number>();
    rowsOf(document, collection).forEach((row, index) => {
      const value = stringAt(row, key);
      if (value === undefined) return;
      const first = seen.get(value);
      if (first !== undefined) {
        problems.push({
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
        problems.push({ path: `actors[${index}].aliases[${aliasIndex}]`, message: `Duplicate alias "${alias.trim()}" (also at actors[${index}].aliases[${first}])` });
      } else aliases.set(alias.trim(), aliasIndex);
    });

    const parent = stringAt(row, 'parent');
    if (!parent) return;
    const path = `actors[${index}].parent`;
    if (!actors.has(parent)) {
      problems.push({ path, message: `No actor with slug "${parent}" in this document` });
      return;
    }
    // Walk up the parents: a chain that returns to this actor is a cycle.
    const self = stringAt(row, 'slug');
    const visited = new Set<string>();
    for (let current: string | undefined = parent; current; ) {
      if (current === self) {
        problems.push({ path, message: `"${parent}" cannot be the parent: it would make the actor its own ancestor` });
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
      problems.push({ path: `${at}.policy`, message: `No policy with slug "${policy}" in this document` });
    }

    const links = new Set<string>();
    rowsOf(row, 'actors').forEach((link, linkIndex) => {
      const actor = stringAt(link, 'actor');
      if (actor === undefined) return;
      if (!actors.has(actor)) {
        problems.push({ path: `${at}.actors[${linkIndex}].actor`, message: `No actor with slug "${actor}" in this document` });
      }
      const key = `${actor} ${String(link.role)}`;
      if (links.has(key)) {
        problems.push({ path: `${at}.actors[${linkIndex}]`, message: `"${actor}" is listed twice as ${String(link.role)}` });
      }
      links.add(key);
    });

    rowsOf(row, 'citations').forEach((citation, citationIndex) => {
      const source = stringAt(citation, 'source');
      if (source !== undefined && !sources.has(source)) {
        problems.push({ path: `${at}.citations[${citationIndex}].source`, message: `No source with id "${source}" in this document` });
      }
    });

    const relations = new Set<string>();
    rowsOf(row, 'relations').forEach((relation, relationIndex) => {
      const target = stringAt(relation, 'event');
      if (target === undefined) return;
      const path = `${at}.relations[${relationIndex}].event`;
      if (target === slug) problems.push({ path, message: 'An event cannot relate to itself' });
      else if (!events.has(target)) problems.push({ path, message: `No event with slug "${target}" in this document` });
      const key = `${String(relation.type)} ${target}`;
      if (relations.has(key)) {
        problems.push({ path: `${at}.relations[${relationIndex}]`, message: `The relation "${String(relation.type)} ${target}" is listed twice` });
      }
      relations.add(key);
    });
  });

  return problems;
}

/** Validates a whole interchange document; every problem is reported, with its JSON path. */
export function validateDataset(document: unknown): DatasetValidation {
  const parsed = datasetSchema.safeParse(document);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map(fromZodIssue)), ...checkReferences(document)];
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, dataset: parsed.data };
}
