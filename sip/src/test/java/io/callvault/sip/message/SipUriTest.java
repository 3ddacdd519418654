package io.callvault.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SipUriTest {

    @Test
    void allComponents_areRead() {
        SipUri u = SipUri.parse("sips:alice:secr%65t@atlanta.example.com:5061;transport=tcp;lr;maddr=239.255.255.1"
                + "?subject=project%20x&priority=urgent");
        assertThat(u.secure()).isTrue();
        assertThat(u.user()).contains("alice");
        assertThat(u.password()).contains("secret");
        assertThat(u.host()).isEqualTo("atlanta.example.com");
        assertThat(u.port().getAsInt()).isEqualTo(5061);
        assertThat(u.transport()).contains("tcp");
        assertThat(u.isLooseRouting()).isTrue();
        assertThat(u.maddr()).contains("239.255.255.1");
        assertThat(u.headers().value("subject")).contains("project x");
        assertThat(u.toString()).isEqualTo("sips:alice:secret@atlanta.example.com:5061;transport=tcp;lr;"
                + "maddr=239.255.255.1?subject=project%20x&priority=urgent");
    }

    @Test
    void ipv6References_keepBracketsAndPort() {
        SipUri u = SipUri.parse("sip:[2001:db8::9:1]:5070;transport=udp");
        assertThat(u.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(u.port().getAsInt()).isEqualTo(5070);
        assertThat(SipUri.parse("sip:u@[::ffff:192.0.2.1]").host()).isEqualTo("[::ffff:192.0.2.1]");
    }

    @Test
    void escapes_decodeWithoutTruncationAndReencodeMinimally() {
        SipUri u = SipUri.parse("sip:%61lice%00%e2%82%ac;x%3Dy@h.example.com");
        assertThat(u.user()).contains("alice\u0000\u20ac;x=y");
        assertThat(u.toString()).isEqualTo("sip:alice%00%E2%82%AC;x=y@h.example.com");
        assertThat(SipUri.parse(u.toString())).isEqualTo(u);
        assertThat(SipUri.parse("sip:%ff@h.example.com").user()).contains("\u00ff");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com;security=on | sip:carol@chicago.com;newparam=5",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
                + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com"})
    void rfc3261EquivalenceExamples_areEquivalent(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isTrue();
        assertThat(SipUri.parse(b).equivalent(SipUri.parse(a))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp;user=phone",
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        "sip:a@h.com | sips:a@h.com"})
    void rfc3261InequivalenceExamples_areNotEquivalent(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:", "sip:@h.com", "sip:h..com", "sip:h.com:99999", "sip:h.com:", "sip:a b@h.com",
        "sip:a@h.com;", "sip:a@h.com;x=", "sip:a@h.com?x", "sip:a%4@h.com", "sip:[::1", "sip:1.2.3.999",
        "sip:a@h.com;x=<y>", "tel:+1-201-555-0123"})
    void malformed_failsWithSipParseException(String text) {
        assertThatThrownBy(() -> SipUri.parse(text)).isInstanceOf(SipParseException.class);
    }

    @Test
    void otherSchemes_stayOpaque() {
        assertThat(Uri.parse("tel:+1-201-555-0123;phone-context=example.com")).isInstanceOf(AbsoluteUri.class);
        assertThat(Uri.parse("TEL:+1")).isEqualTo(Uri.parse("tel:+1"));
        assertThat(Uri.parse("SIP:a@h.com")).isInstanceOf(SipUri.class);
        assertThatThrownBy(() -> Uri.parse("<sip:a@h.com>")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> Uri.parse("mailto:a b")).isInstanceOf(SipParseException.class);
    }

    @Test
    void withers_changeOneComponent() {
        SipUri u = SipUri.of("alice", "h.example.com").withPort(5080).withParams(Params.EMPTY.withFlag("lr"));
        assertThat(u.toString()).isEqualTo("sip:alice@h.example.com:5080;lr");
        assertThat(u.withoutPort().withoutUser().withSecure(true).toString()).isEqualTo("sips:h.example.com;lr");
    }
}
