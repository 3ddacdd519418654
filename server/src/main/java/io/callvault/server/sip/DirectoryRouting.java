package io.callvault.server.sip;

import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestAlgorithm;
import io.callvault.sip.auth.DigestSecret;
import io.callvault.sip.b2bua.Routing;
import io.callvault.sip.registrar.Binding;
import io.callvault.sip.registrar.LocationService;
import io.callvault.vault.spi.CatalogException;
import io.callvault.vault.spi.Directory;
import io.callvault.vault.spi.Extension;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Extensions as the SIP side needs them: who exists, their digest credentials (HA1 per algorithm, RFC
 * 8760), and where they are registered. Reads the directory on every look-up, so 'extension add/remove'
 * apply to the running server at once. A directory failure counts as "unknown" (the caller gets a
 * challenge or a 404, never a crash) and is logged.
 */
public final class DirectoryRouting implements Routing, CredentialStore {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryRouting.class);

    private final Directory directory;
    private final LocationService location;
    private final InstantSource clock;

    public DirectoryRouting(Directory directory, LocationService location, InstantSource clock) {
        this.directory = directory;
        this.location = location;
        this.clock = clock;
    }

    private Optional<Extension> extension(String number) {
        try {
            return directory.extension(number);
        } catch (CatalogException e) {
            LOG.error("Extension look-up failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    @Override
    public boolean isExtension(String number) {
        return number != null && number.matches("[0-9]{2,15}") && extension(number).isPresent();
    }

    @Override
    public Optional<String> displayName(String number) {
        return extension(number).map(Extension::displayName).filter(n -> !n.isBlank());
    }

    @Override
    public List<Binding> bindings(String number) {
        return location.lookup(number, clock.instant());
    }

    /** The extension's location ("US-CA", "GB"...) for policy and recording metadata. */
    public Optional<String> location(String number) {
        return extension(number).map(Extension::location).filter(l -> !l.isBlank());
    }

    @Override
    public Optional<DigestSecret> lookup(String username, String realm) {
        return extension(username).filter(e -> e.realm().equals(realm)).map(e -> new DigestSecret.Ha1Set(
                java.util.Map.of(DigestAlgorithm.MD5, e.ha1Md5(), DigestAlgorithm.SHA_256, e.ha1Sha256())));
    }
}
