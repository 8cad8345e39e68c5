import { EventDate } from '@/components/timeline/event-date';
import type { EventDetail } from '@/lib/events';

type Citation = EventDetail['citations'][number];

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
export function CitationList({ citations }: { citations: Citation[] }) {
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
          </li>
        );
      })}
    </ol>
  );
}
