package io.callvault.sip.transport;

import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.SipMessage;

/**
 * Receives what a {@link SipTransport} reads; in callvault this is the transaction layer.
 *
 * <p>Threading: called on the transport's I/O threads, one call at a time per UDP socket or TCP
 * connection. Implementations must return quickly and must not block (hand blocking work to another
 * executor); an exception thrown here is counted and logged, and the socket lives on.
 */
public interface InboundHandler {

    /**
     * A message that parsed. For requests the top Via already carries {@code received} and, when the
     * sender asked for it, the filled-in {@code rport} (RFC 3261 §18.2.1, RFC 3581 §4).
     */
    void onMessage(SipMessage message, Peer from);

    /**
     * Bytes that are not an acceptable message. {@code raw} is the datagram for UDP (owned by the
     * handler); for TCP it is empty, because the stream framer does not keep the bytes of a failed
     * message. On TCP a framing failure (the stream cannot be resynchronised) closes the connection
     * right after this call returns, after anything written to it meanwhile has been flushed; a failure
     * inside a well-framed message leaves the connection open.
     */
    void onParseFailure(ParseResult.Failed failure, byte[] raw, Peer from);
}
