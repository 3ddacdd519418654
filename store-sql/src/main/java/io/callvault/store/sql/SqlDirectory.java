package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.queryAll;
import static io.callvault.store.sql.Statements.update;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import io.callvault.vault.spi.Trunk;
import io.callvault.vault.spi.WrappedKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@link Directory} in the catalog's database (tables {@code extensions}, {@code trunks} and
 * {@code trunk_dids}, one row per DID, see V6__trunks.sql); see {@link SqlCatalog#directory()}.
 */
final class SqlDirectory implements Directory {
    private static final String COLUMNS = "number, display_name, realm, ha1_md5, ha1_sha256, location, flags, updated_at";
    private static final String UPSERT = "INSERT INTO extensions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (number) DO UPDATE SET display_name = excluded.display_name, realm = excluded.realm, "
            + "ha1_md5 = excluded.ha1_md5, ha1_sha256 = excluded.ha1_sha256, location = excluded.location, "
            + "flags = excluded.flags, updated_at = excluded.updated_at";
    private static final String TRUNK_UPSERT = "INSERT INTO trunks (name, host, port, transport, country, username, "
            + "password_kek_id, password_wrapped, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (name) DO UPDATE SET host = excluded.host, port = excluded.port, "
            + "transport = excluded.transport, country = excluded.country, username = excluded.username, "
            + "password_kek_id = excluded.password_kek_id, password_wrapped = excluded.password_wrapped, "
            + "updated_at = excluded.updated_at";
    private static final String TRUNKS_WITH_DIDS = "SELECT t.name, t.host, t.port, t.transport, t.country, t.username, "
            + "t.password_kek_id, t.password_wrapped, t.updated_at, d.did, d.extension "
            + "FROM trunks t LEFT JOIN trunk_dids d ON d.trunk_name = t.name";

    private final Transactions tx;

    SqlDirectory(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public void putExtension(Extension e) throws CatalogException {
        tx.run("store extension " + e.number(), c -> update(c, UPSERT, s -> {
            s.setString(1, e.number());
            s.setString(2, e.displayName());
            s.setString(3, e.realm());
            s.setString(4, e.ha1Md5());
            s.setString(5, e.ha1Sha256());
            s.setString(6, e.location());
            s.setString(7, String.join(",", e.flags()));
            s.setLong(8, e.updatedAt().toEpochMilli());
        }));
    }

    @Override
    public boolean removeExtension(String number) throws CatalogException {
        return tx.run("remove extension " + number,
                c -> update(c, "DELETE FROM extensions WHERE number = ?", s -> s.setString(1, number))) > 0;
    }

    @Override
    public Optional<Extension> extension(String number) throws CatalogException {
        return tx.autoCommit("look up extension " + number, c -> first(c,
                "SELECT " + COLUMNS + " FROM extensions WHERE number = ?", s -> s.setString(1, number),
                SqlDirectory::read));
    }

    @Override
    public List<Extension> extensions() throws CatalogException {
        return tx.autoCommit("list extensions", c -> query(c,
                "SELECT " + COLUMNS + " FROM extensions ORDER BY number", s -> { }, SqlDirectory::read));
    }

    /** Replaces the trunk row and all its DIDs in one transaction, so no reader sees a mix of old and new. */
    @Override
    public void putTrunk(Trunk t) throws CatalogException {
        tx.run("store trunk " + t.name(), c -> {
            update(c, TRUNK_UPSERT, s -> {
                s.setString(1, t.name());
                s.setString(2, t.host());
                s.setInt(3, t.port());
                s.setString(4, t.transport());
                s.setString(5, t.country());
                s.setString(6, t.username().orElse(null));
                s.setString(7, t.password().map(WrappedKey::kekId).orElse(null));
                if (t.password().isPresent()) {
                    s.setBytes(8, t.password().get().ciphertext());
                } else {
                    s.setNull(8, Types.BINARY);
                }
                s.setLong(9, t.updatedAt().toEpochMilli());
            });
            update(c, "DELETE FROM trunk_dids WHERE trunk_name = ?", s -> s.setString(1, t.name()));
            for (Map.Entry<String, String> did : t.dids().entrySet()) {
                update(c, "INSERT INTO trunk_dids (trunk_name, did, extension) VALUES (?, ?, ?)", s -> {
                    s.setString(1, t.name());
                    s.setString(2, did.getKey());
                    s.setString(3, did.getValue());
                });
            }
            return null;
        });
    }

    /** The trunk's DIDs go with it (ON DELETE CASCADE). */
    @Override
    public boolean removeTrunk(String name) throws CatalogException {
        return tx.run("remove trunk " + name,
                c -> update(c, "DELETE FROM trunks WHERE name = ?", s -> s.setString(1, name))) > 0;
    }

    /**
     * One join, so the trunks and their DIDs come from one snapshot. Sorted here rather than with ORDER BY:
     * PostgreSQL's collation may ignore '-' and '_', and the contract is String order on both databases.
     */
    @Override
    public List<Trunk> trunks() throws CatalogException {
        return tx.autoCommit("list trunks", c -> queryAll(c, TRUNKS_WITH_DIDS, s -> { }, rows -> {
            Map<String, Trunk> trunks = new TreeMap<>();
            Map<String, Map<String, String>> dids = new TreeMap<>();
            while (rows.next()) {
                String name = rows.getString("name");
                if (!trunks.containsKey(name)) {
                    trunks.put(name, readTrunk(rows));
                    dids.put(name, new TreeMap<>());
                }
                String did = rows.getString("did");
                if (did != null) {
                    dids.get(name).put(did, rows.getString("extension"));
                }
            }
            List<Trunk> result = new ArrayList<>(trunks.size());
            for (Trunk t : trunks.values()) {
                result.add(new Trunk(t.name(), t.host(), t.port(), t.transport(), t.country(), t.username(),
                        t.password(), dids.get(t.name()), t.updatedAt()));
            }
            return List.copyOf(result);
        }));
    }

    /** The trunk's own columns from a joined row, without its DIDs. */
    private static Trunk readTrunk(ResultSet r) throws SQLException {
        String kekId = r.getString("password_kek_id");
        Optional<WrappedKey> password = kekId == null ? Optional.empty()
                : Optional.of(new WrappedKey(kekId, r.getBytes("password_wrapped")));
        return new Trunk(r.getString("name"), r.getString("host"), r.getInt("port"), r.getString("transport"),
                r.getString("country"), Optional.ofNullable(r.getString("username")), password, Map.of(),
                Instant.ofEpochMilli(r.getLong("updated_at")));
    }

    private static Extension read(ResultSet r) throws SQLException {
        String flags = r.getString("flags");
        Set<String> flagSet = flags.isEmpty() ? Set.of()
                : Arrays.stream(flags.split(",")).collect(Collectors.toUnmodifiableSet());
        return new Extension(r.getString("number"), r.getString("display_name"), r.getString("realm"),
                r.getString("ha1_md5"), r.getString("ha1_sha256"), r.getString("location"), flagSet,
                Instant.ofEpochMilli(r.getLong("updated_at")));
    }
}
