-- Sign-in throttling counts attempts per bucket in fixed windows (account-wide for new
-- clients, per account and client, per device, per client). The old counters have other
-- keys and meanings and expire within 15 minutes anyway, so they are dropped, not copied.
DROP TABLE "SignInThrottle";

CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "attempts" INTEGER NOT NULL,
    "windowEnds" DATETIME NOT NULL
);

CREATE INDEX "SignInThrottle_windowEnds_idx" ON "SignInThrottle"("windowEnds");
