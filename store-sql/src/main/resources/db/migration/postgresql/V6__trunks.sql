-- Upstream SIP trunks. The digest password is stored only wrapped by a keyring KEK (associated data
-- "callvault trunk " + name); kek_id and wrapped are both set or both null.
CREATE TABLE trunks (
    name             text    NOT NULL PRIMARY KEY,
    host             text    NOT NULL,
    port             integer NOT NULL,
    transport        text    NOT NULL,
    country          text    NOT NULL,
    username         text,
    password_kek_id  text,
    password_wrapped bytea,
    updated_at       bigint  NOT NULL,
    CHECK ((password_kek_id IS NULL) = (password_wrapped IS NULL))
);

-- A trunk's DIDs, one row per E.164 number, replaced as a whole with the trunk; removing the trunk
-- removes them. The same number may appear under two trunks: routing is per trunk.
CREATE TABLE trunk_dids (
    trunk_name text NOT NULL REFERENCES trunks (name) ON DELETE CASCADE,
    did        text NOT NULL,
    extension  text NOT NULL,
    PRIMARY KEY (trunk_name, did)
);
