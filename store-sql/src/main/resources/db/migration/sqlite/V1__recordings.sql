-- Recordings and the rows that hang off them (SQLite).
-- Conventions shared with the PostgreSQL schema, so both map to Java the same way:
--   * ids are canonical lower-case UUID text, whose text order equals the byte order of PostgreSQL's
--     uuid type (search results are ordered by id after start time);
--   * instants are epoch milliseconds UTC (INTEGER), so values round-trip to the millisecond;
--   * enums are stored by name without CHECK lists, so a new constant needs no table rebuild; the
--     Java side rejects names it does not know when reading.
-- STRICT tables make SQLite refuse a value of the wrong type instead of storing it silently.

CREATE TABLE recordings (
    id               TEXT    NOT NULL PRIMARY KEY,
    call_id          TEXT,
    caller_number    TEXT    NOT NULL,
    caller_name      TEXT,
    callee_number    TEXT    NOT NULL,
    callee_name      TEXT,
    direction        TEXT    NOT NULL,
    agent            TEXT,
    started_at       INTEGER NOT NULL,
    ended_at         INTEGER,
    duration_ms      INTEGER NOT NULL,
    encoding         TEXT    NOT NULL,
    sample_rate      INTEGER NOT NULL,
    channels         INTEGER NOT NULL,
    plaintext_bytes  INTEGER NOT NULL,
    ciphertext_bytes INTEGER NOT NULL,
    plaintext_sha256 TEXT,
    blob_key         TEXT    NOT NULL,
    format_version   INTEGER NOT NULL,
    state            TEXT    NOT NULL,
    state_reason     TEXT    NOT NULL
) STRICT;

-- Search by party matches caller or callee: one index each, both ending in the sort key.
CREATE INDEX recordings_caller_idx ON recordings (caller_number, started_at);
CREATE INDEX recordings_callee_idx ON recordings (callee_number, started_at);
CREATE INDEX recordings_started_idx ON recordings (started_at, id);
CREATE INDEX recordings_state_idx ON recordings (state, started_at);

CREATE TABLE recording_tags (
    recording_id TEXT NOT NULL REFERENCES recordings (id),
    tag_key      TEXT NOT NULL,
    tag_value    TEXT NOT NULL,
    PRIMARY KEY (recording_id, tag_key)
) STRICT;

CREATE INDEX recording_tags_value_idx ON recording_tags (tag_key, tag_value, recording_id);

CREATE TABLE recording_segments (
    id           INTEGER PRIMARY KEY,
    recording_id TEXT    NOT NULL REFERENCES recordings (id),
    start_ms     INTEGER NOT NULL,
    end_ms       INTEGER NOT NULL,
    kind         TEXT    NOT NULL,
    reason       TEXT    NOT NULL
) STRICT;

CREATE INDEX recording_segments_order_idx ON recording_segments (recording_id, start_ms, end_ms, id);
