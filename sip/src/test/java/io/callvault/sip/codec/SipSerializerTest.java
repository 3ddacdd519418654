package io.callvault.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.message.Body;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipSerializerTest {

    private static SipRequest invite() {
        return SipRequest.builder(Method.INVITE, SipUri.parse("sip:+14155550123@trunk.example.net;user=phone"))
                .via(Via.of("UDP", "192.0.2.10", 5060, "z9hG4bK-abc").withParams(
                        Via.of("UDP", "192.0.2.10", 5060, "z9hG4bK-abc").params().withFlag("rport")))
                .maxForwards(69)
                .from(NameAddr.of("Zoë \"Z\" Agent", SipUri.of("zoe", "callvault.example")).withTag("f1"))
                .to(NameAddr.of(SipUri.parse("sip:+14155550123@trunk.example.net;user=phone")))
                .callId(new SipCallId("c0ffee@192.0.2.10")).cseq(7)
                .contact(NameAddr.of(SipUri.parse("sip:callvault@[2001:db8::10]:5070;transport=tcp")))
                .header("Supported", "timer, 100rel")
                .header("User-Agent", "callvault")
                .body("application/sdp", Body.ofUtf8("v=0\r\n"))
                .build();
    }

    @Test
    void builtRequest_serializesToTheExactWireForm() {
        String expected = "INVITE sip:+14155550123@trunk.example.net;user=phone SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-abc;rport\r\n"
                + "Max-Forwards: 69\r\n"
                + "From: \"Zoë \\\"Z\\\" Agent\" <sip:zoe@callvault.example>;tag=f1\r\n"
                + "To: <sip:+14155550123@trunk.example.net;user=phone>\r\n"
                + "Call-ID: c0ffee@192.0.2.10\r\n"
                + "CSeq: 7 INVITE\r\n"
                + "Contact: <sip:callvault@[2001:db8::10]:5070;transport=tcp>\r\n"
                + "Supported: timer\r\n"
                + "Supported: 100rel\r\n"
                + "User-Agent: callvault\r\n"
                + "Content-Type: application/sdp\r\n"
                + "Content-Length: 5\r\n"
                + "\r\n"
                + "v=0\r\n";
        assertThat(new String(SipSerializer.serialize(invite()), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void byteBufOutput_equalsTheArray() {
        ByteBuf out = Unpooled.buffer();
        SipSerializer.writeTo(invite(), out);
        byte[] written = new byte[out.readableBytes()];
        out.readBytes(written);
        out.release();
        assertThat(written).isEqualTo(SipSerializer.serialize(invite()));
    }

    @Test
    void builtMessages_roundTripUnchanged() {
        SipRequest request = invite().withBody("application/octet-stream", Body.of(new byte[] {0, 13, 10, -1}));
        SipResponse ok = SipResponse.to(request, 200, "OK", "t-9").withHeader("Contact", "<sip:x@192.0.2.99>");
        SipRequest odd = request.withRequestUri(SipUri.parse("sip:null-%00-%FF@h.example.com;x=%3B%3D"))
                .withHeader("X-Empty", "").withOnlyHeader("Subject", "  spaced  out  ");
        for (SipMessage m : List.of(request, ok, odd, SipResponse.to(request, 100, ""))) {
            assertThat(SipParserRoundTrip.roundTrip(m)).isEqualTo(m);
        }
        assertThat(odd.headers().first("Subject")).contains("spaced  out");
        assertThatThrownBy(() -> request.withRequestUri(SipUri.parse("sip:h.example.com?Route=%3Csip:x%3E")))
                .hasMessageContaining("URI headers");
    }

    @Test
    void contentLength_isAlwaysTheBodyLengthAndNeverAHeader() {
        assertThatThrownBy(() -> invite().withHeader("Content-Length", "5")).hasMessageContaining("derived");
        assertThatThrownBy(() -> invite().withHeader("l", "5")).hasMessageContaining("derived");
        String wire = new String(SipSerializer.serialize(invite().withoutBody()), StandardCharsets.UTF_8);
        assertThat(wire).endsWith("Content-Length: 0\r\n\r\n").doesNotContain("Content-Type");
    }
}
