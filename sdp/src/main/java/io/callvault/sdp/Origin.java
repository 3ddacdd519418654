package io.callvault.sdp;

/**
 * The origin line, {@code o=<username> <sess-id> <sess-version> <nettype> <addrtype> <unicast-address>}
 * (RFC 8866 §5.2). The session id is kept as the digits received (phones use values beyond 63 bits); the
 * version is a number because RFC 3264 §8 requires each new offer or answer of a session to increase it.
 */
public record Origin(String username, String sessionId, long sessionVersion, String netType, String addressType,
        String address) {

    public Origin {
        Tokens.field("origin username", username);
        Tokens.field("origin session id", sessionId);
        if (sessionVersion < 0) {
            throw new IllegalArgumentException("origin session version must not be negative: " + sessionVersion);
        }
        new Connection(netType, addressType, address); // same rules as a connection line
    }

    /** An origin for a session we create, with the network and address types inferred from the address. */
    public static Origin of(String username, String sessionId, long sessionVersion, String address) {
        Connection c = Connection.of(address);
        return new Origin(username, sessionId, sessionVersion, c.netType(), c.addressType(), address);
    }

    /** The same origin with the version increased by one, as a changed re-offer must (RFC 3264 §8). */
    public Origin withNextVersion() {
        if (sessionVersion == Long.MAX_VALUE) {
            throw new IllegalStateException("origin session version cannot be increased past " + Long.MAX_VALUE);
        }
        return withVersion(sessionVersion + 1);
    }

    public Origin withVersion(long version) {
        return new Origin(username, sessionId, version, netType, addressType, address);
    }

    public Origin withAddress(String newAddress) {
        Connection c = Connection.of(newAddress);
        return new Origin(username, sessionId, sessionVersion, c.netType(), c.addressType(), newAddress);
    }

    /** The value after {@code o=}. */
    public String toValue() {
        return username + " " + sessionId + " " + sessionVersion + " " + netType + " " + addressType + " " + address;
    }
}
