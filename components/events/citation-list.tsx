import { EventDate } from '@/components/timeline/event-date';
import type { EventDetail } from '@/lib/events';
import type { SourceCheckLine } from '@/lib/sources-watch/reader';

type Citation = EventDetail['citations'][number];

/** Calendar days of checks are UTC days, whatever zone the server or the reader is in. */
const checkDay = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });
const Day = ({ moment }: { moment: Date }) => <time dateTime={moment.toISOString()}>{checkDay.format(moment)}</time>;

/** When the source watch last checked the address, and what it found. */
function LastChecked({ line }: { line: SourceCheckLine | undefined }) {
  if (!line) return <span className="muted">Its address has not been checked yet.</span>;
  const last = <Day moment={line.lastCheckedAt} />;
  if (line.goneSince) {
    return (
      <span>
        No longer at its address since <Day moment={line.goneSince} /> <span className="muted">(last checked {last}).</span>
      </span>
    );
  }
  const found = {
    reachable: 'found at its address',
    changed: 'found at its address, with its text changed since the check before',
    failing: 'the address did not answer properly',
    gone: 'not found at its address',
  }[line.outcome];
  return (
    <span className="muted">
      Last checked {last}: {found}.
    </span>
  );
}

function SourceAvailability({ source }: { source: Citation['source'] }) {
  if (source.availability === 'removed') {
    return (
      <span data-testid="source-removed">
        <span className="availability-removed">Removed:</span> no longer available at its original address.{' '}
        {source.archiveUrl ? (
          <a href={source.archiveUrl} rel="noopener noreferrer">
            Archived copy
          </a>
        ) : (
          'No archived copy is known.'
        )}
      </span>
    );
  }
  if (source.availability === 'unknown') return <span className="muted">Availability not checked.</span>;
  return source.archiveUrl ? (
    <a href={source.archiveUrl} rel="noopener noreferrer">
      Archived copy
    </a>
  ) : null;
}

/** Every citation of an event: the quoted passage, then which source says it. */
export function CitationList({ citations, checks }: { citations: Citation[]; checks: Map<string, SourceCheckLine> }) {
  return (
    <ol className="citations">
      {citations.map((citation) => {
        const { source } = citation;
        return (
          <li key={citation.id} className="citation" data-testid="citation">
            {citation.quote ? (
              <blockquote>{citation.quote}</blockquote>
            ) : (
              <p className="muted">No passage is quoted: the source itself is the record of this event.</p>
            )}
            <p className="citation__source">
              — {source.publisher ?? <span className="muted">Publisher not recorded</span>},{' '}
              {source.url ? (
                <a href={source.url} rel="noopener noreferrer">
                  <cite>{source.title}</cite>
                </a>
              ) : (
                <cite>{source.title}</cite>
              )}
              {source.publishedOn && (
                <>
                  , published <EventDate date={source.publishedOn} className="" />
                </>
              )}
              .{!source.url && <span className="muted"> No web address recorded.</span>} <SourceAvailability source={source} />
            </p>
            {source.url && (
              <p className="citation__checked" data-testid="source-last-checked">
                <LastChecked line={checks.get(source.id)} />
              </p>
            )}
          </li>
        );
      })}
    </ol>
  );
}
