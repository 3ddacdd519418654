package io.callvault.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViaTest {

    @Test
    void oddWhiteSpace_isReadAndWrittenCompactly() {
        Via v = Via.parse("SIP  /  2.0 / TCP   spindle.example.com : 5061 ;  branch =  z9hG4bK9ikj8 ; rport");
        assertThat(v.transport()).isEqualTo("TCP");
        assertThat(v.host()).isEqualTo("spindle.example.com");
        assertThat(v.port().getAsInt()).isEqualTo(5061);
        assertThat(v.branch()).contains("z9hG4bK9ikj8");
        assertThat(v.hasRport()).isTrue();
        assertThat(v.rport()).isEmpty();
        assertThat(v.toString()).isEqualTo("SIP/2.0/TCP spindle.example.com:5061;branch=z9hG4bK9ikj8;rport");
    }

    @Test
    void receivedAndRport_areFilledInByTheServer() {
        Via v = Via.parse("SIP/2.0/UDP 10.0.0.5:5060;rport;branch=z9hG4bKx").withReceived("192.0.2.7").withRport(40123);
        assertThat(v.received()).contains("192.0.2.7");
        assertThat(v.rport().getAsInt()).isEqualTo(40123);
        assertThat(v.toString()).isEqualTo("SIP/2.0/UDP 10.0.0.5:5060;rport=40123;branch=z9hG4bKx;received=192.0.2.7");
        assertThat(Via.parse(v.toString())).isEqualTo(v);
    }

    @Test
    void ipv6SentBy_andBranchChecks() {
        Via v = Via.parse("SIP/2.0/UDP [2001:db8::1]:5060;branch=z9hG4bK-1;received=2001:db8::2");
        assertThat(v.sentBy()).isEqualTo("[2001:db8::1]:5060");
        assertThat(v.hasRfc3261Branch()).isTrue();
        assertThat(Via.parse("SIP/2.0/UDP h;branch=z9hG4bK").hasRfc3261Branch()).isFalse();
        assertThat(Via.parse("SIP/2.0/UDP h;branch=1234").hasRfc3261Branch()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIP/2.0/UDP", "SIP/2.0 UDP h", "SIP/2.0/UDP h;;", "SIP/2.0/UDP 192.0.2.15;;,;,,",
        "SIP/2.0/UDP h:99999", "SIP/2.0/UDP h;received=host.example.com", "SIP/2.0/UDP h;rport=x",
        "SIP/2.0/UDP h;branch", "SIP/2.0/UDP h junk", "SIP/2.0/UDP [::1"})
    void malformed_failsWithSipParseException(String value) {
        assertThatThrownBy(() -> Via.parse(value)).isInstanceOf(SipParseException.class);
    }
}
