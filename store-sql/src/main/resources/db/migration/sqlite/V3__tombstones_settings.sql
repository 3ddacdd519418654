-- What remains of a shredded recording. No personal data: no numbers, names, tags or call ids.
CREATE TABLE tombstones (
    id         TEXT    NOT NULL PRIMARY KEY,
    deleted_at INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    deleted_by TEXT    NOT NULL
) STRICT;

CREATE TABLE settings (
    name  TEXT NOT NULL PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
