-- Softphone accounts. Passwords only as digest HA1 values (password-equivalent for the realm).
CREATE TABLE extensions (
    number       TEXT    NOT NULL PRIMARY KEY,
    display_name TEXT    NOT NULL,
    realm        TEXT    NOT NULL,
    ha1_md5      TEXT    NOT NULL,
    ha1_sha256   TEXT    NOT NULL,
    location     TEXT    NOT NULL,
    flags        TEXT    NOT NULL,
    updated_at   INTEGER NOT NULL
) STRICT;
