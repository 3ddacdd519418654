package io.callvault.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SipMessageTest {

    private static SipRequest invite() {
        return SipRequest.builder(Method.INVITE, SipUri.of("bob", "biloxi.example.com"))
                .via(Via.of("UDP", "pc33.atlanta.example.com", 5060, "z9hG4bKnashds8"))
                .from(NameAddr.of("Alice", SipUri.of("alice", "atlanta.example.com")).withTag("1928301774"))
                .to(NameAddr.of("Bob", SipUri.of("bob", "biloxi.example.com")))
                .callId(new SipCallId("a84b4c76e66710")).cseq(314159)
                .contact(NameAddr.of(SipUri.of("alice", "pc33.atlanta.example.com")))
                .header("Timestamp", "54")
                .build()
                .withTopVia(Via.of("UDP", "proxy.example.com", 5060, "z9hG4bKp1"));
    }

    @Test
    void builder_writesMandatoryFieldsInOrder_andRefusesIncompleteRequests() {
        SipRequest r = SipRequest.builder(Method.OPTIONS, SipUri.of("h.example.com"))
                .via(Via.of("TCP", "a.example.com", 5060, "z9hG4bK1"))
                .from(NameAddr.of(SipUri.of("a", "a.example.com")).withTag("t"))
                .to(NameAddr.of(SipUri.of("h.example.com"))).callId(new SipCallId("c@a")).cseq(2).build();
        assertThat(r.headers().entries()).extracting(Header::name)
                .containsExactly("Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq");
        assertThat(r.cseq()).isEqualTo(new CSeq(2, Method.OPTIONS));
        assertThat(r.maxForwards()).contains(MaxForwards.DEFAULT);
        assertThatThrownBy(() -> SipRequest.builder(Method.BYE, SipUri.of("h.example.com")).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing Via, From, To, Call-ID, CSeq");
    }

    @Test
    void responseTo_copiesTheSection8_2_6_2Fields() {
        SipRequest request = invite();
        SipResponse ringing = SipResponse.to(request, 180, "Ringing", "bobtag");
        assertThat(ringing.vias()).extracting(Via::host)
                .containsExactly("proxy.example.com", "pc33.atlanta.example.com");
        assertThat(ringing.from()).isEqualTo(request.from());
        assertThat(ringing.to().tag()).contains("bobtag");
        assertThat(ringing.callId()).isEqualTo(request.callId());
        assertThat(ringing.cseq()).isEqualTo(request.cseq());
        assertThat(ringing.headers().contains("Contact")).isFalse();
        assertThat(ringing.headers().contains("Timestamp")).isFalse();
        SipResponse trying = SipResponse.to(request, 100);
        assertThat(trying.reason()).isEqualTo("Trying");
        assertThat(trying.to().tag()).isEmpty();
        assertThat(trying.headers().first("Timestamp")).contains("54");
        SipRequest inDialog = request.withOnlyHeader("To", request.to().withTag("existing").toString());
        assertThat(SipResponse.to(inDialog, 200, "OK", "other").to().tag()).contains("existing");
    }

    @Test
    void copies_leaveTheOriginalUntouched() {
        SipRequest request = invite();
        SipRequest popped = request.withoutTopVia();
        assertThat(popped.topVia().host()).isEqualTo("pc33.atlanta.example.com");
        assertThat(request.vias()).hasSize(2);
        SipRequest withBody = request.withBody("application/sdp", Body.ofUtf8("v=0\r\n"));
        assertThat(withBody.contentType()).contains("application/sdp");
        assertThat(withBody.withoutBody().contentType()).isEmpty();
        assertThat(request.body().isEmpty()).isTrue();
        assertThat(request.withoutHeader("Contact").contacts()).isEmpty();
        assertThatThrownBy(() -> request.withHeader("Content-Length", "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void typedViews_explainMissingOrBadFields() {
        SipRequest broken = invite().withOnlyHeader("CSeq", "abc INVITE").withoutHeader("Call-ID");
        assertThatThrownBy(broken::cseq).isInstanceOf(SipParseException.class).hasMessageContaining("abc");
        assertThatThrownBy(broken::callId).hasMessageContaining("no Call-ID");
        assertThat(invite().withHeader("Expires", "3600").expires()).hasValue(3600);
        assertThatThrownBy(() -> invite().withHeader("Expires", "1".repeat(40)).expires())
                .isInstanceOf(SipParseException.class).hasMessageContaining("2^32-1");
        assertThat(invite().withHeader("Date", "Sat, 13 Nov 2010 23:29:00 GMT").date())
                .contains(Instant.parse("2010-11-13T23:29:00Z"));
    }

    @Test
    void scalars_acceptTheirRangesOnly() {
        assertThat(CSeq.parse("0009 \t INVITE")).isEqualTo(new CSeq(9, Method.INVITE));
        assertThat(CSeq.parse("4294967295 ACK").number()).isEqualTo(4294967295L);
        assertThatThrownBy(() -> CSeq.parse("4294967296 ACK")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> CSeq.parse("1INVITE")).isInstanceOf(SipParseException.class);
        assertThat(MaxForwards.parse("0068").hops()).isEqualTo(68);
        assertThatThrownBy(() -> MaxForwards.parse("256")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> new MaxForwards(0).decremented()).hasMessageContaining("483");
        assertThat(ContentLength.parse("00150").bytes()).isEqualTo(150);
        assertThatThrownBy(() -> ContentLength.parse("-999")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> ContentLength.parse("99999999999")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> new SipCallId("a@b@c")).isInstanceOf(SipParseException.class);
        assertThat(Method.of("!interesting-Method0123456789_*+`.%indeed'~").name()).endsWith("indeed'~");
        assertThatThrownBy(() -> Method.of("IN VITE")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> new SipResponse(99, "x", Headers.EMPTY, Body.EMPTY)).hasMessageContaining("100..699");
    }

    @Test
    void authFields_parseAnySchemeAndRenderDigestQuoting() {
        AuthField a = AuthField.parse("Digest username=\"bob\", realm=\"biloxi.com\", nonce=\"dcd98b\","
                + " uri=\"sip:bob@biloxi.com\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
                + " response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c\"");
        assertThat(a.param("NC")).contains("00000001");
        assertThat(AuthField.parse(a.toString())).isEqualTo(a);
        assertThat(AuthField.parse("NoOneKnowsThisScheme opaque-data=here").param("opaque-data")).contains("here");
        assertThatThrownBy(() -> AuthField.parse("Digest realm")).isInstanceOf(SipParseException.class);
        assertThatThrownBy(() -> AuthField.parse("Digest realm=\"x")).isInstanceOf(SipParseException.class);
    }
}
