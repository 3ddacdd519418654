package io.callvault.sip.b2bua;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.Body;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtmfInfoTest {
    private static SipRequest request(Method method, String contentType, String body) {
        var b = SipRequest.builder(method, SipUri.parse("sip:202@192.0.2.1"))
                .via(Via.of("UDP", "192.0.2.10", 5060, "z9hG4bK-1")).maxForwards(70)
                .from(NameAddr.of(SipUri.of("201", "192.0.2.1")).withTag("a"))
                .to(NameAddr.of(SipUri.of("202", "192.0.2.1")).withTag("b"))
                .callId(new SipCallId("k@192.0.2.10")).cseq(3);
        if (body != null) {
            b.body(contentType, Body.ofUtf8(body));
        }
        return b.build();
    }

    @Test
    void dtmfRelayBody_givesTheSignal() {
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf-relay", "Signal=9\r\nDuration=160\r\n")))
                .contains('9');
        assertThat(DtmfInfo.key(request(Method.INFO, "Application/DTMF-Relay; charset=x", "signal= #\r\n")))
                .contains('#');
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf-relay", "Duration=160\r\nSignal=a\r\n")))
                .contains('A');
    }

    @Test
    void dtmfBody_givesTheKey() {
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf", "5\r\n"))).contains('5');
    }

    @Test
    void otherBodiesMethodsAndValues_areNoKey() {
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf-relay", "Signal=12\r\n"))).isEqualTo(Optional.empty());
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf-relay", "Signal=x\r\n"))).isEmpty();
        assertThat(DtmfInfo.key(request(Method.INFO, "application/media_control+xml", "<x/>"))).isEmpty();
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf", null))).isEmpty();
        assertThat(DtmfInfo.key(request(Method.MESSAGE, "application/dtmf", "5"))).isEmpty();
        assertThat(DtmfInfo.key(request(Method.INFO, "application/dtmf", "5".repeat(300)))).isEmpty();
    }
}
