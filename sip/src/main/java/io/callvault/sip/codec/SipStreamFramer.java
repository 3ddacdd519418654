package io.callvault.sip.codec;

import io.callvault.sip.message.ContentLength;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Frames SIP messages on one stream connection (TCP or TLS, RFC 3261 §18.3): accumulates bytes as they
 * arrive, split anywhere, and emits whole messages by their Content-Length, which is required. CRLFs
 * between messages are skipped; a CRLFCRLF there is a keep-alive ping (RFC 5626). Every limit of the
 * parser applies while bytes are still arriving, so no peer can make it hold more than
 * {@link Limits#maxMessageSize()} + 4 bytes. After a {@link StreamEvent.FramingError} it is broken: the
 * connection should be closed.
 *
 * <p>One instance per connection; not thread-safe (use it from the connection's event loop). It copies
 * what it needs and never keeps or releases the caller's buffers.
 */
public final class SipStreamFramer {
    private static final byte[] NOTHING = new byte[0];

    private final SipParser parser;
    private final Limits limits;
    /** Bytes of the current message (and any that follow it) start at index 0. */
    private byte[] buf = new byte[2048];
    private int len;
    /** How far the search for the end of the head has got, and where its current line started. */
    private int scanned;
    private int lineStart;
    /** Where the current message ends once its head has been read; -1 while reading the head. */
    private int messageEnd = -1;
    private boolean broken;

    public SipStreamFramer(SipParser parser) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.limits = parser.limits();
    }

    /** Consumes every readable byte of {@code in} and returns the events they complete, in order. */
    public List<StreamEvent> feed(ByteBuf in) {
        List<StreamEvent> out = new ArrayList<>(1);
        while (in.isReadable()) {
            if (broken) {
                in.skipBytes(in.readableBytes());
                break;
            }
            int n = take(in.readableBytes());
            in.readBytes(buf, len, n);
            len += n;
            drain(out);
        }
        return out;
    }

    /** Consumes the remaining bytes of {@code in} and returns the events they complete, in order. */
    public List<StreamEvent> feed(ByteBuffer in) {
        List<StreamEvent> out = new ArrayList<>(1);
        while (in.hasRemaining()) {
            if (broken) {
                in.position(in.limit());
                break;
            }
            int n = take(in.remaining());
            in.get(buf, len, n);
            len += n;
            drain(out);
        }
        return out;
    }

    public boolean isBroken() {
        return broken;
    }

    /** Bytes held for a message not yet complete. */
    public int bufferedBytes() {
        return len;
    }

    /** How many of {@code available} bytes to append now: never more than one message's worth. */
    private int take(int available) {
        int room = limits.maxMessageSize() + 4 - len;
        int n = Math.min(available, Math.max(room, 1));
        if (buf.length < len + n) {
            buf = Arrays.copyOf(buf, Math.max(len + n, Math.min(buf.length * 2, limits.maxMessageSize() + 4)));
        }
        return n;
    }

    private void drain(List<StreamEvent> out) {
        while (!broken) {
            if (messageEnd < 0) {
                if (scanned == 0 && skipKeepAlives(out)) {
                    return;
                }
                int headEnd = scanHead(out);
                if (headEnd < 0) {
                    return;
                }
                if (!frame(headEnd, out)) {
                    return;
                }
            }
            if (len < messageEnd) {
                return;
            }
            out.add(new StreamEvent.Message(parser.parseStreamMessage(buf, 0, messageEnd)));
            consume(messageEnd);
            messageEnd = -1;
        }
    }

    /** Handles CRLFs before a message; true when more bytes are needed to decide. */
    private boolean skipKeepAlives(List<StreamEvent> out) {
        while (len > 0 && buf[0] == '\r') {
            if (len < 2) {
                return true;
            }
            if (buf[1] != '\n') {
                return false;
            }
            if (len < 3 || (len == 3 && buf[2] == '\r')) {
                return true;
            }
            if (buf[2] == '\r' && buf[3] == '\n') {
                out.add(new StreamEvent.KeepAlivePing());
                consume(4);
            } else {
                consume(2);
            }
        }
        return len == 0;
    }

    /** Looks for the CRLFCRLF ending the head, enforcing line and message limits; -1 if not there yet. */
    private int scanHead(List<StreamEvent> out) {
        for (int i = scanned; i < len; i++) {
            if (buf[i] == '\n' && i > 0 && buf[i - 1] == '\r') {
                if (i >= 3 && buf[i - 2] == '\n' && buf[i - 3] == '\r') {
                    scanned = i + 1;
                    return i + 1;
                }
                lineStart = i + 1;
            } else if (i - lineStart > limits.maxLineLength()) {
                fail(out, new Reject(lineStart + limits.maxLineLength(), "a line is longer than "
                        + limits.maxLineLength() + " bytes (Limits.maxLineLength)"));
                return -1;
            }
        }
        scanned = len;
        if (len > limits.maxMessageSize()) {
            fail(out, new Reject(limits.maxMessageSize(), "the header section exceeds "
                    + limits.maxMessageSize() + " bytes (Limits.maxMessageSize)", 513));
        }
        return -1;
    }

    /** Reads the complete head to find the message's end; false if the stream cannot be framed. */
    private boolean frame(int headEnd, List<StreamEvent> out) {
        try {
            HeadReader.Head head = HeadReader.read(buf, 0, headEnd, limits);
            ContentLength length = SipParser.contentLength(head);
            if (length == null) {
                throw new Reject(headEnd, "Content-Length is missing; it is required on stream transports"
                        + " (RFC 3261 §18.3)");
            }
            if (length.bytes() > limits.maxBodySize() || (long) headEnd + length.bytes() > limits.maxMessageSize()) {
                throw new Reject(headEnd, "Content-Length " + length.bytes() + " exceeds the limits"
                        + " (Limits.maxBodySize " + limits.maxBodySize() + ", Limits.maxMessageSize "
                        + limits.maxMessageSize() + ")", 413);
            }
            messageEnd = headEnd + length.bytes();
            return true;
        } catch (Reject r) {
            fail(out, r);
            return false;
        }
    }

    private void fail(List<StreamEvent> out, Reject r) {
        Optional<PartialMessage> partial = Salvage.scan(buf, 0, len, limits, r.status);
        out.add(new StreamEvent.FramingError(new ParseResult.Failed(r.offset, r.getMessage(), partial)));
        broken = true;
        buf = NOTHING;
        len = 0;
    }

    private void consume(int n) {
        System.arraycopy(buf, n, buf, 0, len - n);
        len -= n;
        scanned = 0;
        lineStart = 0;
    }
}
