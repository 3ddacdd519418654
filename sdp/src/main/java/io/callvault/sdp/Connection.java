package io.callvault.sdp;

/**
 * A connection line, {@code c=<nettype> <addrtype> <connection-address>} (RFC 8866 §5.7). Only the
 * Internet network type is supported; the address is kept as written (an IP literal, a host name, or a
 * multicast address with {@code /ttl}).
 */
public record Connection(String netType, String addressType, String address) {
    public static final String IN = "IN";
    public static final String IP4 = "IP4";
    public static final String IP6 = "IP6";
    /** The RFC 2543 hold address, still sent by some phones (RFC 3264 §8.4). */
    public static final String UNSPECIFIED_IP4 = "0.0.0.0";

    public Connection {
        if (!IN.equals(netType)) {
            throw new IllegalArgumentException("connection network type must be IN, not '" + netType + "'");
        }
        if (!IP4.equals(addressType) && !IP6.equals(addressType)) {
            throw new IllegalArgumentException("connection address type must be IP4 or IP6, not '" + addressType
                    + "'");
        }
        Tokens.field("connection address", address);
    }

    /** {@code IN IP6} when the address contains a ':', else {@code IN IP4}. */
    public static Connection of(String address) {
        return new Connection(IN, address != null && address.indexOf(':') >= 0 ? IP6 : IP4, address);
    }

    /** True for {@code 0.0.0.0}: the offerer does not want to receive (old-style hold, RFC 3264 §8.4). */
    public boolean isUnspecified() {
        return UNSPECIFIED_IP4.equals(address);
    }

    public Connection withAddress(String newAddress) {
        return of(newAddress);
    }

    /** The value after {@code c=}. */
    public String toValue() {
        return netType + " " + addressType + " " + address;
    }
}
