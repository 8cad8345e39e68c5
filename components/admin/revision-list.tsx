import type { ReactNode } from 'react';
import { REVISION_ACTION_LABELS, type RevisionView } from '@/lib/revisions';
import { changesInWords, NO_NAMES, recordInWords, type ChangeInWords, type RevisionNames } from '@/lib/revision-words';

const timestamp = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

/** "+ Donald Trump — decision-maker": the sign is for the eye, the words in brackets for a screen reader. */
function Entry({ sign, children }: { sign: '+' | '−'; children: string }) {
  const Tag = sign === '+' ? 'ins' : 'del';
  return (
    <li className={sign === '+' ? 'diff__added' : 'diff__removed'}>
      <span aria-hidden="true">{sign} </span>
      <span className="visually-hidden">{sign === '+' ? 'Added: ' : 'Removed: '}</span>
      <Tag>{children}</Tag>
    </li>
  );
}

function Change({ change }: { change: ChangeInWords }) {
  if (change.kind === 'list') {
    return (
      <li>
        <span className="diff__field">{change.label}</span>
        <ul className="diff__entries">
          {change.added.map((entry) => (
            <Entry key={`+${entry}`} sign="+">
              {entry}
            </Entry>
          ))}
          {change.removed.map((entry) => (
            <Entry key={`-${entry}`} sign="−">
              {entry}
            </Entry>
          ))}
        </ul>
      </li>
    );
  }
  return (
    <li>
      <span className="diff__field">{change.label}</span>{' '}
      {change.before === null ? (
        <span className="muted">set to </span>
      ) : (
        <>
          <span className="visually-hidden">changed from </span>
          <del className="pre">{change.before}</del> <span aria-hidden="true">→</span>
          <span className="visually-hidden"> to </span>{' '}
        </>
      )}
      {change.after === null ? <span className="muted">removed</span> : <ins className="pre">{change.after}</ins>}
    </li>
  );
}

/**
 * Revisions, newest first, each with who, when (UTC) and what changed, in
 * words: a creation lists what the record was created with, an edit each
 * field's change (entries of a list added or removed). `renderActions` adds
 * controls (such as "Restore") to a revision.
 */
export function RevisionList({
  revisions,
  labels,
  names = NO_NAMES,
  renderActions,
}: {
  revisions: RevisionView[];
  labels: Record<string, string>;
  names?: RevisionNames;
  renderActions?: (revision: RevisionView, isLatest: boolean) => ReactNode;
}) {
  if (revisions.length === 0) return <p className="muted">No changes are recorded yet.</p>;
  return (
    <ol className="revisions" data-testid="revisions">
      {revisions.map((revision, index) => {
        const created = revision.before === null && revision.after !== null;
        const changes = created || revision.action === 'delete' ? [] : changesInWords(revision.changes, names, labels);
        return (
          <li key={revision.id} className="revision" data-testid="revision">
            <p className="revision__meta">
              <strong>{REVISION_ACTION_LABELS[revision.action]}</strong> by {revision.authorLabel},{' '}
              <time dateTime={revision.createdAt.toISOString()}>{timestamp.format(revision.createdAt)} UTC</time>{' '}
              <span className="muted">(version {revision.version})</span>
            </p>
            {created && revision.after && (
              <dl className="revision__record">
                {recordInWords(revision.after, names, labels).map((field) => (
                  <div key={field.field}>
                    <dt>{field.label}</dt>
                    <dd>
                      {field.entries ? (
                        <ul>
                          {field.entries.map((entry) => (
                            <li key={entry}>{entry}</li>
                          ))}
                        </ul>
                      ) : (
                        <span className="pre">{field.value}</span>
                      )}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {revision.action === 'delete' && <p className="muted">Moved to the trash; nothing else changed.</p>}
            {changes.length > 0 && (
              <ul className="diff" aria-label={`Changes in version ${revision.version}`}>
                {changes.map((change) => (
                  <Change key={change.field} change={change} />
                ))}
              </ul>
            )}
            {!created && revision.action !== 'delete' && changes.length === 0 && <p className="muted">No field changed.</p>}
            {renderActions?.(revision, index === 0)}
          </li>
        );
      })}
    </ol>
  );
}
