import { afterAll, describe, expect, it } from 'vitest';
import { applyDataset, topicNameFromSlug } from '@/lib/dataset/apply';
import { seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { exportDataset, serializeDataset } from '@/lib/dataset/export';
import type { Dataset, DatasetEvent } from '@/lib/dataset/format';
import { importDataset } from '@/lib/dataset/import';
import type { PrismaClient } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { validated } from '@/tests/integration/factories';
import { freshDatabase, removeFreshDatabases } from '@/tests/integration/fresh-database';
import { randomDocument } from '@/tests/integration/random-dataset';

/**
 * Nothing lost: an export imported into an empty database exports again as the
 * very same document, byte for byte.
 */

afterAll(removeFreshDatabases);

const asCommandLine = { author: COMMAND_LINE_AUTHOR };

/** Exports `source`, imports that file into an empty database, and exports that database. */
async function roundTrip(source: PrismaClient): Promise<{ first: string; second: string }> {
  const first = serializeDataset(await exportDataset(source));
  const target = await freshDatabase();
  const outcome = await importDataset(target, first, asCommandLine);
  if (!outcome.ok) throw new Error(`The export does not import: ${JSON.stringify(outcome.problems.slice(0, 5))}`);
  for (const [collection, counts] of Object.entries(outcome.report)) {
    expect(counts.updated + counts.unchanged, `${collection} in an empty database`).toBe(0);
  }
  return { first, second: serializeDataset(await exportDataset(target)) };
}

const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

/** A document with its collections in key order, topics and relations as sets, and the topics events create. */
function normalized(dataset: Dataset): Dataset {
  const declared = new Map(dataset.topics.map((topic) => [topic.slug, topic]));
  for (const slug of dataset.events.flatMap((event) => event.topics)) {
    if (!declared.has(slug)) declared.set(slug, { slug, name: topicNameFromSlug(slug) });
  }
  const event = (item: DatasetEvent): DatasetEvent => ({
    ...item,
    topics: [...new Set(item.topics)].sort(),
    relations: [...item.relations].sort(byKey((relation) => `${relation.type} ${relation.event}`)),
  });
  return {
    format: dataset.format,
    topics: [...declared.values()].sort(byKey((topic) => topic.slug)),
    actors: [...dataset.actors].sort(byKey((actor) => actor.slug)),
    sources: [...dataset.sources].sort(byKey((source) => source.id)),
    policies: [...dataset.policies].sort(byKey((policy) => policy.slug)),
    events: dataset.events.map(event).sort(byKey((item) => item.slug)),
  };
}

describe('export → import into an empty database → export', () => {
  it('gives back the default dataset unchanged', async () => {
    const source = await freshDatabase();
    await seedDefaultDataset(source, COMMAND_LINE_AUTHOR);
    const { first, second } = await roundTrip(source);
    expect(JSON.parse(first)).toMatchObject({ format: 'policy-timeline/v1', events: expect.arrayContaining([expect.objectContaining({ slug: 'signing-postponed' })]) });
    expect(second).toBe(first);
  });

  const SEEDS = Array.from({ length: 24 }, (_, index) => 20261127 + index * 7919);

  it.each(SEEDS)('gives back a random document unchanged (seed %i)', async (seed) => {
    const dataset = validated(randomDocument(seed));
    const source = await freshDatabase();
    await applyDataset(source, dataset, asCommandLine);
    const { first, second } = await roundTrip(source);
    expect(second).toBe(first);
    // And the export holds what the document said, whatever order it was written in.
    expect(normalized(JSON.parse(first) as Dataset)).toEqual(normalized(dataset));
  });

  it('random documents cover every form of date, parents listed after their children, and sources without URLs', () => {
    const documents = SEEDS.map((seed) => validated(randomDocument(seed)));
    const dates = documents.flatMap((document) => [
      ...document.events.map((event) => event.date),
      ...document.sources.flatMap((source) => (source.publishedOn ? [source.publishedOn] : [])),
    ]);
    const forms = [
      /^\d{4}$/,
      /^\d{4}-\d{2}$/,
      /^\d{4}-\d{2}-\d{2}$/,
      /^[\d-]+~$/,
      /^[\d-]+\?$/,
      /^[\d-]+%$/,
      /^[\d-]+[~?%]?\/[\d-]+[~?%]?$/,
      /^\.\.\//,
      /\/\.\.$/,
    ];
    for (const form of forms) expect(dates.some((date) => form.test(date)), String(form)).toBe(true);

    const parentAfterChild = documents.some((document) =>
      document.actors.some((actor, index) => actor.parent !== null && document.actors.findIndex((other) => other.slug === actor.parent) > index),
    );
    expect(parentAfterChild).toBe(true);
    const grandparents = documents.some((document) => {
      const parentOf = new Map(document.actors.map((actor) => [actor.slug, actor.parent]));
      return document.actors.some((actor) => actor.parent !== null && parentOf.get(actor.parent));
    });
    expect(grandparents).toBe(true);
    expect(documents.some((document) => document.sources.some((source) => source.url === null))).toBe(true);
    expect(documents.some((document) => document.events.some((event) => event.relations.length > 0))).toBe(true);
  });
});
