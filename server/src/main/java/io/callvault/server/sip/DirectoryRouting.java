package io.callvault.server.sip;

import io.callvault.sip.auth.CredentialStore;
import io.callvault.sip.auth.DigestAlgorithm;
import io.callvault.sip.auth.DigestSecret;
import io.callvault.sip.b2bua.Routing;
import io.callvault.sip.b2bua.TrunkRoute;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.TransportKind;
import io.callvault.vault.spi.KeyService;
import io.callvault.vault.spi.Trunk;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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
    private final KeyService keys;

    public DirectoryRouting(Directory directory, LocationService location, InstantSource clock, KeyService keys) {
        this.directory = directory;
        this.location = location;
        this.clock = clock;
        this.keys = keys;
    }

    private List<Trunk> trunks() {
        try {
            return directory.trunks();
        } catch (CatalogException e) {
            LOG.error("Trunk look-up failed: {}", e.getMessage());
            return List.of();
        }
    }

    private Optional<TrunkRoute> route(Trunk t) {
        try {
            InetSocketAddress at = new InetSocketAddress(InetAddress.getByName(t.host()), t.port());
            return Optional.of(new TrunkRoute(t.name(), new Peer(TransportKind.valueOf(t.transport().toUpperCase(
                    java.util.Locale.ROOT)), at), t.country(), t.username(),
                    () -> t.password().map(w -> TrunkSecrets.password(keys, t))));
        } catch (UnknownHostException e) {
            LOG.warn("Trunk {}: host {} does not resolve", t.name(), t.host());
            return Optional.empty();
        }
    }

    @Override
    public Optional<TrunkRoute> trunkAt(InetSocketAddress source) {
        for (Trunk t : trunks()) {
            Optional<TrunkRoute> r = route(t);
            if (r.isPresent() && r.get().peer().address().equals(source)) {
                return r;
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> didTarget(TrunkRoute trunk, String dialled) {
        return trunks().stream().filter(t -> t.name().equals(trunk.name())).findFirst()
                .map(t -> t.dids().get(dialled));
    }

    @Override
    public String normalise(String number, String country) {
        return Numbers.e164(number, country).orElse(number);
    }

    @Override
    public Optional<Outbound> outbound(String dialled, String callerExtension) {
        List<Trunk> all = trunks();
        if (all.isEmpty()) {
            return Optional.empty();
        }
        Trunk trunk = all.getFirst();
        String country = location(callerExtension).flatMap(Numbers::country).orElse(trunk.country());
        Optional<String> e164 = Numbers.e164(dialled, country);
        if (e164.isEmpty()) {
            return Optional.empty();
        }
        String callerId = trunk.dids().entrySet().stream().filter(d -> d.getValue().equals(callerExtension))
                .map(java.util.Map.Entry::getKey).findFirst().orElse(callerExtension);
        return route(trunk).map(r -> new Outbound(e164.get(), r, callerId));
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
