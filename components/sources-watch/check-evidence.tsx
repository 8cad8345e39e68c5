import type { CheckEvidence } from '@/lib/sources-watch/attention';

export const utcMoment = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

const OUTCOME_LABELS = { reachable: 'Reachable', gone: 'Gone', failing: 'Failing', changed: 'Changed' } as const;

/** A source's latest checks, newest first: the evidence behind a finding. Text only: nothing fetched is rendered as HTML. */
export function CheckEvidenceList({ checks, title }: { checks: CheckEvidence[]; title: string }) {
  if (checks.length === 0) return <p className="muted">No checks are kept.</p>;
  return (
    <ol className="attention__checks" aria-label={`Latest checks of ${title}`} data-testid="check-evidence">
      {checks.map((check) => (
        <li key={check.id}>
          <time dateTime={check.checkedAt.toISOString()}>{utcMoment.format(check.checkedAt)} UTC</time> ·{' '}
          <strong className={check.outcome === 'reachable' ? undefined : 'availability-removed'}>{OUTCOME_LABELS[check.outcome]}</strong> · {check.method}{' '}
          {check.httpStatus === null ? 'no response' : `HTTP ${check.httpStatus}`} in {check.durationMs} ms — {check.detail}
          {check.finalUrl && check.finalUrl !== '' && (
            <>
              {' '}
              <span className="muted">(ended at {check.finalUrl})</span>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
