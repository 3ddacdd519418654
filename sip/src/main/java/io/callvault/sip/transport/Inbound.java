package io.callvault.sip.transport;

import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.codec.SipParser;
import io.callvault.sip.message.SipMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The receive path shared by the UDP and TCP readers: parse (datagrams), stamp the top Via
 * ({@link ReceivedStamp}), count, and hand over to the {@link InboundHandler}. Stateless apart from
 * the counters; called on I/O threads.
 */
final class Inbound {
    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);
    static final byte[] NO_BYTES = new byte[0];

    private final SipParser parser;
    private final InboundHandler handler;
    private final TransportCounters counters;

    Inbound(SipParser parser, InboundHandler handler, TransportCounters counters) {
        this.parser = parser;
        this.handler = handler;
        this.counters = counters;
    }

    SipParser parser() {
        return parser;
    }

    TransportCounters counters() {
        return counters;
    }

    /**
     * One UDP datagram is one message (RFC 3261 §18.3). A datagram of only CR, LF, SP, HTAB or NUL bytes
     * is a keep-alive some phones send over UDP; it is counted and otherwise ignored.
     */
    void datagram(byte[] raw, Peer from) {
        if (isBlank(raw)) {
            counters.keepAlives.increment();
            return;
        }
        switch (parser.parseDatagram(raw)) {
            case ParseResult.Parsed parsed -> message(parsed.message(), from);
            case ParseResult.Failed failed -> failure(failed, raw, from);
        }
    }

    void message(SipMessage message, Peer from) {
        counters.messagesIn.increment();
        try {
            handler.onMessage(ReceivedStamp.stamp(message, from.address()), from);
        } catch (RuntimeException defect) {
            counters.handlerErrors.increment();
            LOG.warn("SIP inbound handler failed on a message from {}", from, defect);
        }
    }

    void failure(ParseResult.Failed failure, byte[] raw, Peer from) {
        counters.parseFailures.increment();
        LOG.debug("unparsable SIP message from {} at offset {}: {}", from, failure.offset(), failure.reason());
        try {
            handler.onParseFailure(failure, raw, from);
        } catch (RuntimeException defect) {
            counters.handlerErrors.increment();
            LOG.warn("SIP inbound handler failed on a parse failure from {}", from, defect);
        }
    }

    private static boolean isBlank(byte[] raw) {
        for (byte b : raw) {
            if (b != '\r' && b != '\n' && b != ' ' && b != '\t' && b != 0) {
                return false;
            }
        }
        return true;
    }
}
