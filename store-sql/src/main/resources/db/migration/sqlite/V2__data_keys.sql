-- Wrapped data keys live apart from the recordings so that crypto-shredding deletes exactly this row;
-- with PRAGMA secure_delete (set on every connection) SQLite overwrites the freed bytes in the file.
CREATE TABLE data_keys (
    recording_id TEXT NOT NULL PRIMARY KEY REFERENCES recordings (id),
    kek_id       TEXT NOT NULL,
    wrapped      BLOB NOT NULL
) STRICT;

-- Key rotation lists the keys still wrapped with an old KEK.
CREATE INDEX data_keys_kek_idx ON data_keys (kek_id);
