package io.callvault.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void lookup_ignoresCaseAndCompactForms() {
        Headers h = Headers.of("v", "SIP/2.0/UDP a", "VIA", "SIP/2.0/UDP b", "call-id", "x", "X-Custom", "1");
        assertThat(h.all("Via")).containsExactly("SIP/2.0/UDP a", "SIP/2.0/UDP b");
        assertThat(h.first("i")).contains("x");
        assertThat(h.first("x-custom")).contains("1");
        assertThat(h.entries()).extracting(Header::name).containsExactly("Via", "Via", "Call-ID", "X-Custom");
    }

    @Test
    void listFields_splitOutsideQuotesAndBrackets() {
        Headers h = Headers.of("Contact", "\"Doe, John\" <sip:a,b@h>;q=0.5 , <sip:c@h>",
                "Route", "<sip:p1;lr>,<sip:p2;lr>",
                "Date", "Sat, 13 Nov 2010 23:29:00 GMT", "Authorization", "Digest a=\"1,2\", b=3");
        assertThat(h.all("Contact")).containsExactly("\"Doe, John\" <sip:a,b@h>;q=0.5", "<sip:c@h>");
        assertThat(h.all("Route")).hasSize(2);
        assertThat(h.all("Date")).hasSize(1);
        assertThat(h.all("Authorization")).hasSize(1);
        assertThat(Headers.splitList("\"a\\\", b\", c")).containsExactly("\"a\\\", b\"", "c");
    }

    @Test
    void copies_putValuesWhereTheRfcSays() {
        Headers h = Headers.of("Via", "SIP/2.0/UDP b", "From", "f", "Via", "SIP/2.0/UDP c");
        assertThat(h.withFirst("Via", "SIP/2.0/UDP a").all("Via"))
                .containsExactly("SIP/2.0/UDP a", "SIP/2.0/UDP b", "SIP/2.0/UDP c");
        assertThat(h.withFirst("Record-Route", "<sip:p;lr>").entries().get(0).name()).isEqualTo("Record-Route");
        assertThat(h.withoutFirst("v").all("Via")).containsExactly("SIP/2.0/UDP c");
        assertThat(h.withOnly("Via", "SIP/2.0/TCP z").entries()).extracting(Header::toString)
                .containsExactly("Via: SIP/2.0/TCP z", "From: f");
        assertThat(h.without("VIA").size()).isEqualTo(1);
        assertThat(h.with("Via", "SIP/2.0/UDP d").count("Via")).isEqualTo(3);
        assertThat(h).isEqualTo(Headers.of("Via", "SIP/2.0/UDP b", "From", "f", "Via", "SIP/2.0/UDP c"));
    }

    @Test
    void header_trimsValuesAndRefusesLineBreaksAndNonTokens() {
        assertThat(new Header("Subject", " \t hi \t").value()).isEqualTo("hi");
        assertThatThrownBy(() -> new Header("Subject", "a\r\nVia: x")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> new Header("Bad Name", "x")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> new Header("X", "\ud800")).hasMessageContaining("surrogate");
    }
}
