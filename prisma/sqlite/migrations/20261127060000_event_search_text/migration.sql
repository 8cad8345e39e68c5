-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "dateEarliest" TEXT NOT NULL,
    "dateLatest" TEXT NOT NULL,
    "dateSortKey" TEXT NOT NULL,
    "datePrecision" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "jurisdiction" TEXT NOT NULL,
    "policyId" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Event_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Event" ("createdAt", "date", "dateEarliest", "dateLatest", "datePrecision", "dateSortKey", "deletedAt", "id", "jurisdiction", "policyId", "slug", "summary", "title", "type", "updatedAt", "version") SELECT "createdAt", "date", "dateEarliest", "dateLatest", "datePrecision", "dateSortKey", "deletedAt", "id", "jurisdiction", "policyId", "slug", "summary", "title", "type", "updatedAt", "version" FROM "Event";
DROP TABLE "Event";
ALTER TABLE "new_Event" RENAME TO "Event";
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");
CREATE INDEX "Event_deletedAt_dateSortKey_dateLatest_slug_idx" ON "Event"("deletedAt", "dateSortKey", "dateLatest" DESC, "slug");
CREATE INDEX "Event_policyId_dateSortKey_idx" ON "Event"("policyId", "dateSortKey");
CREATE INDEX "Event_type_idx" ON "Event"("type");
CREATE INDEX "Event_jurisdiction_idx" ON "Event"("jurisdiction");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

