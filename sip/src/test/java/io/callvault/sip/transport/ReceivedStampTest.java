package io.callvault.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** RFC 3261 §18.2.1 and RFC 3581 §4 on the top Via of a received request. */
class ReceivedStampTest {
    private static SipRequest request(String sentBy, boolean rport) {
        String text = Wire.request("OPTIONS", "UDP", sentBy, "z9hG4bKs1");
        if (!rport) {
            text = text.replace(";rport", "");
        }
        return (SipRequest) ((ParseResult.Parsed) Wire.PARSER.parseDatagram(Wire.bytes(text))).message();
    }

    private static Via stamped(SipRequest request, String ip, int port) {
        SipMessage out = ReceivedStamp.stamp(request, new InetSocketAddress(InetAddress.ofLiteral(ip), port));
        return out.topVia();
    }

    @Test
    void sentByIsTheSourceAddress_withoutRport_isLeftAlone() {
        SipRequest request = request("192.0.2.1:5060", false);
        assertThat(ReceivedStamp.stamp(request, new InetSocketAddress(InetAddress.ofLiteral("192.0.2.1"), 5060)))
                .isSameAs(request);
    }

    @Test
    void sentByIsAnotherAddress_getsReceived() {
        Via via = stamped(request("10.0.0.7:5060", false), "203.0.113.9", 40_000);
        assertThat(via.received()).contains("203.0.113.9");
        assertThat(via.hasRport()).isFalse();
    }

    @Test
    void sentByIsAName_getsReceived() {
        assertThat(stamped(request("phone.example.com", false), "203.0.113.9", 5060).received())
                .contains("203.0.113.9");
    }

    @Test
    void rport_isFilledIn_andReceivedAlwaysAdded() {
        Via via = stamped(request("192.0.2.1:5060", true), "192.0.2.1", 61_000);
        assertThat(via.received()).contains("192.0.2.1");
        assertThat(via.rport()).hasValue(61_000);
        assertThat(via.branch()).contains("z9hG4bKs1");
    }

    @Test
    void ipv6Source_isWrittenWithoutBracketsOrScope() {
        Via via = stamped(request("[2001:db8::1]:5060", false), "2001:db8::2", 5060);
        assertThat(via.received()).contains("2001:db8:0:0:0:0:0:2");
        assertThat(ReceivedStamp.isSameAddress("[2001:db8::2]", InetAddress.ofLiteral("2001:db8::2"))).isTrue();
    }
}
