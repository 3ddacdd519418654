-- One row per call through callvault, answered or not. Holds phone numbers: personal data.
CREATE TABLE calls (
    seq          INTEGER PRIMARY KEY,
    call_id      TEXT NOT NULL,
    caller       TEXT NOT NULL,
    caller_name  TEXT NOT NULL,
    callee       TEXT NOT NULL,
    callee_name  TEXT NOT NULL,
    direction    TEXT NOT NULL,
    started_at   INTEGER NOT NULL,
    answered_at  INTEGER,
    ended_at     INTEGER NOT NULL,
    disposition  TEXT NOT NULL,
    final_status INTEGER NOT NULL,
    ended_by     TEXT NOT NULL,
    recording_id TEXT
) STRICT;

CREATE INDEX calls_started ON calls (started_at);
CREATE INDEX calls_call_id ON calls (call_id);
