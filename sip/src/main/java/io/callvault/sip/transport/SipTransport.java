package io.callvault.sip.transport;

import io.callvault.sip.message.SipMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Sends SIP messages over UDP or TCP (RFC 3261 §18). Thread-safe. The transport writes messages as
 * they are: Via, Contact and Record-Route are the caller's, built from {@link #localAddress}.
 *
 * <p>Sending never blocks the caller, so it may be used on I/O threads: {@link #send} hands the
 * message to the socket and throws only for faults known at once (transport closed, a datagram that
 * cannot be sent, too many connections); faults found later (TCP connection refused or reset) surface
 * through {@link #sendAsync}. Implementations must not call back into an {@link InboundHandler}
 * from inside {@code send}.
 */
public interface SipTransport extends AutoCloseable {

    /**
     * Sends one message to {@code to}. TCP: reuses the open connection to that address (including one
     * the peer opened to us), otherwise connects; messages to one peer leave in call order when sent
     * from one thread.
     */
    void send(SipMessage message, Peer to) throws IOException;

    /**
     * Like {@link #send}, with the outcome: the stage completes when the message was written, or
     * exceptionally with an {@link IOException}; faults known at once may also complete it before it is
     * returned. Programming errors (a null argument) are thrown. The default delegates to {@code send}.
     */
    default CompletionStage<Void> sendAsync(SipMessage message, Peer to) {
        try {
            send(message, to);
            return CompletableFuture.completedFuture(null);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The address to write in Via, Contact and Record-Route for this transport (RFC 3261 §18.1.1). */
    InetSocketAddress localAddress(TransportKind kind);

    /** Closes the sockets; sends fail afterwards. Idempotent, and throws nothing checked. */
    @Override
    void close();
}
