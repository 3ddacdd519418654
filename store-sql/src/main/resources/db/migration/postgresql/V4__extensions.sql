-- Softphone accounts. Passwords only as digest HA1 values (password-equivalent for the realm).
CREATE TABLE extensions (
    number       text   NOT NULL PRIMARY KEY,
    display_name text   NOT NULL,
    realm        text   NOT NULL,
    ha1_md5      text   NOT NULL,
    ha1_sha256   text   NOT NULL,
    location     text   NOT NULL,
    flags        text   NOT NULL,
    updated_at   bigint NOT NULL
);
