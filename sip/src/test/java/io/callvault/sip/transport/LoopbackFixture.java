package io.callvault.sip.transport;

import io.callvault.core.time.SystemScheduler;
import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transaction.ServerTransaction;
import io.callvault.sip.transaction.SipTimers;
import io.callvault.sip.transaction.TransactionLayer;
import io.callvault.sip.transaction.TransactionUser;
import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A NettySipTransport with the real TransactionLayer on 127.0.0.1 (ephemeral port), for tests against
 * plain JDK sockets. The TU answers INVITE with 486 and everything else with 200, at once.
 */
abstract class LoopbackFixture {
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final SystemScheduler scheduler = new SystemScheduler("sip-transport-test", 1);
    final List<Peer> requestPeers = new CopyOnWriteArrayList<>();
    NettySipTransport transport;
    TransactionLayer layer;

    /** Answers at once; records who asked. */
    private final class AnsweringTu implements TransactionUser {
        @Override
        public void onRequest(ServerTransaction tx, SipRequest request) {
            requestPeers.add(tx.peer());
            int status = request.method().equals(Method.INVITE) ? 486 : 200;
            tx.respond(SipResponse.to(request, status, SipResponse.defaultReason(status), "srv"));
        }

        @Override
        public void onAck(SipRequest ack, Peer from) {
        }

        @Override
        public void onCancel(ServerTransaction inviteTx, SipRequest cancel) {
        }
    }

    /** The I/O implementation under test; subclasses run the same tests on NIO. */
    IoFlavour flavour() {
        return IoFlavour.best();
    }

    /** What {@link #flavour()} should have picked here: epoll where Netty ships the native library. */
    String expectedIoName() {
        boolean linuxX64 = System.getProperty("os.name").startsWith("Linux")
                && System.getProperty("os.arch").matches("amd64|x86_64");
        return linuxX64 ? "epoll" : "nio";
    }

    @BeforeEach
    void start() throws IOException {
        AtomicReference<InboundHandler> relay = new AtomicReference<>();
        transport = NettySipTransport.start(LOOPBACK, 0, Limits.DEFAULTS, new InboundHandler() {
            @Override
            public void onMessage(SipMessage message, Peer from) {
                relay.get().onMessage(message, from);
            }

            @Override
            public void onParseFailure(ParseResult.Failed failure, byte[] raw, Peer from) {
                relay.get().onParseFailure(failure, raw, from);
            }
        }, NettySipTransport.Options.DEFAULTS, flavour());
        layer = new TransactionLayer(transport, scheduler, SipTimers.RFC_3261, new AnsweringTu());
        relay.set(layer);
    }

    @AfterEach
    void stop() {
        layer.close();
        transport.close();
        scheduler.close();
    }
}
