-- Drift flags already announced (agreement.drift_flagged), so each goes out once: the drift report
-- is computed on read, again whenever the data change, and a flag stays raised across recomputes.
CREATE TABLE "drift_flag_announcements" (
    "project_id" UUID NOT NULL REFERENCES "projects"("id") ON DELETE CASCADE,
    "definition_key" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "window_key" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "announced_at" TIMESTAMPTZ(3) NOT NULL DEFAULT now(),
    PRIMARY KEY ("project_id", "definition_key", "period", "window_key", "kind")
);
