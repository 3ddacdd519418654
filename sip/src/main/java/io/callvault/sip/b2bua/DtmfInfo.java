package io.callvault.sip.b2bua;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The key carried by a SIP INFO request (RFC 2976) in the two bodies softphones use:
 * {@code application/dtmf-relay} ({@code Signal=5} and {@code Duration=160} lines) and
 * {@code application/dtmf} (the key alone). Anything else is not a key.
 */
final class DtmfInfo {
    private static final String KEYS = "0123456789*#ABCD";
    /** More than any real key press body needs; a longer body is not parsed. */
    private static final int MAX_BODY = 256;

    private DtmfInfo() {
    }

    static Optional<Character> key(SipRequest request) {
        if (!request.method().equals(Method.INFO) || request.body().isEmpty()) {
            return Optional.empty();
        }
        String type = request.contentType().orElse("").toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).strip();
        byte[] raw = request.body().toByteArray();
        if (raw.length > MAX_BODY) {
            return Optional.empty();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        return switch (type) {
            case "application/dtmf-relay" -> body.lines()
                    .map(String::strip)
                    .filter(l -> l.regionMatches(true, 0, "signal", 0, 6))
                    .map(l -> l.substring(l.indexOf('=') + 1).strip())
                    .findFirst()
                    .flatMap(DtmfInfo::single);
            case "application/dtmf" -> single(body.strip());
            default -> Optional.empty();
        };
    }

    private static Optional<Character> single(String value) {
        if (value.length() != 1) {
            return Optional.empty();
        }
        char c = Character.toUpperCase(value.charAt(0));
        return KEYS.indexOf(c) >= 0 ? Optional.of(c) : Optional.empty();
    }
}
