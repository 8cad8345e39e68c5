import { z } from 'zod';
import { edtfSchema, httpUrlSchema, jurisdictionSchema, LIMITS, MULTILINE, slugSchema, sourceIdSchema, textSchema } from '@/lib/fields';
import { actorKindSchema, actorRoleSchema, availabilitySchema, eventTypeSchema, relationTypeSchema } from '@/lib/vocabulary';

/**
 * The interchange format "policy-timeline/v1": one JSON document used by the
 * default dataset, import, export and the API. README.md documents every field.
 */
export const DATASET_FORMAT = 'policy-timeline/v1';

const list = <T extends z.ZodType>(item: T, max: number = LIMITS.listItems) =>
  z.array(item).max(max, `At most ${max} entries`).default([]);

export const datasetActorSchema = z.strictObject({
  slug: slugSchema,
  name: textSchema('An actor name', LIMITS.name),
  kind: actorKindSchema,
  parent: slugSchema.nullable().default(null),
  aliases: list(textSchema('An alias', LIMITS.alias)),
});

export const datasetSourceSchema = z.strictObject({
  id: sourceIdSchema,
  title: textSchema('A source title', LIMITS.title),
  publisher: textSchema('A publisher', LIMITS.publisher).nullable().default(null),
  publishedOn: edtfSchema.nullable().default(null),
  url: httpUrlSchema.nullable().default(null),
  availability: availabilitySchema,
  archiveUrl: httpUrlSchema.nullable().default(null),
});

export const datasetPolicySchema = z.strictObject({
  slug: slugSchema,
  title: textSchema('A policy title', LIMITS.title),
  summary: textSchema('A policy summary', LIMITS.summary, MULTILINE),
});

export const datasetTopicSchema = z.strictObject({
  slug: slugSchema,
  name: textSchema('A topic name', LIMITS.name),
});

export const datasetEventSchema = z.strictObject({
  slug: slugSchema,
  title: textSchema('An event title', LIMITS.title),
  summary: textSchema('An event summary', LIMITS.summary, MULTILINE),
  date: edtfSchema,
  type: eventTypeSchema,
  jurisdiction: jurisdictionSchema,
  policy: slugSchema.nullable().default(null),
  topics: list(slugSchema),
  actors: list(z.strictObject({ actor: slugSchema, role: actorRoleSchema })),
  citations: list(
    z.strictObject({
      source: sourceIdSchema,
      quote: textSchema('A quote', LIMITS.quote, MULTILINE).nullable().default(null),
    }),
  ).refine((citations) => citations.length > 0, 'Every event cites at least one source'),
  relations: list(z.strictObject({ type: relationTypeSchema, event: slugSchema })),
});

export const datasetSchema = z.strictObject({
  format: z.literal(DATASET_FORMAT, { error: `The format must be "${DATASET_FORMAT}"` }),
  topics: z.array(datasetTopicSchema).default([]),
  actors: z.array(datasetActorSchema).default([]),
  sources: z.array(datasetSourceSchema).default([]),
  policies: z.array(datasetPolicySchema).default([]),
  events: z.array(datasetEventSchema).default([]),
});

export type Dataset = z.infer<typeof datasetSchema>;
export type DatasetActor = z.infer<typeof datasetActorSchema>;
export type DatasetSource = z.infer<typeof datasetSourceSchema>;
export type DatasetPolicy = z.infer<typeof datasetPolicySchema>;
export type DatasetTopic = z.infer<typeof datasetTopicSchema>;
export type DatasetEvent = z.infer<typeof datasetEventSchema>;
