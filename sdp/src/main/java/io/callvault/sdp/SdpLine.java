package io.callvault.sdp;

import java.util.Objects;

/**
 * A line the model keeps verbatim: {@code <type>=<value>} exactly as received (RFC 8866 §5), for types it
 * does not interpret ({@code i u e p b z k}, and letters it does not know).
 */
public record SdpLine(char type, String value) {
    public SdpLine {
        if (type < 'a' || type > 'z') {
            throw new IllegalArgumentException("SDP line type must be a lower-case letter, not '" + type + "'");
        }
        Objects.requireNonNull(value, "value");
        if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("SDP line value must not contain CR or LF: " + type + "=" + value);
        }
    }

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
