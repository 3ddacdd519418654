-- Recordings and the rows that hang off them (PostgreSQL).
-- Conventions shared with the SQLite schema, so both map to Java the same way:
--   * ids are uuid; their order is the byte order, equal to the text order of SQLite's canonical text;
--   * instants are epoch milliseconds UTC (bigint), so values round-trip to the millisecond;
--   * enums are stored by name without CHECK lists, so a new constant needs no migration; the Java
--     side rejects names it does not know when reading.

CREATE TABLE recordings (
    id               uuid    NOT NULL PRIMARY KEY,
    call_id          text,
    caller_number    text    NOT NULL,
    caller_name      text,
    callee_number    text    NOT NULL,
    callee_name      text,
    direction        text    NOT NULL,
    agent            text,
    started_at       bigint  NOT NULL,
    ended_at         bigint,
    duration_ms      bigint  NOT NULL,
    encoding         text    NOT NULL,
    sample_rate      integer NOT NULL,
    channels         integer NOT NULL,
    plaintext_bytes  bigint  NOT NULL,
    ciphertext_bytes bigint  NOT NULL,
    plaintext_sha256 text,
    blob_key         text    NOT NULL,
    format_version   integer NOT NULL,
    state            text    NOT NULL,
    state_reason     text    NOT NULL
);

-- Search by party matches caller or callee: one index each, both ending in the sort key.
CREATE INDEX recordings_caller_idx ON recordings (caller_number, started_at);
CREATE INDEX recordings_callee_idx ON recordings (callee_number, started_at);
CREATE INDEX recordings_started_idx ON recordings (started_at, id);
CREATE INDEX recordings_state_idx ON recordings (state, started_at);

CREATE TABLE recording_tags (
    recording_id uuid NOT NULL REFERENCES recordings (id),
    tag_key      text NOT NULL,
    tag_value    text NOT NULL,
    PRIMARY KEY (recording_id, tag_key)
);

CREATE INDEX recording_tags_value_idx ON recording_tags (tag_key, tag_value, recording_id);

CREATE TABLE recording_segments (
    id           bigint  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    recording_id uuid    NOT NULL REFERENCES recordings (id),
    start_ms     bigint  NOT NULL,
    end_ms       bigint  NOT NULL,
    kind         text    NOT NULL,
    reason       text    NOT NULL
);

CREATE INDEX recording_segments_order_idx ON recording_segments (recording_id, start_ms, end_ms, id);
