import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import { applyDataset, type ApplyReport } from '@/lib/dataset/apply';
import { DATASET_FORMAT, type Dataset, type datasetSchema } from '@/lib/dataset/format';
import { describeProblem, validateDataset } from '@/lib/dataset/validate';
import { db } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';

/**
 * Small builders for interchange documents. All test files share one database,
 * so every record a file creates carries that file's unique prefix.
 */

/** A document as an author writes it: optional fields may be left out. */
export type DocumentInput = z.input<typeof datasetSchema>;
export type ActorInput = NonNullable<DocumentInput['actors']>[number];
export type SourceInput = NonNullable<DocumentInput['sources']>[number];
export type PolicyInput = NonNullable<DocumentInput['policies']>[number];
export type TopicInput = NonNullable<DocumentInput['topics']>[number];
export type EventInput = NonNullable<DocumentInput['events']>[number];

/** A slug prefix unique to this run and file, e.g. "ev-k3f9x2a1". */
export function uniquePrefix(label: string): string {
  return `${label}-${randomBytes(5).toString('hex')}`;
}

export function documentOf(parts: Omit<DocumentInput, 'format'>): DocumentInput {
  return { format: DATASET_FORMAT, ...parts };
}

/** Validates a document the way import does; a test document that does not validate is a test bug. */
export function validated(document: DocumentInput): Dataset {
  const result = validateDataset(document);
  if (!result.ok) throw new Error(`Test document does not validate:\n  ${result.problems.map(describeProblem).join('\n  ')}`);
  return result.dataset;
}

/** Applies a document as the command line does (revisions by "import"). */
export async function applyDocument(document: DocumentInput): Promise<ApplyReport> {
  return applyDataset(db, validated(document), { author: COMMAND_LINE_AUTHOR });
}

/** An event with one citation of `source` unless citations are given. */
export function eventInput(slug: string, date: string, source: string, fields: Partial<EventInput> = {}): EventInput {
  return {
    slug,
    title: `Event ${slug}`,
    summary: `What happened in ${slug}.`,
    date,
    type: 'announced',
    jurisdiction: 'US',
    citations: [{ source }],
    ...fields,
  };
}

export function sourceInput(id: string, fields: Partial<SourceInput> = {}): SourceInput {
  return { id, title: `Source ${id}`, availability: 'live', url: `https://example.org/${id}`, ...fields };
}

/** Every kind of row an admin form may write, counted: equal before and after means nothing was written. */
export async function writableRowCounts() {
  const [events, actors, sources, policies, topics, revisions, citations, eventActors, relations, users] = await Promise.all([
    db.event.count(),
    db.actor.count(),
    db.source.count(),
    db.policy.count(),
    db.topic.count(),
    db.revision.count(),
    db.citation.count(),
    db.eventActor.count(),
    db.eventRelation.count(),
    db.user.count(),
  ]);
  return { events, actors, sources, policies, topics, revisions, citations, eventActors, relations, users };
}
