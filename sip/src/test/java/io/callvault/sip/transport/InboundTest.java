package io.callvault.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.SipMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shared receive path, without sockets. */
class InboundTest {
    private static final Peer PHONE = Peer.udp(new InetSocketAddress("127.0.0.1", 5062));
    private final TransportCounters counters = new TransportCounters();
    private final List<String> seen = new ArrayList<>();

    private Inbound inbound(boolean throwing) {
        return new Inbound(Wire.PARSER, new InboundHandler() {
            @Override
            public void onMessage(SipMessage message, Peer from) {
                seen.add("message");
                if (throwing) {
                    throw new IllegalStateException("defect in the handler");
                }
            }

            @Override
            public void onParseFailure(ParseResult.Failed failure, byte[] raw, Peer from) {
                seen.add("failure " + raw.length);
                if (throwing) {
                    throw new IllegalStateException("defect in the handler");
                }
            }
        }, counters);
    }

    @Test
    void handlerThatThrows_isCounted_andNothingEscapes() {
        Inbound in = inbound(true);
        in.datagram(Wire.bytes(Wire.request("OPTIONS", "UDP", "127.0.0.1", "z9hG4bKx")), PHONE);
        in.datagram(Wire.bytes("NOT SIP\r\n\r\n"), PHONE);
        assertThat(seen).containsExactly("message", "failure 11");
        assertThat(counters.snapshot().handlerErrors()).isEqualTo(2);
    }

    @Test
    void blankDatagrams_areKeepAlives_notFailures() {
        Inbound in = inbound(false);
        in.datagram(Wire.bytes("\r\n"), PHONE);
        in.datagram(new byte[4], PHONE);
        in.datagram(new byte[0], PHONE);
        assertThat(seen).isEmpty();
        assertThat(counters.snapshot().keepAlives()).isEqualTo(3);
        assertThat(counters.snapshot().parseFailures()).isZero();
    }
}
