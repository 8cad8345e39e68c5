import Link from 'next/link';
import type { ApplyReport } from '@/lib/dataset/apply';
import { COLLECTION_LABELS, STOPPED_EARLY_NOTE, type ImportState } from '@/lib/dataset/import-state';
import type { DatasetProblem } from '@/lib/dataset/validate';

function ProblemList({ problems, stoppedEarly }: { problems: DatasetProblem[]; stoppedEarly: boolean }) {
  return (
    <>
      <ol className="plain-list" data-testid="import-problems">
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.path && (
              <>
                <code>{problem.path}</code>:{' '}
              </>
            )}
            {problem.message}
          </li>
        ))}
      </ol>
      {stoppedEarly && <p data-testid="import-problems-stopped">{STOPPED_EARLY_NOTE}</p>}
    </>
  );
}

function ReportTable({ report }: { report: ApplyReport }) {
  const collections = Object.keys(COLLECTION_LABELS) as Array<keyof ApplyReport>;
  return (
    <table className="data-table" data-testid="import-report">
      <caption className="visually-hidden">Records imported, by collection</caption>
      <thead>
        <tr>
          <th scope="col">Collection</th>
          <th scope="col">Created</th>
          <th scope="col">Updated</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {collections.map((collection) => (
          <tr key={collection}>
            <th scope="row">{COLLECTION_LABELS[collection]}</th>
            <td className="number">{report[collection].created}</td>
            <td className="number">{report[collection].updated}</td>
            <td className="number">{report[collection].unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The outcome of an import: its message and its problems with their JSON paths
 * (announced when they change; at most MAX_REPORTED_PROBLEMS), or the counts of
 * what was written.
 */
export function ImportResult({ state }: { state: ImportState }) {
  return (
    <>
      <div aria-live="polite" role="status" className="form-message-region">
        {state.message && (
          <p className={state.status === 'error' ? 'form-message form-message--error' : 'form-message form-message--success'} data-testid="form-message">
            {state.message}
          </p>
        )}
        {state.problems && state.problems.length > 0 && <ProblemList problems={state.problems} stoppedEarly={state.stoppedEarly ?? false} />}
      </div>
      {state.report && (
        <>
          <ReportTable report={state.report} />
          <p>
            <Link href="/">See the timeline</Link>
          </p>
        </>
      )}
    </>
  );
}
