package io.callvault.sip.codec;

import java.util.Objects;

/** What a {@link SipStreamFramer} found in the bytes of a stream connection, in order. */
public sealed interface StreamEvent {

    /**
     * One message was framed by its Content-Length. Its result may still be {@link ParseResult.Failed}
     * (a bad header, say): the stream is in step, so answer from the partial message and keep reading.
     */
    record Message(ParseResult result) implements StreamEvent {
        public Message {
            Objects.requireNonNull(result, "result");
        }
    }

    /** A CRLFCRLF keep-alive ping between messages (RFC 5626 §3.5.1, §4.4.1): write back one CRLF (pong). */
    record KeepAlivePing() implements StreamEvent {
    }

    /**
     * The stream cannot be framed any more (no or bad Content-Length, a limit exceeded, an unreadable
     * head): close the connection (RFC 3261 §18.3; RFC 4475 §3.1.2.3, §3.3.9). The framer is broken
     * from now on and ignores further bytes.
     */
    record FramingError(ParseResult.Failed failure) implements StreamEvent {
        public FramingError {
            Objects.requireNonNull(failure, "failure");
        }
    }
}
