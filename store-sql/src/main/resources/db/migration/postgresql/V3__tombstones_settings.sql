-- What remains of a shredded recording. No personal data: no numbers, names, tags or call ids.
CREATE TABLE tombstones (
    id         uuid   NOT NULL PRIMARY KEY,
    deleted_at bigint NOT NULL,
    reason     text   NOT NULL,
    deleted_by text   NOT NULL
);

CREATE TABLE settings (
    name  text NOT NULL PRIMARY KEY,
    value text NOT NULL
);
