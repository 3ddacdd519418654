-- Wrapped data keys live apart from the recordings so that crypto-shredding deletes exactly this row.
-- PostgreSQL keeps dead tuples until VACUUM; the wrapped key is useless without its KEK either way.
CREATE TABLE data_keys (
    recording_id uuid  NOT NULL PRIMARY KEY REFERENCES recordings (id),
    kek_id       text  NOT NULL,
    wrapped      bytea NOT NULL
);

-- Key rotation lists the keys still wrapped with an old KEK.
CREATE INDEX data_keys_kek_idx ON data_keys (kek_id);
