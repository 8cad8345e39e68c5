-- CreateTable
CREATE TABLE "SourceCheckRun" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "checked" INTEGER NOT NULL DEFAULT 0,
    "gone" INTEGER NOT NULL DEFAULT 0,
    "failing" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" TEXT NOT NULL,
    "runId" INTEGER,
    "checkedAt" DATETIME NOT NULL,
    "url" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "finalUrl" TEXT,
    "durationMs" INTEGER NOT NULL,
    "outcome" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "fingerprint" TEXT,
    CONSTRAINT "SourceCheck_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SourceCheck_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SourceCheckRun" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceWatch" (
    "sourceId" TEXT NOT NULL PRIMARY KEY,
    "lastCheckId" INTEGER,
    "lastCheckedAt" DATETIME,
    "lastOutcome" TEXT,
    "fingerprint" TEXT,
    "goneStreak" INTEGER NOT NULL DEFAULT 0,
    "goneSince" DATETIME,
    "failingSince" DATETIME,
    "acceptedFinalUrl" TEXT,
    "archiveSnapshotUrl" TEXT,
    "attention" TEXT,
    "attentionSince" DATETIME,
    "availabilityBefore" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "SourceWatch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SourceChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "sourceId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL,
    "checkId" INTEGER,
    "detail" TEXT NOT NULL,
    CONSTRAINT "SourceChange_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable: who made a revision, by kind. Added in place (no table copy); revisions the command line
-- wrote (userId null, labelled "import") are backfilled.
ALTER TABLE "Revision" ADD COLUMN "authorKind" TEXT NOT NULL DEFAULT 'editor';
UPDATE "Revision" SET "authorKind" = 'command-line' WHERE "userId" IS NULL AND "authorLabel" = 'import';

-- CreateIndex
CREATE INDEX "SourceCheck_sourceId_id_idx" ON "SourceCheck"("sourceId", "id");

-- CreateIndex
CREATE INDEX "SourceCheck_runId_idx" ON "SourceCheck"("runId");

-- CreateIndex
CREATE INDEX "SourceWatch_attention_attentionSince_idx" ON "SourceWatch"("attention", "attentionSince");

-- CreateIndex
CREATE INDEX "SourceChange_sourceId_id_idx" ON "SourceChange"("sourceId", "id");

