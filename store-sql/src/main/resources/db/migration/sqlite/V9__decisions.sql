-- Recording decisions (SQLite): what the policy decided for each call, under which rules, and what
-- happened. One row per call (its SIP Call-ID), recorded or not. Conventions as in V1; booleans are 0 or 1.
--
-- decision_json and evidence_json hold the parties' numbers: personal data. A row linked to a recording is
-- deleted by the shred of that recording, in the same transaction (Shredding.java); the foreign key proves
-- it.
CREATE TABLE call_decisions (
    call_id       TEXT    NOT NULL PRIMARY KEY,
    recording_id  TEXT    REFERENCES recordings (id),
    decided_at    INTEGER NOT NULL,
    rules_version TEXT    NOT NULL,
    rules_sha256  TEXT    NOT NULL,
    recorded      INTEGER NOT NULL,
    decision_json TEXT    NOT NULL,
    evidence_json TEXT,
    outcome       TEXT    NOT NULL
) STRICT;

-- A recording is made under one decision; NULLs (calls without a recording) do not collide.
CREATE UNIQUE INDEX call_decisions_recording_idx ON call_decisions (recording_id);
-- recent(): newest first, then by call id.
CREATE INDEX call_decisions_decided_idx ON call_decisions (decided_at, call_id);
