import { uniqueTag } from './admin-support';
import type { ActionArguments, E2eRecords, FormFields } from './security-support';

/**
 * What every server action of the app may be called by, and a call that would
 * really change something if it got through. The authorization matrix
 * (e2e/security-authorization.spec.ts) fails for any action of the build that is
 * missing here, so a new action cannot ship without its check being tested.
 */

export type Access =
  /** Open to anyone by design. */
  | 'public'
  /** Editors and admins. */
  | 'editor'
  /** Admins only. */
  | 'admin';

export interface ActionExpectation {
  access: Access;
  /** For public actions: why that is safe. */
  why?: string;
  /** The call, with real records where the action needs them. */
  call: (records: E2eRecords, accounts: { editorEmail: string; adminEmail: string }) => ActionArguments;
  /**
   * For actions that answer a value rather than a form state: text that only the
   * action's real answer contains (a refused call must not show it).
   */
  answer?: RegExp;
}

const form = (fields: FormFields): ActionArguments => ({ shape: 'state-and-form', fields });

/** A small dataset file that adds one topic: a complete, valid import. */
export function datasetFile(topicSlug: string): File {
  const document = { format: 'policy-timeline/v1', topics: [{ slug: topicSlug, name: `Topic ${topicSlug}` }], actors: [], sources: [], policies: [], events: [] };
  return new File([JSON.stringify(document)], 'dataset.json', { type: 'application/json' });
}

/** A valid new event that cites an existing source and names an existing actor. */
export function newEventFields(records: E2eRecords, title: string): FormFields {
  return [
    ['intent', 'save'],
    ['title', title],
    ['summary', `What happened in ${title}.`],
    ['date', '2026-05'],
    ['type', 'announced'],
    ['jurisdiction', 'US'],
    ['topics', ''],
    ['actors[0].key', 'a0'],
    ['actors[0].actor', records.actor.slug],
    ['actors[0].role', 'issuer'],
    ['citations[0].key', 'c0'],
    ['citations[0].source', records.source.id],
    ['citations[0].quote', 'A quoted passage.'],
  ];
}

export const ACTION_EXPECTATIONS: Record<string, ActionExpectation> = {
  'app/login/actions.ts#signInAction': {
    access: 'public',
    why: 'the sign-in form: it must work signed out',
    call: () => form([['email', 'nobody@example.org'], ['password', 'not the password'], ['next', '/admin']]),
  },
  'app/admin/actions.ts#signOutAction': {
    access: 'public',
    why: 'ends the caller’s own session, if any; nothing else',
    call: () => ({ shape: 'form', fields: [] }),
  },
  'app/admin/events/actions.ts#previewDate': {
    access: 'editor',
    call: () => ({ shape: 'values', values: ['2026-05'] }),
    answer: /Will read/,
  },
  'app/admin/events/actions.ts#saveEventAction': {
    access: 'editor',
    call: (records) => form(newEventFields(records, `Matrix event ${uniqueTag()}`)),
  },
  'app/admin/events/actions.ts#deleteEventAction': {
    access: 'editor',
    call: ({ event }) => form([['id', event.id], ['version', String(event.version)]]),
  },
  'app/admin/events/actions.ts#restoreEventRevisionAction': {
    access: 'editor',
    call: ({ eventRevisionId }) => form([['revision', String(eventRevisionId)]]),
  },
  'app/admin/actors/actions.ts#saveActorAction': {
    access: 'editor',
    call: () => form([['name', `Matrix Actor ${uniqueTag()}`], ['slug', ''], ['kind', 'person'], ['parent', ''], ['aliases', '']]),
  },
  'app/admin/actors/actions.ts#deleteActorAction': {
    access: 'editor',
    call: ({ actor }) => form([['id', actor.id], ['version', String(actor.version)]]),
  },
  'app/admin/policies/actions.ts#savePolicyAction': {
    access: 'editor',
    call: () => form([['title', `Matrix policy ${uniqueTag()}`], ['slug', ''], ['summary', 'A policy that must not exist.']]),
  },
  'app/admin/policies/actions.ts#deletePolicyAction': {
    access: 'editor',
    call: ({ policy }) => form([['id', policy.id], ['version', String(policy.version)]]),
  },
  'app/admin/sources/actions.ts#saveSourceAction': {
    access: 'editor',
    call: () => form([['id', ''], ['title', `Matrix source ${uniqueTag()}`], ['publisher', ''], ['publishedOn', ''], ['url', ''], ['availability', 'unknown'], ['archiveUrl', '']]),
  },
  'app/admin/sources/actions.ts#markSourceRemovedAction': {
    access: 'editor',
    call: ({ source }) => form([['id', source.id], ['version', String(source.version)]]),
  },
  'app/admin/sources/actions.ts#deleteSourceAction': {
    access: 'editor',
    call: ({ source }) => form([['id', source.id], ['version', String(source.version)]]),
  },
  'app/admin/sources/attention/actions.ts#decideSourceAttentionAction': {
    access: 'editor',
    call: ({ source }) => form([['sourceId', source.id], ['version', '1'], ['decision', 'confirm']]),
  },
  'app/admin/trash/actions.ts#undeleteAction': {
    access: 'editor',
    call: ({ trashed, event }) => form([['entityType', trashed?.entityType ?? 'event'], ['id', trashed?.id ?? event.id]]),
  },
  'app/admin/users/actions.ts#createUserAction': {
    access: 'admin',
    call: () => form([['email', `matrix.${uniqueTag()}@example.org`], ['name', 'Matrix Admin'], ['password', 'copper kettle orchard violin drift'], ['role', 'admin']]),
  },
  'app/admin/users/actions.ts#changeRoleAction': {
    // The privilege escalation an editor would try first: make themselves an admin.
    access: 'admin',
    call: (records, { editorEmail }) => form([['userId', records.userIdByEmail(editorEmail)], ['role', 'admin']]),
  },
  'app/admin/users/actions.ts#setAccountDisabledAction': {
    access: 'admin',
    call: (records, { adminEmail }) => form([['userId', records.userIdByEmail(adminEmail)], ['disabled', 'true']]),
  },
};
