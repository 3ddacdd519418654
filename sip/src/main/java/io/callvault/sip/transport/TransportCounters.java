package io.callvault.sip.transport;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a transport has seen, for metrics: cumulative counts plus the open TCP connections. Thread-safe;
 * cheap to update from I/O threads. Read a consistent-enough view with {@link #snapshot()}.
 */
public final class TransportCounters {
    final LongAdder messagesIn = new LongAdder();
    final LongAdder messagesOut = new LongAdder();
    final LongAdder parseFailures = new LongAdder();
    final LongAdder framingFailures = new LongAdder();
    final LongAdder keepAlives = new LongAdder();
    final LongAdder sendFailures = new LongAdder();
    final LongAdder handlerErrors = new LongAdder();
    final LongAdder connectionsAccepted = new LongAdder();
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsRefused = new LongAdder();
    final AtomicInteger connectionsOpen = new AtomicInteger();

    /**
     * @param messagesIn messages parsed and handed to the handler
     * @param messagesOut messages handed to a socket
     * @param parseFailures datagrams or framed stream messages that failed to parse
     * @param framingFailures TCP streams that could not be framed (each closed its connection)
     * @param keepAlives CRLF keep-alives: stream pings answered, blank datagrams ignored
     * @param sendFailures sends that failed, at once or later
     * @param handlerErrors exceptions thrown by the inbound handler (a defect there)
     * @param connectionsAccepted TCP connections peers opened to us
     * @param connectionsOpened TCP connections we opened
     * @param connectionsRefused TCP connections refused or not opened because of the connection limit
     * @param connectionsOpen TCP connections open now
     */
    public record Snapshot(long messagesIn, long messagesOut, long parseFailures, long framingFailures,
            long keepAlives, long sendFailures, long handlerErrors, long connectionsAccepted,
            long connectionsOpened, long connectionsRefused, int connectionsOpen) {
    }

    public Snapshot snapshot() {
        return new Snapshot(messagesIn.sum(), messagesOut.sum(), parseFailures.sum(), framingFailures.sum(),
                keepAlives.sum(), sendFailures.sum(), handlerErrors.sum(), connectionsAccepted.sum(),
                connectionsOpened.sum(), connectionsRefused.sum(), connectionsOpen.get());
    }
}
