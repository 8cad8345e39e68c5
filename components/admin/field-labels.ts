/** How the fields of actors and sources are named in forms, conflict notices and revision diffs. */

export const ACTOR_FIELD_LABELS: Record<string, string> = {
  slug: 'Slug',
  name: 'Name',
  kind: 'Kind',
  parent: 'Parent',
  aliases: 'Aliases',
};

export const SOURCE_FIELD_LABELS: Record<string, string> = {
  id: 'Id',
  title: 'Title',
  publisher: 'Publisher',
  publishedOn: 'Published on',
  url: 'URL',
  availability: 'Availability',
  archiveUrl: 'Archive URL',
};
