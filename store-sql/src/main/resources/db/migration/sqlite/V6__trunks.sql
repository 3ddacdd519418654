-- Upstream SIP trunks. The digest password is stored only wrapped by a keyring KEK (associated data
-- "callvault trunk " + name); kek_id and wrapped are both set or both null.
CREATE TABLE trunks (
    name             TEXT    NOT NULL PRIMARY KEY,
    host             TEXT    NOT NULL,
    port             INTEGER NOT NULL,
    transport        TEXT    NOT NULL,
    country          TEXT    NOT NULL,
    username         TEXT,
    password_kek_id  TEXT,
    password_wrapped BLOB,
    updated_at       INTEGER NOT NULL,
    CHECK ((password_kek_id IS NULL) = (password_wrapped IS NULL))
) STRICT;

-- A trunk's DIDs, one row per E.164 number, replaced as a whole with the trunk; removing the trunk
-- removes them. The same number may appear under two trunks: routing is per trunk.
CREATE TABLE trunk_dids (
    trunk_name TEXT NOT NULL REFERENCES trunks (name) ON DELETE CASCADE,
    did        TEXT NOT NULL,
    extension  TEXT NOT NULL,
    PRIMARY KEY (trunk_name, did)
) STRICT;
