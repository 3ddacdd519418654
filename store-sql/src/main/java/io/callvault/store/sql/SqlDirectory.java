package io.callvault.store.sql;

import static io.callvault.store.sql.Statements.first;
import static io.callvault.store.sql.Statements.query;
import static io.callvault.store.sql.Statements.update;

import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@link Directory} in the catalog's database (table {@code extensions}); see {@link SqlCatalog#directory()}. */
final class SqlDirectory implements Directory {
    private static final String COLUMNS = "number, display_name, realm, ha1_md5, ha1_sha256, location, flags, updated_at";
    private static final String UPSERT = "INSERT INTO extensions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (number) DO UPDATE SET display_name = excluded.display_name, realm = excluded.realm, "
            + "ha1_md5 = excluded.ha1_md5, ha1_sha256 = excluded.ha1_sha256, location = excluded.location, "
            + "flags = excluded.flags, updated_at = excluded.updated_at";

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

    private static Extension read(ResultSet r) throws SQLException {
        String flags = r.getString("flags");
        Set<String> flagSet = flags.isEmpty() ? Set.of()
                : Arrays.stream(flags.split(",")).collect(Collectors.toUnmodifiableSet());
        return new Extension(r.getString("number"), r.getString("display_name"), r.getString("realm"),
                r.getString("ha1_md5"), r.getString("ha1_sha256"), r.getString("location"), flagSet,
                Instant.ofEpochMilli(r.getLong("updated_at")));
    }
}
