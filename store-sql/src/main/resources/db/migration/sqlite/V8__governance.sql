-- Governance (SQLite): who signs in (users, sessions, API tokens), what must be kept (legal holds,
-- retention), what data subjects asked for, the signed audit checkpoints, and db-scheduler's task table.
-- Conventions as in V1: instants are epoch milliseconds (INTEGER), enums by name, roles by their id;
-- booleans are 0 or 1. STRICT tables refuse values of the wrong type.

-- Users are disabled, never deleted, so the audit log's actors keep meaning something. roles holds the
-- role ids comma-separated in enum order (an id has no comma); teams are free text and get a row each.
CREATE TABLE users (
    username             TEXT    NOT NULL PRIMARY KEY,
    display_name         TEXT    NOT NULL,
    roles                TEXT    NOT NULL,
    extension            TEXT,
    password_hash        TEXT    NOT NULL,
    must_change_password INTEGER NOT NULL,
    failed_logins        INTEGER NOT NULL,
    locked_until         INTEGER,
    disabled             INTEGER NOT NULL,
    created_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE user_teams (
    username TEXT    NOT NULL REFERENCES users (username),
    team     TEXT    NOT NULL,
    PRIMARY KEY (username, team)
) STRICT;

-- Only SHA-256 hashes of session and token secrets are stored, so a copy of the database cannot sign in.
CREATE TABLE sessions (
    id_hash    TEXT    NOT NULL PRIMARY KEY,
    username   TEXT    NOT NULL,
    csrf_token TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    source     TEXT    NOT NULL
) STRICT;

CREATE INDEX sessions_username_idx ON sessions (username);

CREATE TABLE api_tokens (
    id          TEXT    NOT NULL PRIMARY KEY,
    name        TEXT    NOT NULL,
    username    TEXT    NOT NULL,
    secret_hash TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    expires_at  INTEGER NOT NULL,
    revoked_at  INTEGER
) STRICT;

CREATE INDEX api_tokens_username_idx ON api_tokens (username, created_at);

-- Legal holds are never deleted. A hold covers either the ids in legal_hold_recordings or the search in
-- scope_* (a party number and/or a start-time range). Release takes two people: the last CHECK is the
-- backstop for the guarded UPDATE in SqlHoldStore.
CREATE TABLE legal_holds (
    id                   TEXT    NOT NULL PRIMARY KEY,
    name                 TEXT    NOT NULL,
    reason               TEXT    NOT NULL,
    matter               TEXT    NOT NULL,
    created_by           TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    scope_party          TEXT,
    scope_since          INTEGER,
    scope_until          INTEGER,
    release_requested_by TEXT,
    release_requested_at INTEGER,
    release_reason       TEXT,
    released_by          TEXT,
    released_at          INTEGER,
    CHECK ((release_requested_by IS NULL) = (release_requested_at IS NULL)),
    CHECK ((released_by IS NULL) = (released_at IS NULL)),
    CHECK (released_by IS NULL OR (release_requested_by IS NOT NULL AND released_by <> release_requested_by))
) STRICT;

-- No foreign key to recordings on purpose: a hold outlives the recordings it names (they may be shredded
-- once it is released, and the hold must still say what it covered).
CREATE TABLE legal_hold_recordings (
    hold_id      TEXT    NOT NULL REFERENCES legal_holds (id),
    recording_id TEXT    NOT NULL,
    PRIMARY KEY (hold_id, recording_id)
) STRICT;

-- Retention classes; match holds the tags a recording must carry for the policy to apply.
CREATE TABLE retention_policies (
    name              TEXT    NOT NULL PRIMARY KEY,
    retain_days       INTEGER NOT NULL,
    priority          INTEGER NOT NULL,
    overrides_erasure INTEGER NOT NULL,
    description       TEXT    NOT NULL
) STRICT;

CREATE TABLE retention_policy_match (
    policy    TEXT    NOT NULL REFERENCES retention_policies (name) ON DELETE CASCADE,
    tag_key   TEXT    NOT NULL,
    tag_value TEXT    NOT NULL,
    PRIMARY KEY (policy, tag_key)
) STRICT;

-- A recording's assignment lives in its row, so shredding (which deletes the row) removes it. Both
-- columns are null (never assigned) or both set. No foreign key to retention_policies: deleting a policy
-- leaves its assignments until they are re-evaluated.
ALTER TABLE recordings ADD COLUMN retention_policy TEXT;
ALTER TABLE recordings ADD COLUMN retain_until INTEGER;

-- The retention job reads the expired recordings earliest first, then by id.
CREATE INDEX recordings_retain_until_idx ON recordings (retain_until, id);

-- Data-subject requests. The subject's numbers keep their order (position); actions are appended.
CREATE TABLE dsar_requests (
    id            TEXT    NOT NULL PRIMARY KEY,
    kind          TEXT    NOT NULL,
    subject_name  TEXT    NOT NULL,
    subject_email TEXT    NOT NULL,
    received_at   INTEGER NOT NULL,
    due_at        INTEGER NOT NULL,
    status        TEXT    NOT NULL,
    created_by    TEXT    NOT NULL
) STRICT;

CREATE TABLE dsar_numbers (
    request_id TEXT    NOT NULL REFERENCES dsar_requests (id),
    position   INTEGER NOT NULL,
    number     TEXT    NOT NULL,
    PRIMARY KEY (request_id, position)
) STRICT;

CREATE TABLE dsar_actions (
    id         INTEGER PRIMARY KEY,
    request_id TEXT    NOT NULL REFERENCES dsar_requests (id),
    at_ms      INTEGER NOT NULL,
    actor      TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    details    TEXT    NOT NULL
) STRICT;

CREATE INDEX dsar_actions_request_idx ON dsar_actions (request_id, at_ms, id);

-- Signed statements about the audit chain (docs/audit-chain.md); append-only, one per seq. No foreign key
-- to audit_log: a checkpoint must survive someone deleting the entries it vouches for.
CREATE TABLE audit_checkpoints (
    seq       INTEGER NOT NULL PRIMARY KEY,
    hash      TEXT    NOT NULL,
    at_ms     INTEGER NOT NULL,
    key_id    TEXT    NOT NULL,
    signature TEXT    NOT NULL
) STRICT;

-- db-scheduler 16.7's table, with the columns of its PostgreSQL DDL (postgresql_tables.sql) and the types
-- of its SQLite test DDL. Owned by that library: its columns are its contract, not ours. Not STRICT: the
-- library binds java.sql.Timestamp and boolean values and the driver picks their storage class.
CREATE TABLE scheduled_tasks (
    task_name            TEXT      NOT NULL,
    task_instance        TEXT      NOT NULL,
    task_data            BLOB,
    execution_time       TIMESTAMP NOT NULL,
    picked               BOOLEAN   NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP,
    last_failure         TIMESTAMP,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP,
    version              INTEGER   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
