package io.callvault.sip.codec;

import io.callvault.sip.message.Body;
import io.callvault.sip.message.ContentLength;
import io.callvault.sip.message.HeaderNames;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses SIP messages from bytes (RFC 3261 §7, §18.3) into {@link ParseResult}s; bad input is a
 * {@link ParseResult.Failed} value, never an exception. Stateless and thread-safe; share one instance.
 *
 * <p>Framing: leading CRLFs are skipped (§7.5). Lines end in CRLF; continuation lines are unfolded.
 * With Content-Length, the body is exactly that many bytes, binary or not; fewer bytes fail, and bytes
 * after it in a datagram are ignored (§18.3; RFC 4475 §3.1.1.8). Without Content-Length a datagram's
 * body is the rest of it; on a stream (see {@link SipStreamFramer}) Content-Length is required. Two
 * Content-Length fields, or a negative or overlarge one, fail (RFC 4475 §3.1.2.3, §3.3.9).
 *
 * <p>A {@link ParseResult.Parsed} message has passed the start-line checks of {@code StartLine} and the
 * header checks of {@code CoreHeaders}: its Via, From, To, Call-ID, CSeq views (and Max-Forwards,
 * Contact, Route, Record-Route when present) do not throw. Everything else (Request-URI scheme,
 * Require, Content-Type, Authorization, Date...) is the application's decision.
 */
public final class SipParser {
    private static final Logger LOG = LoggerFactory.getLogger(SipParser.class);

    private final Limits limits;

    public SipParser(Limits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public Limits limits() {
        return limits;
    }

    /** Parses one UDP datagram. The array is not kept. */
    public ParseResult parseDatagram(byte[] datagram) {
        return parseDatagram(datagram, 0, datagram.length);
    }

    /** Parses the datagram in {@code buf[offset, offset + length)}; offsets in a failure count from {@code offset}. */
    public ParseResult parseDatagram(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        return parse(buf, offset, offset + length, false);
    }

    /** Parses the bytes between the buffer's position and limit; the position is not moved. */
    public ParseResult parseDatagram(ByteBuffer datagram) {
        ByteBuffer view = datagram.duplicate();
        if (view.remaining() > limits.maxMessageSize()) {
            return tooLarge(view.remaining());
        }
        if (view.hasArray()) {
            return parse(view.array(), view.arrayOffset() + view.position(), view.arrayOffset() + view.limit(),
                    false);
        }
        byte[] copy = new byte[view.remaining()];
        view.get(copy);
        return parse(copy, 0, copy.length, false);
    }

    /** Parses the readable bytes of a datagram's buffer; the reader index is not moved, the buffer not released. */
    public ParseResult parseDatagram(ByteBuf datagram) {
        int length = datagram.readableBytes();
        if (length > limits.maxMessageSize()) {
            return tooLarge(length);
        }
        if (datagram.hasArray()) {
            int from = datagram.arrayOffset() + datagram.readerIndex();
            return parse(datagram.array(), from, from + length, false);
        }
        byte[] copy = new byte[length];
        datagram.getBytes(datagram.readerIndex(), copy);
        return parse(copy, 0, length, false);
    }

    /** Parses exactly one message framed by {@link SipStreamFramer}: Content-Length required. */
    ParseResult parseStreamMessage(byte[] buf, int from, int to) {
        return parse(buf, from, to, true);
    }

    private ParseResult tooLarge(int size) {
        return new ParseResult.Failed(limits.maxMessageSize(), "message of " + size + " bytes exceeds "
                + limits.maxMessageSize() + " bytes (Limits.maxMessageSize)", Optional.empty());
    }

    private ParseResult parse(byte[] buf, int from, int to, boolean stream) {
        try {
            return new ParseResult.Parsed(read(buf, from, to, stream));
        } catch (Reject r) {
            Optional<PartialMessage> partial = Salvage.scan(buf, from, to, limits, r.status);
            return new ParseResult.Failed(r.offset - from, r.getMessage(), partial);
        } catch (RuntimeException defect) {
            LOG.error("SIP parser defect on a {}-byte message; reported as a parse failure", to - from, defect);
            return new ParseResult.Failed(0, "parser defect (please report): " + defect, Optional.empty());
        }
    }

    private SipMessage read(byte[] buf, int from, int to, boolean stream) throws Reject {
        if (to - from > limits.maxMessageSize()) {
            throw new Reject(from + limits.maxMessageSize(), "message of " + (to - from) + " bytes exceeds "
                    + limits.maxMessageSize() + " bytes (Limits.maxMessageSize)", 513);
        }
        int start = from;
        while (start + 1 < to && buf[start] == '\r' && buf[start + 1] == '\n') {
            start += 2;
        }
        if (to - start < 2) {
            throw new Reject(to, to == from ? "no message: the input is empty"
                    : "no message: only CRLF (keep-alive) bytes");
        }
        StartLine line = StartLine.parse(HeadReader.startLine(buf, start, to, limits), start);
        HeadReader.Head head = HeadReader.read(buf, start, to, limits);
        int bodyLength = bodyLength(head, to, stream);
        Headers headers = CoreHeaders.check(line, head.fields(), head.bodyOffset() - 2);
        Body body = Body.of(buf, head.bodyOffset(), bodyLength);
        if (line instanceof StartLine.RequestLine request) {
            return new SipRequest(request.method(), request.uri(), headers, body);
        }
        StartLine.StatusLine status = (StartLine.StatusLine) line;
        return new SipResponse(status.status(), status.reason(), headers, body);
    }

    /** The one Content-Length of the head, or null when there is none; two or a bad value fail. */
    static ContentLength contentLength(HeadReader.Head head) throws Reject {
        ContentLength length = null;
        for (HeadReader.Field f : head.fields()) {
            if (!HeaderNames.key(f.name()).equals("content-length")) {
                continue;
            }
            if (length != null) {
                throw new Reject(f.offset(), "Content-Length appears more than once, so the body cannot be"
                        + " framed (RFC 4475 §3.3.9)");
            }
            try {
                length = ContentLength.parse(f.value());
            } catch (SipParseException e) {
                throw new Reject(f.offset(), e.getMessage() + "; RFC 4475 §3.1.2.3");
            }
        }
        return length;
    }

    private int bodyLength(HeadReader.Head head, int to, boolean stream) throws Reject {
        ContentLength length = contentLength(head);
        int available = to - head.bodyOffset();
        int bodyLength;
        if (length != null) {
            if (length.bytes() > available) {
                throw new Reject(head.bodyOffset(), "Content-Length is " + length.bytes() + " but only " + available
                        + " bytes follow the header section (RFC 3261 §18.3; RFC 4475 §3.1.2.2)");
            }
            bodyLength = length.bytes();
        } else if (stream) {
            throw new Reject(head.bodyOffset(), "Content-Length is missing; it is required on stream transports"
                    + " (RFC 3261 §18.3)");
        } else {
            bodyLength = available;
        }
        if (bodyLength > limits.maxBodySize()) {
            throw new Reject(head.bodyOffset(), "body of " + bodyLength + " bytes exceeds " + limits.maxBodySize()
                    + " bytes (Limits.maxBodySize)", 413);
        }
        return bodyLength;
    }
}
