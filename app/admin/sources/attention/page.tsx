import type { Metadata } from 'next';
import Link from 'next/link';
import { decideSourceAttentionAction } from '@/app/admin/sources/attention/actions';
import { AttentionDecisionForm } from '@/components/sources-watch/attention-decision-form';
import { CheckEvidenceList, utcMoment } from '@/components/sources-watch/check-evidence';
import { listSourcesNeedingAttention, type AttentionItem } from '@/lib/sources-watch/attention';

export const metadata: Metadata = { title: 'Sources that need attention · Admin' };

const at = (moment: Date) => `${utcMoment.format(moment)} UTC`;

/** What was found, in a sentence, and what the two buttons mean for this kind of finding. */
function findingOf(item: AttentionItem): { headline: string; summary: string; confirm: string; dismiss: string } {
  switch (item.attention) {
    case 'gone':
      return item.availability === 'removed'
        ? {
            headline: 'Gone: marked removed',
            summary: `No longer at its address since ${at(item.goneSince ?? item.attentionSince)}; the source check marked it removed.`,
            confirm: 'Confirm it is gone',
            dismiss: 'Dismiss: the page is still there',
          }
        : {
            headline: 'Newly gone',
            summary: `Not found at its address since ${at(item.goneSince ?? item.attentionSince)}, in ${item.goneStreak} consecutive ${item.goneStreak === 1 ? 'check' : 'checks'}. It is marked removed only after more checks over more time; confirm to mark it removed now.`,
            confirm: 'Confirm: mark removed',
            dismiss: 'Dismiss: the page is still there',
          };
    case 'back':
      return {
        headline: 'Back at its address',
        summary: `Reachable again since ${at(item.attentionSince)}; the source check marked it live.`,
        confirm: 'Confirm it is back',
        dismiss: 'Dismiss: keep it removed',
      };
    case 'changed':
      return {
        headline: 'Changed',
        summary: `Its main text differs substantially from the previous check (${at(item.attentionSince)}). Check that the quoted passages are still there.`,
        confirm: 'Confirm: seen',
        dismiss: 'Dismiss',
      };
    case 'failing':
      return {
        headline: 'Failing for days',
        summary: `Every check since ${at(item.failingSince ?? item.attentionSince)} failed (no answer, an error or a refused connection); it is not marked removed for that.`,
        confirm: 'Acknowledge',
        dismiss: 'Dismiss',
      };
  }
}

export default async function SourceAttentionPage({
  searchParams,
}: {
  searchParams: Promise<{ confirmed?: string | string[]; dismissed?: string | string[] }>;
}) {
  const [{ confirmed, dismissed }, items] = await Promise.all([searchParams, listSourcesNeedingAttention()]);
  const done = typeof confirmed === 'string' ? `Confirmed: ${confirmed}.` : typeof dismissed === 'string' ? `Dismissed: ${dismissed}.` : null;
  return (
    <>
      <p className="muted">
        <Link href="/admin/sources">Sources</Link> › Needs attention
      </p>
      <h1>Sources that need attention</h1>
      <p>
        What the source check (<code>npm run sources:check</code>) found: sources newly gone from their addresses, back, changed, or
        failing for days. Confirm or dismiss each; a dismissal undoes what the check changed, in the source&apos;s history.
      </p>
      <div aria-live="polite" role="status" className="form-message-region">
        {done && (
          <p className="form-message form-message--success" data-testid="attention-done">
            {done}
          </p>
        )}
      </div>
      {items.length === 0 ? (
        <p className="notice" data-testid="attention-empty">
          Nothing needs attention.
        </p>
      ) : (
        <ul className="plain-list attention-list">
          {items.map((item) => {
            const finding = findingOf(item);
            const headingId = `attention-${item.sourceId}`;
            const archive = item.archiveUrl ?? item.archiveSnapshotUrl;
            return (
              <li key={item.sourceId}>
                <section className="attention" aria-labelledby={headingId} data-testid="attention-item">
                  <h2 id={headingId}>
                    <span className="type-badge">{finding.headline}</span> <Link href={`/admin/sources/${encodeURIComponent(item.sourceId)}/edit`}>{item.title}</Link>
                  </h2>
                  <p>{finding.summary}</p>
                  <p className="attention__address">
                    {item.publisher && <>{item.publisher} · </>}
                    {item.url ?? <span className="muted">No address</span>}
                    {archive && (
                      <>
                        {' · '}
                        <a href={archive} rel="noopener noreferrer">
                          Archived copy
                        </a>
                      </>
                    )}
                  </p>
                  <CheckEvidenceList checks={item.checks} title={item.title} />
                  <AttentionDecisionForm
                    action={decideSourceAttentionAction}
                    sourceId={item.sourceId}
                    version={item.version}
                    confirmLabel={finding.confirm}
                    dismissLabel={finding.dismiss}
                    title={item.title}
                    draftHref={item.attention === 'gone' ? `/admin/events/new?fromSource=${encodeURIComponent(item.sourceId)}` : null}
                  />
                </section>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
