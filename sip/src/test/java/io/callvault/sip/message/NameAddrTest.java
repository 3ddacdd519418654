package io.callvault.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameAddrTest {

    @Test
    void quotedDisplayName_isDecodedAndRequotedOnOutput() {
        NameAddr a = NameAddr.parse("\"Bob \\\"the builder\\\" \\\\ Co\" <sip:bob@biloxi.example.com>;tag=a6c85cf");
        assertThat(a.displayName()).contains("Bob \"the builder\" \\ Co");
        assertThat(a.tag()).contains("a6c85cf");
        assertThat(a.toString())
                .isEqualTo("\"Bob \\\"the builder\\\" \\\\ Co\" <sip:bob@biloxi.example.com>;tag=a6c85cf");
        assertThat(NameAddr.parse(a.toString())).isEqualTo(a);
    }

    @Test
    void tokenDisplayName_andAddrSpecForms() {
        assertThat(NameAddr.parse("Alice  Smith <sip:a@h.example.com>").displayName()).contains("Alice  Smith");
        NameAddr bare = NameAddr.parse("sip:a@h.example.com;tag=1;expires=60");
        assertThat(bare.displayName()).isEmpty();
        assertThat(bare.sipUri().params().isEmpty()).isTrue();
        assertThat(bare.params().value("expires")).contains("60");
        assertThat(bare.toString()).isEqualTo("<sip:a@h.example.com>;tag=1;expires=60");
    }

    @Test
    void parametersWithQuotedAndIpv6Values_areKeptAsWritten() {
        NameAddr a = NameAddr.parse("<sip:a@h>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\""
                + ";received=[2001:db8::1];q=0.7");
        assertThat(a.params().value("+sip.instance")).contains("\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"");
        assertThat(a.params().value("received")).contains("[2001:db8::1]");
    }

    @Test
    void withTag_addsOrReplacesTheTag() {
        NameAddr to = NameAddr.of(SipUri.of("bob", "biloxi.example.com"));
        assertThat(to.withTag("x1").toString()).isEqualTo("<sip:bob@biloxi.example.com>;tag=x1");
        assertThat(to.withTag("x1").withTag("x2").tag()).contains("x2");
        assertThatThrownBy(() -> to.withTag("bad tag")).hasMessageContaining("token");
    }

    @Test
    void routeValues_needBrackets() {
        assertThat(NameAddr.parseBracketed("<sip:p1.example.com;lr>").sipUri().isLooseRouting()).isTrue();
        assertThatThrownBy(() -> NameAddr.parseBracketed("sip:p1.example.com;lr"))
                .isInstanceOf(SipParseException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"unterminated <sip:a@h>", "< sip:a@h >", "Bell, Alexander <sip:a@h>", "<sip:a@h",
        "sip:a@h?x=y", "sip:a@h;;tag=1", "<sip:a@h>;tag=", "<sip:a@h> junk", "*", ""})
    void malformed_failsWithSipParseException(String value) {
        assertThatThrownBy(() -> NameAddr.parse(value)).isInstanceOf(SipParseException.class);
    }
}
