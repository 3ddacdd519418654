package io.callvault.sip.codec;

import io.callvault.sip.message.Header;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes messages in the exact wire form (RFC 3261 §7): start line, one {@code Name: value} line per
 * header entry with canonical names (compact forms expanded), {@code Content-Length} set to the body
 * length (always, on every transport), an empty line, the body. Everything is CRLF-terminated and UTF-8.
 * For any message {@code m} the parser accepts, parsing {@code serialize(m)} gives a message equal to
 * {@code m}. Stateless and thread-safe.
 */
public final class SipSerializer {
    private SipSerializer() {
    }

    public static byte[] serialize(SipMessage message) {
        byte[] head = head(message).getBytes(StandardCharsets.UTF_8);
        byte[] body = message.body().toByteArray();
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** Appends the message to {@code out}; the caller keeps ownership of the buffer. */
    public static void writeTo(SipMessage message, ByteBuf out) {
        out.writeCharSequence(head(message), StandardCharsets.UTF_8);
        out.writeBytes(message.body().asReadOnlyBuffer());
    }

    private static String head(SipMessage message) {
        StringBuilder out = new StringBuilder(512);
        switch (message) {
            case SipRequest r -> out.append(r.method()).append(' ').append(r.requestUri()).append(" SIP/2.0\r\n");
            case SipResponse r -> out.append("SIP/2.0 ").append(r.status()).append(' ').append(r.reason())
                    .append("\r\n");
        }
        for (Header h : message.headers()) {
            out.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        return out.append("Content-Length: ").append(message.body().length()).append("\r\n\r\n").toString();
    }
}
