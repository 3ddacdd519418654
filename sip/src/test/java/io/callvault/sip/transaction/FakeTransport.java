package io.callvault.sip.transaction;

import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.SipTransport;
import io.callvault.sip.transport.TransportKind;
import io.callvault.testkit.FakeScheduler;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records every send with the fake clock's time; can be told to fail sends. */
final class FakeTransport implements SipTransport {
    record Sent(SipMessage message, Peer to, Duration at) {
        SipRequest request() {
            return (SipRequest) message;
        }

        SipResponse response() {
            return (SipResponse) message;
        }

        boolean isResponse(int status) {
            return message instanceof SipResponse r && r.status() == status;
        }
    }

    private final FakeScheduler clock;
    private final List<Sent> sent = new ArrayList<>();
    private volatile boolean failing;

    FakeTransport(FakeScheduler clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void send(SipMessage message, Peer to) throws IOException {
        if (failing) {
            throw new IOException("connection refused (fake)");
        }
        sent.add(new Sent(message, to, Duration.ofNanos(clock.nanoTime())));
    }

    @Override
    public InetSocketAddress localAddress(TransportKind kind) {
        return new InetSocketAddress("127.0.0.1", 5060);
    }

    @Override
    public void close() {
    }

    void failSends(boolean fail) {
        failing = fail;
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    /** Send times in seconds, for comparing with the RFC schedules. */
    synchronized List<Double> times() {
        return sent.stream().map(s -> s.at().toMillis() / 1000.0).toList();
    }

    synchronized Sent last() {
        return sent.get(sent.size() - 1);
    }

    synchronized void clear() {
        sent.clear();
    }
}
