import { z } from 'zod';

/**
 * The controlled vocabularies of the domain, each with the label a reader sees.
 * Stored as plain strings; these zod enums are the only gate into the database.
 */

const oneOf = (label: string, values: readonly string[]) => ({
  error: `${label} must be one of ${values.map((value) => `"${value}"`).join(', ')}`,
});

export const EVENT_TYPES = [
  'drafted',
  'revised',
  'proposed',
  'announced',
  'signed',
  'enacted',
  'postponed',
  'withdrawn',
  'revoked',
  'removed',
  'released',
  'statement',
  'lobbying',
  'hearing',
  'other',
] as const;
export const eventTypeSchema = z.enum(EVENT_TYPES, oneOf('The event type', EVENT_TYPES));
export type EventType = z.infer<typeof eventTypeSchema>;

export const EVENT_TYPE_LABELS: Record<EventType, string> = {
  drafted: 'Drafted',
  revised: 'Revised',
  proposed: 'Proposed',
  announced: 'Announced',
  signed: 'Signed',
  enacted: 'Enacted',
  postponed: 'Postponed',
  withdrawn: 'Withdrawn',
  revoked: 'Revoked',
  removed: 'Removed',
  released: 'Released',
  statement: 'Statement',
  lobbying: 'Lobbying',
  hearing: 'Hearing',
  other: 'Other',
};

/**
 * What a policy's status becomes when an event of this type is its latest
 * status-bearing event. Statements, lobbying, hearings and "other" comment on a
 * policy without changing where it stands, so they have no entry.
 */
export const POLICY_STATUS_BY_EVENT_TYPE: Partial<Record<EventType, string>> = {
  drafted: 'Drafted',
  revised: 'Revised',
  proposed: 'Proposed',
  announced: 'Announced',
  signed: 'Signed',
  enacted: 'Enacted',
  postponed: 'Postponed',
  withdrawn: 'Withdrawn',
  revoked: 'Revoked',
  removed: 'Removed from publication',
  released: 'Released',
};

export const ACTOR_KINDS = [
  'person',
  'company',
  'agency',
  'government',
  'legislature',
  'court',
  'organization',
] as const;
export const actorKindSchema = z.enum(ACTOR_KINDS, oneOf('The kind of actor', ACTOR_KINDS));
export type ActorKind = z.infer<typeof actorKindSchema>;

export const ACTOR_KIND_LABELS: Record<ActorKind, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  company: { one: 'Company', many: 'Companies' },
  agency: { one: 'Agency', many: 'Agencies' },
  government: { one: 'Government', many: 'Governments' },
  legislature: { one: 'Legislature', many: 'Legislatures' },
  court: { one: 'Court', many: 'Courts' },
  organization: { one: 'Organization', many: 'Organizations' },
};

export const ACTOR_ROLES = [
  'decision-maker',
  'issuer',
  'supporter',
  'opponent',
  'lobbyist',
  'subject',
  'participant',
] as const;
export const actorRoleSchema = z.enum(ACTOR_ROLES, oneOf('The role', ACTOR_ROLES));
export type ActorRole = z.infer<typeof actorRoleSchema>;

export const ACTOR_ROLE_LABELS: Record<ActorRole, string> = {
  'decision-maker': 'Decision-maker',
  issuer: 'Issuer',
  supporter: 'Supporter',
  opponent: 'Opponent',
  lobbyist: 'Lobbyist',
  subject: 'Subject',
  participant: 'Participant',
};

export const RELATION_TYPES = ['follows', 'amends', 'supersedes', 'reverses', 'responds-to'] as const;
export const relationTypeSchema = z.enum(RELATION_TYPES, oneOf('The relation', RELATION_TYPES));
export type RelationType = z.infer<typeof relationTypeSchema>;

/** How a relation reads from each end: "A follows B" / "B is followed by A". */
export const RELATION_LABELS: Record<RelationType, { outgoing: string; incoming: string }> = {
  follows: { outgoing: 'Follows', incoming: 'Followed by' },
  amends: { outgoing: 'Amends', incoming: 'Amended by' },
  supersedes: { outgoing: 'Supersedes', incoming: 'Superseded by' },
  reverses: { outgoing: 'Reverses', incoming: 'Reversed by' },
  'responds-to': { outgoing: 'Responds to', incoming: 'Prompted' },
};

export const AVAILABILITIES = ['live', 'removed', 'unknown'] as const;
export const availabilitySchema = z.enum(AVAILABILITIES, oneOf('The availability', AVAILABILITIES));
export type Availability = z.infer<typeof availabilitySchema>;

export function isEventType(value: string): value is EventType {
  return (EVENT_TYPES as readonly string[]).includes(value);
}
export function isActorKind(value: string): value is ActorKind {
  return (ACTOR_KINDS as readonly string[]).includes(value);
}
export function isActorRole(value: string): value is ActorRole {
  return (ACTOR_ROLES as readonly string[]).includes(value);
}
export function isRelationType(value: string): value is RelationType {
  return (RELATION_TYPES as readonly string[]).includes(value);
}
