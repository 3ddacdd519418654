-- One row per call through callvault, answered or not. Holds phone numbers: personal data.
CREATE TABLE calls (
    seq          bigserial PRIMARY KEY,
    call_id      text NOT NULL,
    caller       text NOT NULL,
    caller_name  text NOT NULL,
    callee       text NOT NULL,
    callee_name  text NOT NULL,
    direction    text NOT NULL,
    started_at   bigint NOT NULL,
    answered_at  bigint,
    ended_at     bigint NOT NULL,
    disposition  text NOT NULL,
    final_status bigint NOT NULL,
    ended_by     text NOT NULL,
    recording_id text
);

CREATE INDEX calls_started ON calls (started_at);
CREATE INDEX calls_call_id ON calls (call_id);
