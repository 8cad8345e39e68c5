import { isFilterActive, type EventFilter } from '@/lib/filters';
import { EVENT_TYPE_LABELS } from '@/lib/vocabulary';

export const SITE_TITLE = 'AI Policy Timeline';

/**
 * A title naming the view a feed or calendar follows, so a reader subscribed to
 * several can tell them apart: "AI Policy Timeline: Donald Trump, Postponed".
 * `names` holds the display names of the applied actors, agencies, topics and policies.
 */
export function viewTitle(filter: EventFilter, names: Record<string, string>): string {
  if (!isFilterActive(filter)) return SITE_TITLE;
  const name = (slug: string) => names[slug] ?? slug;
  const parts = [
    ...filter.actors.map(name),
    ...filter.agencies.map((slug) => `${name(slug)} and its sub-agencies`),
    ...filter.types.map((type) => EVENT_TYPE_LABELS[type]),
    ...filter.topics.map(name),
    ...filter.jurisdictions,
    ...filter.policies.map(name),
    ...(filter.from ? [`from ${filter.from}`] : []),
    ...(filter.to ? [`to ${filter.to}`] : []),
    ...(filter.q ? [`“${filter.q}”`] : []),
  ];
  return `${SITE_TITLE}: ${parts.join(', ')}`;
}
