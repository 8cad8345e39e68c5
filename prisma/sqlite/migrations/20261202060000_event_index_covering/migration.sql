-- The filter index (lib/event-index.ts) is built from every live event in chronological order: this index
-- holds the columns it reads (with the normalized title and summary that search ranking compares), so the
-- build reads the index instead of rows whose long text columns spill onto overflow pages (at 100,000
-- events: 1.2 s for a scan of the rows). Counts are the filter index's now, so the covering index for
-- counting in SQL goes.
DROP INDEX "Event_deletedAt_dateSortKey_dateLatest_slug_idx";
DROP INDEX "Event_deletedAt_type_jurisdiction_policyId_dateStartMonth_dateEarliest_dateLatest_id_idx";
CREATE INDEX "Event_deletedAt_dateSortKey_dateLatest_slug_id_type_jurisdiction_policyId_dateStartMonth_dateEarliest_searchTitle_searchSummary_idx" ON "Event"("deletedAt", "dateSortKey", "dateLatest" DESC, "slug", "id", "type", "jurisdiction", "policyId", "dateStartMonth", "dateEarliest", "searchTitle", "searchSummary");
