package io.callvault.sip.registrar;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Objects;

/**
 * One registered contact of an extension (RFC 3261 §10.3): where to send requests for it, and where the
 * REGISTER really came from — softphones behind NAT put unreachable addresses in Contact, so requests
 * go to {@code source} over {@code transport} (the connection-reuse rule of RFC 5626 in its simple form).
 *
 * @param callId and {@code cseq} order refreshes from one phone (§10.3 step 7)
 */
public record Binding(String aor, String contactUri, InetSocketAddress source, String transport, Instant expires,
                      String callId, long cseq, double q) {
    public Binding {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(contactUri, "contactUri");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(callId, "callId");
        if (q < 0 || q > 1) {
            throw new IllegalArgumentException("q must be between 0 and 1, not " + q);
        }
    }

    public boolean expiredAt(Instant now) {
        return !expires.isAfter(now);
    }
}
