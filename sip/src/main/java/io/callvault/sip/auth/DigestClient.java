package io.callvault.sip.auth;

import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.Uri;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The client side of SIP digest authentication (RFC 3261 §22.2, §22.3; RFC 8760 §2.4): answers a 401 or
 * 407 from an upstream trunk or PBX with the credentials of one account. Takes the topmost challenge
 * with a supported algorithm (RFC 8760: "the UAC SHOULD use the topmost header field that it
 * supports"), uses qop=auth when offered and the RFC 2069 form when no qop is offered, and counts nc
 * per nonce so a reused nonce gets a rising count. The transaction layer still sends the new request
 * with a new branch and a higher CSeq (§22.2). Thread-safe.
 */
public final class DigestClient {
    private static final int REMEMBERED_NONCES = 64;

    private final String username;
    private final String password;
    private final Supplier<String> cnonces;
    private final Map<String, Long> counts = new LinkedHashMap<>(16, 0.75f, true);

    /** An account; cnonces are 16 random bytes in hex. */
    public DigestClient(String username, String password) {
        this(username, password, randomCnonces());
    }

    /** With fixed cnonces, for known-answer tests. */
    DigestClient(String username, String password, Supplier<String> cnonces) {
        this.username = Objects.requireNonNull(username, "username");
        this.password = Objects.requireNonNull(password, "password");
        this.cnonces = Objects.requireNonNull(cnonces, "cnonces");
    }

    private static Supplier<String> randomCnonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }

    /**
     * The Authorization (for a 401) or Proxy-Authorization (for a 407) field answering {@code challenge}
     * for a request with this method and Request-URI. Throws {@link DigestException} naming what was
     * offered when no challenge can be answered.
     */
    public Header authorize(SipResponse challenge, Method method, Uri requestUri) {
        String offered;
        String answer;
        if (challenge.status() == 401) {
            offered = "WWW-Authenticate";
            answer = "Authorization";
        } else if (challenge.status() == 407) {
            offered = "Proxy-Authenticate";
            answer = "Proxy-Authorization";
        } else {
            throw new DigestException("only 401 and 407 carry challenges; got " + challenge.status());
        }
        List<String> seen = new ArrayList<>();
        for (String value : challenge.headers().all(offered)) {
            try {
                AuthField field = AuthField.parse(value);
                if (!field.isScheme("Digest")) {
                    seen.add(field.scheme());
                    continue;
                }
                DigestChallenge c = DigestChallenge.from(field);
                if (usable(c)) {
                    return new Header(answer, answer(c, method.name(), requestUri.toString()).toString());
                }
                seen.add("Digest algorithm=" + c.algorithm().orElse("MD5") + " qop=" + c.qop());
            } catch (SipParseException e) {
                seen.add("unreadable (" + e.getMessage() + ")");
            }
        }
        throw new DigestException("no " + offered + " challenge callvault can answer (it supports Digest with"
                + " SHA-256 or MD5, qop=auth or none); offered: " + (seen.isEmpty() ? "nothing" : seen));
    }

    private static boolean usable(DigestChallenge c) {
        return c.supportedAlgorithm().isPresent() && (c.qop().isEmpty() || c.qop().contains("auth"));
    }

    /** The credentials answering one challenge; {@code digestUri} is the Request-URI as sent. */
    public AuthField answer(DigestChallenge c, String method, String digestUri) {
        DigestAlgorithm algorithm = c.supportedAlgorithm().orElseThrow(() -> new DigestException(
                "algorithm " + c.algorithm().orElse("MD5") + " is not supported (SHA-256, MD5 are)"));
        String ha1 = DigestMath.ha1(algorithm, username, c.realm(), password);
        String ha2 = DigestMath.ha2(algorithm, method, digestUri);
        if (c.qop().isEmpty()) {
            String response = DigestMath.legacyResponse(algorithm, ha1, c.nonce(), ha2);
            return new DigestCredentials(username, c.realm(), c.nonce(), digestUri, response, c.algorithm(),
                    Optional.empty(), Optional.empty(), Optional.empty(), c.opaque()).toAuthField();
        }
        if (!c.qop().contains("auth")) {
            throw new DigestException("qop " + c.qop() + " offered; only auth is supported");
        }
        String nc = String.format("%08x", nextCount(c.nonce()));
        String cnonce = cnonces.get();
        String response = DigestMath.response(algorithm, ha1, c.nonce(), nc, cnonce, "auth", ha2);
        return new DigestCredentials(username, c.realm(), c.nonce(), digestUri, response, c.algorithm(),
                Optional.of("auth"), Optional.of(nc), Optional.of(cnonce), c.opaque()).toAuthField();
    }

    private synchronized long nextCount(String nonce) {
        long next = counts.merge(nonce, 1L, Long::sum);
        if (counts.size() > REMEMBERED_NONCES) {
            counts.remove(counts.keySet().iterator().next());
        }
        return next;
    }

    @Override
    public String toString() {
        return "DigestClient[" + username + ", password redacted]";
    }
}
