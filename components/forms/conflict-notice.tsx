import type { FormState } from '@/lib/forms';

function display(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value, null, 1);
}

/** What another editor saved after this form was opened, so the editor can merge rather than overwrite. */
export function ConflictNotice({ conflict, labels }: { conflict: FormState['conflict']; labels: Record<string, string> }) {
  if (!conflict) return null;
  return (
    <section className="conflict" aria-labelledby="conflict-heading" data-testid="conflict">
      <h2 id="conflict-heading">Changed meanwhile</h2>
      {conflict.changedMeanwhile.length === 0 ? (
        <p>The record was saved again, but its fields are as you first saw them.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">When you opened the form</th>
              <th scope="col">Now saved</th>
            </tr>
          </thead>
          <tbody>
            {conflict.changedMeanwhile.map((change) => (
              <tr key={change.field}>
                <th scope="row">{labels[change.field] ?? change.field}</th>
                <td className="pre">{display(change.before)}</td>
                <td className="pre">{display(change.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>Your version is still in the form below. Saving now replaces theirs.</p>
    </section>
  );
}
