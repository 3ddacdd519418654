package io.callvault.sip.message;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * A message body: opaque bytes (RFC 3261 §7.4), framed by Content-Length and never by lines, so binary
 * bodies (RFC 4475 mpart01) pass unchanged. Immutable: bytes are copied in and out.
 */
public final class Body {
    public static final Body EMPTY = new Body(new byte[0]);

    private final byte[] bytes;

    private Body(byte[] bytes) {
        this.bytes = bytes;
    }

    public static Body of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return bytes.length == 0 ? EMPTY : new Body(bytes.clone());
    }

    public static Body of(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        return length == 0 ? EMPTY : new Body(Arrays.copyOfRange(bytes, offset, offset + length));
    }

    public static Body ofUtf8(String text) {
        return of(text.getBytes(StandardCharsets.UTF_8));
    }

    public int length() {
        return bytes.length;
    }

    public boolean isEmpty() {
        return bytes.length == 0;
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    /** A read-only view; the caller may move its position freely. */
    public ByteBuffer asReadOnlyBuffer() {
        return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
    }

    /** The body decoded as UTF-8 (malformed bytes become U+FFFD); for text bodies such as SDP. */
    public String toUtf8String() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Body other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Body[" + bytes.length + " bytes]";
    }
}
