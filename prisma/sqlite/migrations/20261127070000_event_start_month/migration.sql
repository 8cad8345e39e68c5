-- AlterTable
ALTER TABLE "Event" ADD COLUMN "dateStartMonth" TEXT;


-- Fill the new column for existing events: an EDTF date (or interval) whose
-- start names a month begins "YYYY-MM" (qualifiers follow the component).
UPDATE "Event"
SET "dateStartMonth" = substr("date", 1, 7)
WHERE "date" GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]*';
