-- Governance (PostgreSQL): who signs in (users, sessions, API tokens), what must be kept (legal holds,
-- retention), what data subjects asked for, the signed audit checkpoints, and db-scheduler's task table.
-- Conventions as in V1: instants are epoch milliseconds (bigint), enums by name, roles by their id.

-- Users are disabled, never deleted, so the audit log's actors keep meaning something. roles holds the
-- role ids comma-separated in enum order (an id has no comma); teams are free text and get a row each.
CREATE TABLE users (
    username             text    NOT NULL PRIMARY KEY,
    display_name         text    NOT NULL,
    roles                text    NOT NULL,
    extension            text,
    password_hash        text    NOT NULL,
    must_change_password boolean NOT NULL,
    failed_logins        integer NOT NULL,
    locked_until         bigint,
    disabled             boolean NOT NULL,
    created_at           bigint  NOT NULL
);

CREATE TABLE user_teams (
    username text NOT NULL REFERENCES users (username),
    team     text NOT NULL,
    PRIMARY KEY (username, team)
);

-- Only SHA-256 hashes of session and token secrets are stored, so a copy of the database cannot sign in.
CREATE TABLE sessions (
    id_hash    text   NOT NULL PRIMARY KEY,
    username   text   NOT NULL,
    csrf_token text   NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL,
    source     text   NOT NULL
);

CREATE INDEX sessions_username_idx ON sessions (username);

CREATE TABLE api_tokens (
    id          text   NOT NULL PRIMARY KEY,
    name        text   NOT NULL,
    username    text   NOT NULL,
    secret_hash text   NOT NULL,
    created_at  bigint NOT NULL,
    expires_at  bigint NOT NULL,
    revoked_at  bigint
);

CREATE INDEX api_tokens_username_idx ON api_tokens (username, created_at);

-- Legal holds are never deleted. A hold covers either the ids in legal_hold_recordings or the search in
-- scope_* (a party number and/or a start-time range). Release takes two people: the last CHECK is the
-- backstop for the guarded UPDATE in SqlHoldStore.
CREATE TABLE legal_holds (
    id                   text   NOT NULL PRIMARY KEY,
    name                 text   NOT NULL,
    reason               text   NOT NULL,
    matter               text   NOT NULL,
    created_by           text   NOT NULL,
    created_at           bigint NOT NULL,
    scope_party          text,
    scope_since          bigint,
    scope_until          bigint,
    release_requested_by text,
    release_requested_at bigint,
    release_reason       text,
    released_by          text,
    released_at          bigint,
    CHECK ((release_requested_by IS NULL) = (release_requested_at IS NULL)),
    CHECK ((released_by IS NULL) = (released_at IS NULL)),
    CHECK (released_by IS NULL OR (release_requested_by IS NOT NULL AND released_by <> release_requested_by))
);

-- No foreign key to recordings on purpose: a hold outlives the recordings it names (they may be shredded
-- once it is released, and the hold must still say what it covered).
CREATE TABLE legal_hold_recordings (
    hold_id      text NOT NULL REFERENCES legal_holds (id),
    recording_id uuid NOT NULL,
    PRIMARY KEY (hold_id, recording_id)
);

-- Retention classes; match holds the tags a recording must carry for the policy to apply.
CREATE TABLE retention_policies (
    name              text    NOT NULL PRIMARY KEY,
    retain_days       integer NOT NULL,
    priority          integer NOT NULL,
    overrides_erasure boolean NOT NULL,
    description       text    NOT NULL
);

CREATE TABLE retention_policy_match (
    policy    text NOT NULL REFERENCES retention_policies (name) ON DELETE CASCADE,
    tag_key   text NOT NULL,
    tag_value text NOT NULL,
    PRIMARY KEY (policy, tag_key)
);

-- A recording's assignment lives in its row, so shredding (which deletes the row) removes it. Both
-- columns are null (never assigned) or both set. No foreign key to retention_policies: deleting a policy
-- leaves its assignments until they are re-evaluated.
ALTER TABLE recordings ADD COLUMN retention_policy text;
ALTER TABLE recordings ADD COLUMN retain_until bigint;

-- The retention job reads the expired recordings earliest first, then by id.
CREATE INDEX recordings_retain_until_idx ON recordings (retain_until, id);

-- Data-subject requests. The subject's numbers keep their order (position); actions are appended.
CREATE TABLE dsar_requests (
    id            text   NOT NULL PRIMARY KEY,
    kind          text   NOT NULL,
    subject_name  text   NOT NULL,
    subject_email text   NOT NULL,
    received_at   bigint NOT NULL,
    due_at        bigint NOT NULL,
    status        text   NOT NULL,
    created_by    text   NOT NULL
);

CREATE TABLE dsar_numbers (
    request_id text    NOT NULL REFERENCES dsar_requests (id),
    position   integer NOT NULL,
    number     text    NOT NULL,
    PRIMARY KEY (request_id, position)
);

CREATE TABLE dsar_actions (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id text   NOT NULL REFERENCES dsar_requests (id),
    at_ms      bigint NOT NULL,
    actor      text   NOT NULL,
    action     text   NOT NULL,
    details    text   NOT NULL
);

CREATE INDEX dsar_actions_request_idx ON dsar_actions (request_id, at_ms, id);

-- Signed statements about the audit chain (docs/audit-chain.md); append-only, one per seq. No foreign key
-- to audit_log: a checkpoint must survive someone deleting the entries it vouches for.
CREATE TABLE audit_checkpoints (
    seq       bigint NOT NULL PRIMARY KEY,
    hash      text   NOT NULL,
    at_ms     bigint NOT NULL,
    key_id    text   NOT NULL,
    signature text   NOT NULL
);

-- db-scheduler 16.7's table, as its documentation gives it for PostgreSQL (postgresql_tables.sql). Owned
-- by that library: its columns and types are its contract, not ours.
CREATE TABLE scheduled_tasks (
    task_name            text                     NOT NULL,
    task_instance        text                     NOT NULL,
    task_data            bytea,
    execution_time       timestamp with time zone NOT NULL,
    picked               boolean                  NOT NULL,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduled_tasks (priority DESC, execution_time ASC);
