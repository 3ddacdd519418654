-- Recording decisions (PostgreSQL): what the policy decided for each call, under which rules, and what
-- happened. One row per call (its SIP Call-ID), recorded or not. Conventions as in V1.
--
-- decision_json and evidence_json hold the parties' numbers: personal data. A row linked to a recording is
-- deleted by the shred of that recording, in the same transaction (Shredding.java); the foreign key proves
-- it. text, not jsonb: the JSON is returned byte for byte as it was stored. call_id compares bytewise
-- (collation "C"), as SQLite does, so both order recent() alike whatever the database's locale.
CREATE TABLE call_decisions (
    call_id       text    COLLATE "C" NOT NULL PRIMARY KEY,
    recording_id  uuid    REFERENCES recordings (id),
    decided_at    bigint  NOT NULL,
    rules_version text    NOT NULL,
    rules_sha256  text    NOT NULL,
    recorded      boolean NOT NULL,
    decision_json text    NOT NULL,
    evidence_json text,
    outcome       text    NOT NULL
);

-- A recording is made under one decision; NULLs (calls without a recording) do not collide.
CREATE UNIQUE INDEX call_decisions_recording_idx ON call_decisions (recording_id);
-- recent(): newest first, then by call id.
CREATE INDEX call_decisions_decided_idx ON call_decisions (decided_at, call_id);
