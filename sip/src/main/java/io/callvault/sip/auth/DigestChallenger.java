package io.callvault.sip.auth;

import static io.callvault.sip.message.SipGrammar.shown;

import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.Uri;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server side of SIP digest authentication (RFC 3261 §22.1-22.4, RFC 8760, RFC 7616): challenges
 * with HMAC-signed nonces that carry their issue time (verified without server state, see
 * {@link NonceCodec}), verification of credentials against a {@link CredentialStore} for one realm,
 * {@code stale=true} for a right answer to an expired nonce, and nonce-count replay protection
 * ({@link NonceTracker}). Time comes from the injected clock. Thread-safe.
 */
public final class DigestChallenger {

    /**
     * @param realm the protection realm shown to users (RFC 3261 §22.1), e.g. the service's domain
     * @param nonceLifetime how long a nonce is accepted; past it a right answer gets {@code stale=true}
     * @param algorithms offered in this order of preference, one challenge each (RFC 8760 §2.4)
     * @param maxTrackedNonces nonces whose counts are remembered for replay protection
     * @param acceptLegacyNoQop whether to accept RFC 2069 answers without qop, which have no
     *     nonce-count and so no replay protection within the nonce lifetime
     */
    public record Config(String realm, Duration nonceLifetime, List<DigestAlgorithm> algorithms,
            int maxTrackedNonces, boolean acceptLegacyNoQop) {
        public Config {
            Objects.requireNonNull(realm, "realm");
            if (realm.isBlank() || realm.indexOf('"') >= 0 || realm.indexOf('\\') >= 0) {
                throw new IllegalArgumentException("realm must be non-blank text without '\"' or '\\': '"
                        + realm + "'");
            }
            if (nonceLifetime.compareTo(Duration.ofSeconds(10)) < 0
                    || nonceLifetime.compareTo(Duration.ofHours(24)) > 0) {
                throw new IllegalArgumentException("nonceLifetime must be between 10 s and 24 h, got "
                        + nonceLifetime);
            }
            algorithms = List.copyOf(algorithms);
            if (algorithms.isEmpty() || algorithms.stream().distinct().count() != algorithms.size()) {
                throw new IllegalArgumentException("algorithms must be a non-empty list without repeats: "
                        + algorithms);
            }
            if (maxTrackedNonces < 16) {
                throw new IllegalArgumentException("maxTrackedNonces must be at least 16, got " + maxTrackedNonces);
            }
        }

        /** SHA-256 then MD5, nonces valid 5 minutes, 10,000 tracked, qop required. */
        public static Config defaults(String realm) {
            return new Config(realm, Duration.ofMinutes(5), List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                    10_000, false);
        }
    }

    /** The outcome of a verification. Anything but {@link Authenticated} is answered with a new challenge. */
    public sealed interface Verdict {
        record Authenticated(String username) implements Verdict {
        }

        /** The answer was right but the nonce is too old or forgotten: challenge again with stale=true. */
        record Stale() implements Verdict {
        }

        /** Why the credentials were refused, for logs; do not show it to the client (it names users). */
        record Rejected(String reason) implements Verdict {
        }
    }

    private final Config config;
    private final InstantSource clock;
    private final NonceCodec nonces;
    private final NonceTracker tracker;

    /** {@code secret} signs nonces: at least 32 random bytes, the same on every node behind one address. */
    public DigestChallenger(Config config, byte[] secret, InstantSource clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (Objects.requireNonNull(secret, "secret").length < 32) {
            throw new IllegalArgumentException("the nonce secret must be at least 32 bytes, got " + secret.length);
        }
        this.nonces = new NonceCodec(secret, config.realm());
        this.tracker = new NonceTracker(config.maxTrackedNonces());
    }

    /** Fresh challenges, one per configured algorithm in preference order, sharing one new nonce. */
    public List<DigestChallenge> challenges(boolean stale) {
        String nonce = nonces.mint(clock.millis());
        return config.algorithms().stream().map(a -> new DigestChallenge(config.realm(), nonce, Optional.empty(),
                Optional.of(a.token()), List.of("auth"), stale)).toList();
    }

    /**
     * A 401 with WWW-Authenticate fields, or with {@code proxy} a 407 with Proxy-Authenticate (RFC 3261
     * §22.1, §22.3), built with {@link SipResponse#to(SipRequest, int, String, String)}.
     */
    public SipResponse challenge(SipRequest request, boolean proxy, boolean stale, String toTag) {
        int status = proxy ? 407 : 401;
        SipResponse response = SipResponse.to(request, status, SipResponse.defaultReason(status), toTag);
        for (DigestChallenge c : challenges(stale)) {
            response = response.withHeader(proxy ? "Proxy-Authenticate" : "WWW-Authenticate", c.toString());
        }
        return response;
    }

    /** Verifies the request's Authorization (or, with {@code proxy}, Proxy-Authorization) for this realm. */
    public Verdict verify(SipRequest request, boolean proxy, CredentialStore store) {
        String field = proxy ? "Proxy-Authorization" : "Authorization";
        String unreadable = "";
        for (String value : request.headers().all(field)) {
            try {
                AuthField auth = AuthField.parse(value);
                if (auth.isScheme("Digest") && auth.param("realm").filter(config.realm()::equals).isPresent()) {
                    return verify(DigestCredentials.from(auth), request.method().name(),
                            request.requestUri().toString(), store);
                }
            } catch (SipParseException e) {
                unreadable = " (one was unreadable: " + e.getMessage() + ")";
            }
        }
        return new Verdict.Rejected("no Digest " + field + " for realm " + config.realm() + unreadable);
    }

    /** Verifies credentials sent with a request of this method and Request-URI. */
    public Verdict verify(DigestCredentials c, String method, String requestUri, CredentialStore store) {
        if (!c.realm().equals(config.realm())) {
            return new Verdict.Rejected("credentials are for realm '" + shown(c.realm()) + "', not " + config.realm());
        }
        Optional<DigestAlgorithm> algorithm = DigestAlgorithm.fromToken(c.algorithm())
                .filter(config.algorithms()::contains);
        if (algorithm.isEmpty()) {
            return new Verdict.Rejected("algorithm " + shown(c.algorithm().orElse("MD5 (default)"))
                    + " is not offered");
        }
        boolean legacy = c.qop().isEmpty();
        if (legacy && !config.acceptLegacyNoQop()) {
            return new Verdict.Rejected("credentials without qop are not accepted (qop=auth is required)");
        }
        long count = 0;
        if (!legacy) {
            if (!c.qop().get().equalsIgnoreCase("auth") || c.cnonce().isEmpty() || c.nc().isEmpty()) {
                return new Verdict.Rejected("qop must be auth with cnonce and nc, got qop=" + shown(c.qop().get()));
            }
            count = nonceCount(c.nc().get());
            if (count <= 0) {
                return new Verdict.Rejected("nc must be 8 hex digits above zero, got '" + shown(c.nc().get())
                        + "'");
            }
        }
        if (!sameUri(c.uri(), requestUri)) {
            return new Verdict.Rejected("digest uri '" + shown(c.uri()) + "' is not the Request-URI '"
                    + shown(requestUri) + "'");
        }
        OptionalLong issuedAt = nonces.issuedAt(c.nonce());
        if (issuedAt.isEmpty()) {
            return new Verdict.Rejected("the nonce was not issued by this server for realm " + config.realm());
        }
        Optional<String> ha1 = store.lookup(c.username(), c.realm())
                .flatMap(s -> s.ha1(algorithm.get(), c.username(), c.realm()));
        if (ha1.isEmpty()) {
            return new Verdict.Rejected("no " + algorithm.get().token() + " secret for user '"
                    + shown(c.username()) + "'");
        }
        String ha2 = DigestMath.ha2(algorithm.get(), method, c.uri());
        String expected = legacy ? DigestMath.legacyResponse(algorithm.get(), ha1.get(), c.nonce(), ha2)
                : DigestMath.response(algorithm.get(), ha1.get(), c.nonce(), c.nc().get(), c.cnonce().get(),
                        c.qop().get(), ha2);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                c.response().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict.Rejected("wrong digest response for user '" + shown(c.username()) + "'");
        }
        long now = clock.millis();
        long lifetime = config.nonceLifetime().toMillis();
        if (issuedAt.getAsLong() > now + 5_000) {
            return new Verdict.Rejected("the nonce claims to be issued in the future");
        }
        if (now - issuedAt.getAsLong() > lifetime) {
            return new Verdict.Stale();
        }
        if (!legacy) {
            switch (tracker.use(c.nonce(), issuedAt.getAsLong(), count, now - lifetime)) {
                case REPLAYED -> {
                    return new Verdict.Rejected("nonce count " + shown(c.nc().get()) + " was already used (replay)");
                }
                case FORGOTTEN -> {
                    return new Verdict.Stale();
                }
                case ACCEPTED -> {
                }
            }
        }
        return new Verdict.Authenticated(c.username());
    }

    private static long nonceCount(String nc) {
        if (nc.length() != 8 || !nc.chars().allMatch(HexFormat::isHexDigit)) {
            return -1;
        }
        return Long.parseLong(nc, 16);
    }

    private static boolean sameUri(String digestUri, String requestUri) {
        if (digestUri.equals(requestUri)) {
            return true;
        }
        try {
            return Uri.parse(digestUri).equals(Uri.parse(requestUri));
        } catch (SipParseException e) {
            return false;
        }
    }
}
