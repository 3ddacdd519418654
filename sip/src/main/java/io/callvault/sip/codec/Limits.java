package io.callvault.sip.codec;

/**
 * Bounds on what the parser and the stream framer accept; every one is checked here, on entry, so a
 * parser never runs with a nonsensical bound. A message that exceeds one fails with a reason naming
 * the limit, never with an exception or an unbounded allocation.
 *
 * @param maxLineLength longest start line or header field in bytes, continuation lines included
 * @param maxHeaderCount most header fields (lines, before comma lists are split) in one message
 * @param maxBodySize largest body in bytes (a request over it is answered 413)
 * @param maxMessageSize largest whole message in bytes: a datagram, or one message on a stream
 */
public record Limits(int maxLineLength, int maxHeaderCount, int maxBodySize, int maxMessageSize) {

    /** Fits every UDP datagram (65,535 bytes); lines up to 8 KiB; 256 header fields. */
    public static final Limits DEFAULTS = new Limits(8_192, 256, 65_535, 65_535);

    public Limits {
        if (maxMessageSize < 64) {
            throw new IllegalArgumentException("maxMessageSize must be at least 64 bytes, got " + maxMessageSize);
        }
        if (maxLineLength < 32 || maxLineLength > maxMessageSize) {
            throw new IllegalArgumentException("maxLineLength must be between 32 and maxMessageSize ("
                    + maxMessageSize + "), got " + maxLineLength);
        }
        if (maxHeaderCount < 1) {
            throw new IllegalArgumentException("maxHeaderCount must be at least 1, got " + maxHeaderCount);
        }
        if (maxBodySize < 0 || maxBodySize > maxMessageSize) {
            throw new IllegalArgumentException("maxBodySize must be between 0 and maxMessageSize ("
                    + maxMessageSize + "), got " + maxBodySize);
        }
    }
}
