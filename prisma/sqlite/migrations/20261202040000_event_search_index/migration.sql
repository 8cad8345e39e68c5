-- Ranking in the database: the title and summary as normalized search text.
ALTER TABLE "Event" ADD COLUMN "searchTitle" TEXT NOT NULL DEFAULT '';
ALTER TABLE "Event" ADD COLUMN "searchSummary" TEXT NOT NULL DEFAULT '';

-- Every event's search text is rebuilt (scripts/db-prepare.ts rebuilds text that does not start with a space).
UPDATE "Event" SET "searchText" = '';

-- A full-text index of the search text (SQLite FTS5), so a word-prefix search reads the index instead of
-- every event. The words are already lower-cased, accent-free and separated by single spaces, so the
-- tokenizer only splits them. FTS5 keys rows by integer; "EventSearchRow" gives each event a stable one
-- (an event's own rowid can change in a VACUUM). Triggers keep both in step with "Event", whatever writes
-- it. Prisma does not model virtual tables: scripts/check-migrations.ts checks this one and the triggers.
CREATE TABLE "EventSearchRow" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "eventId" TEXT NOT NULL
);
CREATE UNIQUE INDEX "EventSearchRow_eventId_key" ON "EventSearchRow"("eventId");

-- Contentless: the index keeps no second copy of the text (it is in "Event"), and rows can still be deleted.
CREATE VIRTUAL TABLE "EventSearch" USING fts5("words", content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0');

CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" BEGIN
  INSERT INTO "EventSearchRow" ("eventId") VALUES (NEW."id");
  INSERT INTO "EventSearch" ("rowid", "words")
    VALUES ((SELECT "id" FROM "EventSearchRow" WHERE "eventId" = NEW."id"), NEW."searchText");
END;

CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "searchText" ON "Event" BEGIN
  DELETE FROM "EventSearch" WHERE "rowid" = (SELECT "id" FROM "EventSearchRow" WHERE "eventId" = OLD."id");
  INSERT INTO "EventSearch" ("rowid", "words")
    VALUES ((SELECT "id" FROM "EventSearchRow" WHERE "eventId" = NEW."id"), NEW."searchText");
END;

CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" BEGIN
  DELETE FROM "EventSearch" WHERE "rowid" = (SELECT "id" FROM "EventSearchRow" WHERE "eventId" = OLD."id");
  DELETE FROM "EventSearchRow" WHERE "eventId" = OLD."id";
END;

-- The events already stored.
INSERT INTO "EventSearchRow" ("eventId") SELECT "id" FROM "Event";
INSERT INTO "EventSearch" ("rowid", "words")
  SELECT "EventSearchRow"."id", "Event"."searchText" FROM "Event" JOIN "EventSearchRow" ON "EventSearchRow"."eventId" = "Event"."id";
