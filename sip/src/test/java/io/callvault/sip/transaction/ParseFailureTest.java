package io.callvault.sip.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.codec.SipParser;
import io.callvault.sip.message.SipResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Malformed messages: requests are answered from their partial header fields, the rest dropped. */
class ParseFailureTest {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);
    private static final String HEAD = "Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKbad1;rport\r\n"
            + "From: <sip:alice@example.com>;tag=a1\r\n"
            + "To: <sip:bob@example.com>\r\n"
            + "Call-ID: bad-1@192.0.2.10\r\n";
    private final Fixture f = new Fixture();

    private void deliver(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        ParseResult result = PARSER.parseDatagram(raw);
        assertThat(result).isInstanceOf(ParseResult.Failed.class);
        f.layer.onParseFailure((ParseResult.Failed) result, raw, Msg.PHONE);
    }

    @Test
    void requestWithBadContentLength_isAnswered400WithTheReasonInTheReasonPhrase() {
        deliver("INVITE sip:bob@example.com SIP/2.0\r\n" + HEAD
                + "CSeq: 1 INVITE\r\nContent-Length: 9999\r\n\r\nv=0\r\n");
        assertThat(f.transport.sent()).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo(Msg.PHONE);
            SipResponse r = s.response();
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.reason()).startsWith("Bad Request (").contains("Content-Length is 9999")
                    .doesNotContain("§").doesNotContain("\"");
            assertThat(r.callId().value()).isEqualTo("bad-1@192.0.2.10");
            assertThat(r.topVia().branch()).contains("z9hG4bKbad1");
            assertThat(r.to().tag()).isPresent();
        });
        assertThat(f.stats().parseFailuresAnswered()).isEqualTo(1);
        assertThat(f.tu.events).isEmpty();
    }

    @Test
    void unsupportedSipVersion_isAnswered505() {
        deliver("OPTIONS sip:bob@example.com SIP/7.0\r\n" + HEAD + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        assertThat(f.transport.last().response().status()).isEqualTo(505);
    }

    @Test
    void malformedAck_responseAndViaLessRequest_areDroppedAndCounted() {
        deliver("ACK sip:bob@example.com SIP/2.0\r\n" + HEAD + "CSeq: 1 ACK\r\nContent-Length: 9999\r\n\r\n");
        deliver("SIP/2.0 200 OK\r\n" + HEAD + "CSeq: 1 INVITE\r\nContent-Length: 9999\r\n\r\n");
        deliver("OPTIONS sip:bob@example.com SIP/2.0\r\n" + HEAD.substring(HEAD.indexOf("From"))
                + "CSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");
        assertThat(f.transport.sent()).isEmpty();
        assertThat(f.stats().parseFailuresDropped()).isEqualTo(3);
    }

    @Test
    void diagnostic_isCutAndLimitedToReasonPhraseCharacters() {
        assertThat(Responses.sanitise("Via \"x\" <y> [z] {w} §18.3 a\u0000b\u202Ec#"))
                .isEqualTo("Via 'x' (y) (z) (w) sec. 18.3 ab_c_");
        String longText = "x".repeat(500);
        assertThat(Responses.sanitise(longText)).hasSize(120).endsWith("...");
        assertThat(Responses.sanitise("y".repeat(120))).isEqualTo("y".repeat(120));
    }
}
