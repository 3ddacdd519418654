package io.callvault.sdp;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code a=} line (RFC 8866 §5.13). The attributes callvault relies on are typed and validated; every
 * other attribute is an {@link Other} kept verbatim. Section order is kept by the list holding them.
 */
public sealed interface Attribute {

    /** The attribute name, e.g. {@code rtpmap}. */
    String name();

    /** The text after the colon, or null for a property attribute such as {@code a=sendonly}. */
    String value();

    /** The value after {@code a=}. */
    default String toValue() {
        String v = value();
        return v == null ? name() : name() + ":" + v;
    }

    /** {@code a=sendrecv | sendonly | recvonly | inactive} (RFC 8866 §6.7). */
    record Direction(MediaDirection direction) implements Attribute {
        public Direction {
            Objects.requireNonNull(direction, "direction");
        }

        @Override
        public String name() {
            return direction.attributeName();
        }

        @Override
        public String value() {
            return null;
        }
    }

    /**
     * {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<channels>]} (RFC 8866 §6.6). The
     * encoding name is compared without regard to case (RFC 4855 §3).
     */
    record RtpMap(int payloadType, String encodingName, int clockRate, OptionalInt channels) implements Attribute {
        public RtpMap {
            PayloadTypes.check(payloadType);
            Tokens.field("rtpmap encoding name", encodingName);
            if (encodingName.indexOf('/') >= 0) {
                throw new IllegalArgumentException("rtpmap encoding name must not contain '/': " + encodingName);
            }
            if (clockRate <= 0) {
                throw new IllegalArgumentException("rtpmap clock rate must be positive, not " + clockRate);
            }
            Objects.requireNonNull(channels, "channels");
            if (channels.isPresent() && channels.getAsInt() <= 0) {
                throw new IllegalArgumentException("rtpmap channel count must be positive, not "
                        + channels.getAsInt());
            }
        }

        public RtpMap(int payloadType, String encodingName, int clockRate) {
            this(payloadType, encodingName, clockRate, OptionalInt.empty());
        }

        /** The channel count, 1 when the line does not say (RFC 8866 §6.6). */
        public int channelCount() {
            return channels.orElse(1);
        }

        /** Same encoding name (any case), clock rate and channel count. */
        public boolean sameEncoding(String name, int rate, int channelCount) {
            return encodingName.equalsIgnoreCase(name) && clockRate == rate && channelCount() == channelCount;
        }

        public RtpMap withPayloadType(int pt) {
            return new RtpMap(pt, encodingName, clockRate, channels);
        }

        @Override
        public String name() {
            return "rtpmap";
        }

        @Override
        public String value() {
            String v = payloadType + " " + encodingName + "/" + clockRate;
            return channels.isPresent() ? v + "/" + channels.getAsInt() : v;
        }
    }

    /** {@code a=fmtp:<payload type> <format specific parameters>} (RFC 8866 §6.15), parameters verbatim. */
    record Fmtp(int payloadType, String parameters) implements Attribute {
        public Fmtp {
            PayloadTypes.check(payloadType);
            Tokens.text("fmtp parameters", parameters);
        }

        @Override
        public String name() {
            return "fmtp";
        }

        @Override
        public String value() {
            return payloadType + " " + parameters;
        }
    }

    /** {@code a=ptime:<milliseconds>} (RFC 8866 §6.4), whole milliseconds only. */
    record Ptime(int millis) implements Attribute {
        public Ptime {
            if (millis <= 0) {
                throw new IllegalArgumentException("ptime must be a positive number of milliseconds, not " + millis);
            }
        }

        @Override
        public String name() {
            return "ptime";
        }

        @Override
        public String value() {
            return Integer.toString(millis);
        }
    }

    /**
     * {@code a=rtcp:<port> [<nettype> <addrtype> <address>]} (RFC 3605 §2.1): where the writer receives
     * RTCP when that is not the RTP port plus one, or not the connection address.
     */
    record Rtcp(int port, Optional<Connection> connection) implements Attribute {
        public Rtcp {
            Tokens.port("rtcp port", port);
            Objects.requireNonNull(connection, "connection");
        }

        public Rtcp withPort(int newPort) {
            return new Rtcp(newPort, connection);
        }

        @Override
        public String name() {
            return "rtcp";
        }

        @Override
        public String value() {
            return connection.map(c -> port + " " + c.toValue()).orElse(Integer.toString(port));
        }
    }

    /** Any other attribute, name and value as received. */
    record Other(String name, String value) implements Attribute {
        public Other {
            Tokens.field("attribute name", name);
            if (name.indexOf(':') >= 0) {
                throw new IllegalArgumentException("attribute name must not contain ':': " + name);
            }
            if (value != null) {
                Tokens.text("attribute value", value);
            }
        }

        public static Other property(String name) {
            return new Other(name, null);
        }
    }
}
