-- The whole schema on PostgreSQL, as Prisma generates it from prisma/postgresql/schema.prisma, with two
-- additions Prisma cannot express (scripts/check-migrations.ts checks both):
--
-- 1. Every text column compares byte by byte (COLLATE "C"), as SQLite's do: ordering by slug, title or name,
--    and the case-insensitive matching of ASCII letters only (ILIKE), are then the same on both databases
--    whatever locale the server was created with, and so is the order of every export.
-- 2. The full-text index of events (at the end).

-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT COLLATE "C" NOT NULL,
    "parentId" TEXT COLLATE "C",
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Actor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActorAlias" (
    "actorId" TEXT COLLATE "C" NOT NULL,
    "alias" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ActorAlias_pkey" PRIMARY KEY ("actorId","alias")
);

-- CreateTable
CREATE TABLE "Policy" (
    "id" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "title" TEXT COLLATE "C" NOT NULL,
    "summary" TEXT COLLATE "C" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Topic" (
    "id" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "Topic_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT COLLATE "C" NOT NULL,
    "slug" TEXT COLLATE "C" NOT NULL,
    "title" TEXT COLLATE "C" NOT NULL,
    "summary" TEXT COLLATE "C" NOT NULL,
    "date" TEXT COLLATE "C" NOT NULL,
    "dateEarliest" TEXT COLLATE "C" NOT NULL,
    "dateLatest" TEXT COLLATE "C" NOT NULL,
    "dateSortKey" TEXT COLLATE "C" NOT NULL,
    "datePrecision" TEXT COLLATE "C" NOT NULL,
    "dateStartMonth" TEXT COLLATE "C",
    "type" TEXT COLLATE "C" NOT NULL,
    "jurisdiction" TEXT COLLATE "C" NOT NULL,
    "policyId" TEXT COLLATE "C",
    "searchText" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "searchTitle" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "searchSummary" TEXT COLLATE "C" NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventSearchRow" (
    "id" SERIAL NOT NULL,
    "eventId" TEXT COLLATE "C" NOT NULL,
    "words" tsvector,

    CONSTRAINT "EventSearchRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventActor" (
    "eventId" TEXT COLLATE "C" NOT NULL,
    "actorId" TEXT COLLATE "C" NOT NULL,
    "role" TEXT COLLATE "C" NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "EventActor_pkey" PRIMARY KEY ("eventId","actorId","role")
);

-- CreateTable
CREATE TABLE "EventTopic" (
    "eventId" TEXT COLLATE "C" NOT NULL,
    "topicId" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "EventTopic_pkey" PRIMARY KEY ("eventId","topicId")
);

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT COLLATE "C" NOT NULL,
    "title" TEXT COLLATE "C" NOT NULL,
    "publisher" TEXT COLLATE "C",
    "publishedOn" TEXT COLLATE "C",
    "url" TEXT COLLATE "C",
    "availability" TEXT COLLATE "C" NOT NULL,
    "archiveUrl" TEXT COLLATE "C",
    "version" INTEGER NOT NULL DEFAULT 1,
    "deletedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" SERIAL NOT NULL,
    "eventId" TEXT COLLATE "C" NOT NULL,
    "sourceId" TEXT COLLATE "C" NOT NULL,
    "quote" TEXT COLLATE "C",
    "position" INTEGER NOT NULL,

    CONSTRAINT "Citation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EventRelation" (
    "fromEventId" TEXT COLLATE "C" NOT NULL,
    "toEventId" TEXT COLLATE "C" NOT NULL,
    "type" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "EventRelation_pkey" PRIMARY KEY ("fromEventId","toEventId","type")
);

-- CreateTable
CREATE TABLE "Revision" (
    "id" SERIAL NOT NULL,
    "entityType" TEXT COLLATE "C" NOT NULL,
    "entityId" TEXT COLLATE "C" NOT NULL,
    "entityKey" TEXT COLLATE "C" NOT NULL,
    "action" TEXT COLLATE "C" NOT NULL,
    "version" INTEGER NOT NULL,
    "before" TEXT COLLATE "C",
    "after" TEXT COLLATE "C",
    "userId" TEXT COLLATE "C",
    "authorLabel" TEXT COLLATE "C" NOT NULL,
    "authorKind" TEXT COLLATE "C" NOT NULL DEFAULT 'editor',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheckRun" (
    "id" SERIAL NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "checked" INTEGER NOT NULL DEFAULT 0,
    "gone" INTEGER NOT NULL DEFAULT 0,
    "failing" INTEGER NOT NULL DEFAULT 0,
    "changed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SourceCheckRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceCheck" (
    "id" SERIAL NOT NULL,
    "sourceId" TEXT COLLATE "C" NOT NULL,
    "runId" INTEGER,
    "checkedAt" TIMESTAMP(3) NOT NULL,
    "url" TEXT COLLATE "C" NOT NULL,
    "method" TEXT COLLATE "C" NOT NULL,
    "httpStatus" INTEGER,
    "finalUrl" TEXT COLLATE "C",
    "durationMs" INTEGER NOT NULL,
    "outcome" TEXT COLLATE "C" NOT NULL,
    "detail" TEXT COLLATE "C" NOT NULL,
    "fingerprint" TEXT COLLATE "C",

    CONSTRAINT "SourceCheck_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SourceWatch" (
    "sourceId" TEXT COLLATE "C" NOT NULL,
    "lastCheckId" INTEGER,
    "lastCheckedAt" TIMESTAMP(3),
    "lastOutcome" TEXT COLLATE "C",
    "fingerprint" TEXT COLLATE "C",
    "goneStreak" INTEGER NOT NULL DEFAULT 0,
    "goneSince" TIMESTAMP(3),
    "failingSince" TIMESTAMP(3),
    "acceptedFinalUrl" TEXT COLLATE "C",
    "archiveSnapshotUrl" TEXT COLLATE "C",
    "attention" TEXT COLLATE "C",
    "attentionSince" TIMESTAMP(3),
    "availabilityBefore" TEXT COLLATE "C",
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "SourceWatch_pkey" PRIMARY KEY ("sourceId")
);

-- CreateTable
CREATE TABLE "SourceChange" (
    "id" SERIAL NOT NULL,
    "sourceId" TEXT COLLATE "C" NOT NULL,
    "kind" TEXT COLLATE "C" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "checkId" INTEGER,
    "detail" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "SourceChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportRun" (
    "id" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "state" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT COLLATE "C" NOT NULL,
    "attempts" INTEGER NOT NULL,
    "windowEnds" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT COLLATE "C" NOT NULL,
    "name" TEXT COLLATE "C" NOT NULL,
    "email" TEXT COLLATE "C" NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "role" TEXT COLLATE "C",
    "banned" BOOLEAN DEFAULT false,
    "banReason" TEXT COLLATE "C",
    "banExpires" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT COLLATE "C" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT COLLATE "C" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT COLLATE "C",
    "userAgent" TEXT COLLATE "C",
    "userId" TEXT COLLATE "C" NOT NULL,
    "impersonatedBy" TEXT COLLATE "C",

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" TEXT COLLATE "C" NOT NULL,
    "accountId" TEXT COLLATE "C" NOT NULL,
    "providerId" TEXT COLLATE "C" NOT NULL,
    "userId" TEXT COLLATE "C" NOT NULL,
    "accessToken" TEXT COLLATE "C",
    "refreshToken" TEXT COLLATE "C",
    "idToken" TEXT COLLATE "C",
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT COLLATE "C",
    "password" TEXT COLLATE "C",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Verification" (
    "id" TEXT COLLATE "C" NOT NULL,
    "identifier" TEXT COLLATE "C" NOT NULL,
    "value" TEXT COLLATE "C" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Verification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Actor_slug_key" ON "Actor"("slug");

-- CreateIndex
CREATE INDEX "Actor_parentId_deletedAt_idx" ON "Actor"("parentId", "deletedAt");

-- CreateIndex
CREATE INDEX "Actor_kind_name_idx" ON "Actor"("kind", "name");

-- CreateIndex
CREATE INDEX "Actor_deletedAt_name_idx" ON "Actor"("deletedAt", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Policy_slug_key" ON "Policy"("slug");

-- CreateIndex
CREATE INDEX "Policy_deletedAt_title_idx" ON "Policy"("deletedAt", "title");

-- CreateIndex
CREATE UNIQUE INDEX "Topic_slug_key" ON "Topic"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "Event_slug_key" ON "Event"("slug");

-- CreateIndex
CREATE INDEX "Event_deletedAt_dateSortKey_dateLatest_slug_id_type_jurisdi_idx" ON "Event"("deletedAt", "dateSortKey", "dateLatest" DESC, "slug", "id", "type", "jurisdiction", "policyId", "dateStartMonth", "dateEarliest");

-- CreateIndex
CREATE INDEX "Event_policyId_dateSortKey_idx" ON "Event"("policyId", "dateSortKey");

-- CreateIndex
CREATE INDEX "Event_type_idx" ON "Event"("type");

-- CreateIndex
CREATE INDEX "Event_jurisdiction_idx" ON "Event"("jurisdiction");

-- CreateIndex
CREATE UNIQUE INDEX "EventSearchRow_eventId_key" ON "EventSearchRow"("eventId");

-- CreateIndex
CREATE INDEX "EventSearchRow_words_idx" ON "EventSearchRow" USING GIN ("words");

-- CreateIndex
CREATE INDEX "EventActor_actorId_eventId_idx" ON "EventActor"("actorId", "eventId");

-- CreateIndex
CREATE INDEX "EventTopic_topicId_idx" ON "EventTopic"("topicId");

-- CreateIndex
CREATE INDEX "Source_deletedAt_title_idx" ON "Source"("deletedAt", "title");

-- CreateIndex
CREATE INDEX "Citation_eventId_position_idx" ON "Citation"("eventId", "position");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "EventRelation_toEventId_idx" ON "EventRelation"("toEventId");

-- CreateIndex
CREATE INDEX "Revision_entityType_entityId_id_idx" ON "Revision"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "Revision_createdAt_idx" ON "Revision"("createdAt");

-- CreateIndex
CREATE INDEX "SourceCheck_sourceId_id_idx" ON "SourceCheck"("sourceId", "id");

-- CreateIndex
CREATE INDEX "SourceCheck_runId_idx" ON "SourceCheck"("runId");

-- CreateIndex
CREATE INDEX "SourceWatch_attention_attentionSince_idx" ON "SourceWatch"("attention", "attentionSince");

-- CreateIndex
CREATE INDEX "SourceChange_sourceId_id_idx" ON "SourceChange"("sourceId", "id");

-- CreateIndex
CREATE INDEX "ImportRun_createdAt_idx" ON "ImportRun"("createdAt");

-- CreateIndex
CREATE INDEX "SignInThrottle_windowEnds_idx" ON "SignInThrottle"("windowEnds");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Session_token_key" ON "Session"("token");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Account_userId_idx" ON "Account"("userId");

-- CreateIndex
CREATE INDEX "Verification_identifier_idx" ON "Verification"("identifier");

-- AddForeignKey
ALTER TABLE "Actor" ADD CONSTRAINT "Actor_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Actor"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActorAlias" ADD CONSTRAINT "ActorAlias_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Event" ADD CONSTRAINT "Event_policyId_fkey" FOREIGN KEY ("policyId") REFERENCES "Policy"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventActor" ADD CONSTRAINT "EventActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTopic" ADD CONSTRAINT "EventTopic_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventTopic" ADD CONSTRAINT "EventTopic_topicId_fkey" FOREIGN KEY ("topicId") REFERENCES "Topic"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Citation" ADD CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_fromEventId_fkey" FOREIGN KEY ("fromEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EventRelation" ADD CONSTRAINT "EventRelation_toEventId_fkey" FOREIGN KEY ("toEventId") REFERENCES "Event"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Revision" ADD CONSTRAINT "Revision_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheck" ADD CONSTRAINT "SourceCheck_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceCheck" ADD CONSTRAINT "SourceCheck_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SourceCheckRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceWatch" ADD CONSTRAINT "SourceWatch_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SourceChange" ADD CONSTRAINT "SourceChange_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The full-text index: each event's search text (already lower-cased, accent-free, words separated by single
-- spaces) as a tsvector of the "simple" configuration, which only splits it into words, under the GIN index
-- above. A word-prefix search is then `words @@ 'term:*'`, the same test as SQLite's FTS5 prefix query.
-- Triggers keep it in step with "Event", whatever writes it.
CREATE FUNCTION "Event_search_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "EventSearchRow" ("eventId", "words") VALUES (NEW."id", to_tsvector('simple', NEW."searchText"));
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE "EventSearchRow" SET "words" = to_tsvector('simple', NEW."searchText") WHERE "eventId" = NEW."id";
  ELSE
    DELETE FROM "EventSearchRow" WHERE "eventId" = OLD."id";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" FOR EACH ROW EXECUTE FUNCTION "Event_search_sync"();
CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "searchText" ON "Event" FOR EACH ROW
  WHEN (OLD."searchText" IS DISTINCT FROM NEW."searchText") EXECUTE FUNCTION "Event_search_sync"();
CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" FOR EACH ROW EXECUTE FUNCTION "Event_search_sync"();
