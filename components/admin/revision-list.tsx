import type { ReactNode } from 'react';
import { REVISION_ACTION_LABELS, type RevisionView } from '@/lib/revisions';

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value.join(', ') || '(none)';
  return JSON.stringify(value, null, 1);
}

const timestamp = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/**
 * Revisions, newest first, each with who, when (UTC) and a field-by-field diff.
 * `renderActions` adds controls (such as "Restore") to a revision.
 */
export function RevisionList({
  revisions,
  labels,
  renderActions,
}: {
  revisions: RevisionView[];
  labels: Record<string, string>;
  renderActions?: (revision: RevisionView, isLatest: boolean) => ReactNode;
}) {
  if (revisions.length === 0) return <p className="muted">No changes are recorded yet.</p>;
  return (
    <ol className="revisions" data-testid="revisions">
      {revisions.map((revision, index) => (
        <li key={revision.id} className="revision" data-testid="revision">
          <p className="revision__meta">
            <strong>{REVISION_ACTION_LABELS[revision.action]}</strong> by {revision.authorLabel},{' '}
            <time dateTime={revision.createdAt.toISOString()}>{timestamp.format(revision.createdAt)} UTC</time>{' '}
            <span className="muted">(version {revision.version})</span>
          </p>
          {revision.changes.length > 0 && revision.action !== 'create' && revision.action !== 'delete' && (
            <table className="data-table diff">
              <caption className="visually-hidden">Changes in version {revision.version}</caption>
              <thead>
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody>
                {revision.changes.map((change) => (
                  <tr key={change.field}>
                    <th scope="row">{labels[change.field] ?? change.field}</th>
                    <td className="pre diff__before">
                      <del>{display(change.before)}</del>
                    </td>
                    <td className="pre diff__after">
                      <ins>{display(change.after)}</ins>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {renderActions?.(revision, index === 0)}
        </li>
      ))}
    </ol>
  );
}
