-- The tamper-evident audit log: a hash chain, one row per entry, seq 1, 2, 3... without gaps. The hash
-- covers every other column (encoding in docs/audit-chain.md); rows are only ever inserted.
CREATE TABLE audit_log (
    seq       bigint NOT NULL PRIMARY KEY,
    at_ms     bigint NOT NULL,
    actor     text   NOT NULL,
    source    text   NOT NULL,
    action    text   NOT NULL,
    target    text   NOT NULL,
    outcome   text   NOT NULL,
    details   text   NOT NULL,
    prev_hash text   NOT NULL,
    hash      text   NOT NULL
);

-- One row, locked by every append (UPDATE ... WHERE id = 1) before it reads the last entry, so concurrent
-- appenders, also in other processes, take turns and the chain never forks. appends counts them.
CREATE TABLE audit_head (
    id      integer NOT NULL PRIMARY KEY CHECK (id = 1),
    appends bigint  NOT NULL
);
INSERT INTO audit_head (id, appends) VALUES (1, 0);
