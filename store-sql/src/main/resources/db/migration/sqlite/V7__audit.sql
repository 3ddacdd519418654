-- The tamper-evident audit log: a hash chain, one row per entry, seq 1, 2, 3... without gaps. The hash
-- covers every other column (encoding in docs/audit-chain.md); rows are only ever inserted.
CREATE TABLE audit_log (
    seq       INTEGER NOT NULL PRIMARY KEY,
    at_ms     INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    source    TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    target    TEXT    NOT NULL,
    outcome   TEXT    NOT NULL,
    details   TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
) STRICT;

-- One row, locked by every append (UPDATE ... WHERE id = 1) before it reads the last entry, so concurrent
-- appenders, also in other processes, take turns and the chain never forks. appends counts them.
CREATE TABLE audit_head (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    appends INTEGER NOT NULL
) STRICT;
INSERT INTO audit_head (id, appends) VALUES (1, 0);
