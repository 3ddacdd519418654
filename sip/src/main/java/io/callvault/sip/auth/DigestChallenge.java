package io.callvault.sip.auth;

import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.AuthField.AuthParam;
import io.callvault.sip.message.SipParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Digest challenge: the value of WWW-Authenticate or Proxy-Authenticate (RFC 3261 §22.1, §25.1
 * digest-cln; RFC 8760 §2.3). {@code algorithm} is the token as sent (absent means MD5); {@code qop}
 * lists the offered qop values (empty for the RFC 2069 form).
 */
public record DigestChallenge(String realm, String nonce, Optional<String> opaque, Optional<String> algorithm,
        List<String> qop, boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(opaque, "opaque");
        Objects.requireNonNull(algorithm, "algorithm");
        qop = List.copyOf(qop);
    }

    /** Reads a Digest challenge; throws {@link SipParseException} for another scheme or without realm/nonce. */
    public static DigestChallenge from(AuthField field) {
        if (!field.isScheme("Digest")) {
            throw new SipParseException("not a Digest challenge: scheme " + field.scheme());
        }
        String realm = field.param("realm").orElseThrow(() -> new SipParseException("Digest challenge without realm"));
        String nonce = field.param("nonce").orElseThrow(() -> new SipParseException("Digest challenge without nonce"));
        List<String> qop = field.param("qop").map(q -> Arrays.stream(q.split(",")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList()).orElse(List.of());
        boolean stale = field.param("stale").map(s -> s.equalsIgnoreCase("true")).orElse(false);
        return new DigestChallenge(realm, nonce, field.param("opaque"), field.param("algorithm"), qop, stale);
    }

    /** The algorithm if callvault supports it. */
    public Optional<DigestAlgorithm> supportedAlgorithm() {
        return DigestAlgorithm.fromToken(algorithm);
    }

    public AuthField toAuthField() {
        List<AuthParam> params = new ArrayList<>();
        params.add(AuthParam.quoted("realm", realm));
        params.add(AuthParam.quoted("nonce", nonce));
        opaque.ifPresent(o -> params.add(AuthParam.quoted("opaque", o)));
        algorithm.ifPresent(a -> params.add(AuthParam.token("algorithm", a)));
        if (!qop.isEmpty()) {
            params.add(AuthParam.quoted("qop", String.join(",", qop)));
        }
        if (stale) {
            params.add(AuthParam.token("stale", "true"));
        }
        return new AuthField("Digest", params);
    }

    @Override
    public String toString() {
        return toAuthField().toString();
    }
}
