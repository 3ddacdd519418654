package io.callvault.sip.auth;

import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.AuthField.AuthParam;
import io.callvault.sip.message.SipParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Digest credentials: the value of Authorization or Proxy-Authorization (RFC 3261 §22.2, §25.1
 * digest-response). With qop, {@code nc} (8 hex digits) and {@code cnonce} are present; without, both
 * are empty (RFC 2069 form).
 */
public record DigestCredentials(String username, String realm, String nonce, String uri, String response,
        Optional<String> algorithm, Optional<String> qop, Optional<String> nc, Optional<String> cnonce,
        Optional<String> opaque) {

    public DigestCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(qop, "qop");
        Objects.requireNonNull(nc, "nc");
        Objects.requireNonNull(cnonce, "cnonce");
        Objects.requireNonNull(opaque, "opaque");
    }

    /** Reads Digest credentials; throws {@link SipParseException} for another scheme or a missing field. */
    public static DigestCredentials from(AuthField field) {
        if (!field.isScheme("Digest")) {
            throw new SipParseException("not Digest credentials: scheme " + field.scheme());
        }
        return new DigestCredentials(required(field, "username"), required(field, "realm"), required(field, "nonce"),
                required(field, "uri"), required(field, "response"), field.param("algorithm"), field.param("qop"),
                field.param("nc"), field.param("cnonce"), field.param("opaque"));
    }

    private static String required(AuthField field, String name) {
        return field.param(name).orElseThrow(() -> new SipParseException("Digest credentials without " + name));
    }

    /** The header value, quoting as RFC 7616 §3.4 does (qop, nc and algorithm bare). */
    public AuthField toAuthField() {
        List<AuthParam> params = new ArrayList<>();
        params.add(AuthParam.quoted("username", username));
        params.add(AuthParam.quoted("realm", realm));
        params.add(AuthParam.quoted("nonce", nonce));
        params.add(AuthParam.quoted("uri", uri));
        params.add(AuthParam.quoted("response", response));
        algorithm.ifPresent(a -> params.add(AuthParam.token("algorithm", a)));
        cnonce.ifPresent(c -> params.add(AuthParam.quoted("cnonce", c)));
        opaque.ifPresent(o -> params.add(AuthParam.quoted("opaque", o)));
        qop.ifPresent(q -> params.add(AuthParam.token("qop", q)));
        nc.ifPresent(n -> params.add(AuthParam.token("nc", n)));
        return new AuthField("Digest", params);
    }

    @Override
    public String toString() {
        return toAuthField().toString();
    }
}
