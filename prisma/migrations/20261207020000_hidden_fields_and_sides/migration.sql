-- Fields annotators do not see, and pairwise sides shown in an order drawn per assignment
-- (issue #12, docs/decisions/015-hidden-fields-shuffled-sides-items-browser.md).

-- Data fields never served to annotators: concord_served leaves them out, so every read an
-- annotator has (queue/next, submit-and-next, going back to an assignment) lacks them.
ALTER TABLE projects ADD COLUMN hidden_fields text[] NOT NULL DEFAULT '{}';

-- The side order drawn for an assignment: true shows the data's `b` on the left. Pairwise
-- definitions with shuffleSides apply it; others ignore it. Added with false so the assignments
-- served before (always shown A left) keep what they showed; from now on each new row draws.
-- A column default rather than a change to the claim function: the claim stays as it is (no
-- extra query on the hot path) and every way an assignment is made draws the same way.
ALTER TABLE assignments ADD COLUMN sides_flipped boolean NOT NULL DEFAULT false;
ALTER TABLE assignments ALTER COLUMN sides_flipped SET DEFAULT (random() < 0.5);

-- concord_served (prisma/functions/queue-claim.sql) leaves the hidden fields out and serves the order.
