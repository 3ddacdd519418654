package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {

    @Test
    void anchoringBaresipOffer_replacesAddressAndPortAndKeepsEverythingElse() throws SdpParseException {
        SessionDescription offer = SessionDescription.parse(SoftphoneOffers.BARESIP);

        SessionDescription anchored = offer.withConnectionAddress("198.51.100.7").withMediaPort(0, 40000)
                .withOrigin(Origin.of("callvault", "77", 1, "198.51.100.7"));

        assertThat(anchored.toSdp()).isEqualTo(SoftphoneOffers.BARESIP
                .replace("o=- 1460637373 3062837577 IN IP4 192.0.2.50", "o=callvault 77 1 IN IP4 198.51.100.7")
                .replace("c=IN IP4 192.0.2.50", "c=IN IP4 198.51.100.7")
                .replace("m=audio 17102", "m=audio 40000"));
    }

    @Test
    void connectionAddressRewrite_coversMediaLevelAndRtcpAddresses() throws SdpParseException {
        SessionDescription offer = SessionDescription.parse(SoftphoneOffers.MICROSIP);

        SessionDescription rewritten = offer.withConnectionAddress("2001:db8::7");

        assertThat(rewritten.connection(0)).isEqualTo(new Connection("IN", "IP6", "2001:db8::7"));
        assertThat(rewritten.media().getFirst().rtcp())
                .contains(new Attribute.Rtcp(4001, Optional.of(Connection.of("2001:db8::7"))));
        assertThat(rewritten.toSdp()).doesNotContain("192.0.2.33 ").contains("a=rtcp:4001 IN IP6 2001:db8::7\r\n");
    }

    @Test
    void connectionAddressRewrite_keepsOldStyleHoldAddress() throws SdpParseException {
        SessionDescription held = SessionDescription.parse(SoftphoneOffers.OLD_STYLE_HOLD);

        SessionDescription rewritten = held.withConnectionAddress("198.51.100.7");

        assertThat(rewritten.connection(0).address()).isEqualTo("0.0.0.0");
        assertThat(rewritten.isHold(0)).isTrue();
    }

    @Test
    void mediaEndpoint_rewritesRtcpAttributeToTheRelay() throws SdpParseException {
        SessionDescription linphone = SessionDescription.parse(SoftphoneOffers.LINPHONE);

        SessionDescription anchored = linphone.withMediaEndpoint(0, "198.51.100.7", 40000, 40001);

        MediaDescription audio = anchored.media().getFirst();
        assertThat(audio.port()).isEqualTo(40000);
        assertThat(anchored.connection(0)).isEqualTo(Connection.of("198.51.100.7"));
        assertThat(audio.rtcp()).contains(new Attribute.Rtcp(40001, Optional.empty()));
        assertThat(anchored.media().get(1)).as("other section untouched").isEqualTo(linphone.media().get(1));
    }

    @Test
    void mediaEndpoint_addsRtcpAttributeOnlyWhenNotPortPlusOne() throws SdpParseException {
        SessionDescription sipp = SessionDescription.parse(SoftphoneOffers.SIPP_UAC_LF);

        assertThat(sipp.withMediaEndpoint(0, "198.51.100.7", 40000, 40001).media().getFirst().rtcp()).isEmpty();
        assertThat(sipp.withMediaEndpoint(0, "198.51.100.7", 40000, 40009).media().getFirst().rtcp())
                .contains(new Attribute.Rtcp(40009, Optional.empty()));
    }

    @Test
    void mediaEndpoint_leavesDisabledStreamAlone() throws SdpParseException {
        SessionDescription sdp = SessionDescription.parse(SoftphoneOffers.SIPP_UAC_LF).withMediaPort(0, 0);

        assertThat(sdp.withMediaEndpoint(0, "198.51.100.7", 40000, 40001)).isEqualTo(sdp);
    }

    @Test
    void nextVersion_increasesOriginVersionOnly() throws SdpParseException {
        SessionDescription zoiper = SessionDescription.parse(SoftphoneOffers.ZOIPER);

        SessionDescription next = zoiper.withNextVersion();

        assertThat(next.origin().sessionVersion()).isEqualTo(1);
        assertThat(next.origin().sessionId()).isEqualTo("0");
        assertThat(next.media()).isEqualTo(zoiper.media());
    }

    @Test
    void hold_isReadFromDirectionAttributesAndOldStyleAddress() throws SdpParseException {
        assertThat(SessionDescription.parse(SoftphoneOffers.ZOIPER).isHold(0)).isFalse();
        assertThat(SessionDescription.parse(SoftphoneOffers.ZOIPER_HOLD).isHold(0)).isTrue();
        SessionDescription old = SessionDescription.parse(SoftphoneOffers.OLD_STYLE_HOLD);
        assertThat(old.direction(0)).isEqualTo(MediaDirection.SENDRECV);
        assertThat(old.effectiveDirection(0)).isEqualTo(MediaDirection.SENDONLY);
        assertThat(old.isHold(0)).isTrue();
    }

    @Test
    void sessionLevelDirection_appliesUnlessMediaOverrides() throws SdpParseException {
        SessionDescription sdp = SessionDescription.parse("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "a=inactive\nm=audio 4000 RTP/AVP 0\nm=audio 4002 RTP/AVP 0\na=recvonly\n");

        assertThat(sdp.direction(0)).isEqualTo(MediaDirection.INACTIVE);
        assertThat(sdp.direction(1)).isEqualTo(MediaDirection.RECVONLY);
        SessionDescription resumed = sdp.withDirection(MediaDirection.SENDRECV);
        assertThat(resumed.sessionDirection()).isEmpty();
        assertThat(resumed.direction(0)).isEqualTo(MediaDirection.SENDRECV);
        assertThat(resumed.direction(1)).isEqualTo(MediaDirection.SENDRECV);
    }

    @Test
    void withDirection_replacesTheAttributeInPlace() throws SdpParseException {
        SessionDescription zoiper = SessionDescription.parse(SoftphoneOffers.ZOIPER);

        SessionDescription held = zoiper.withDirection(0, zoiper.direction(0).hold()).withNextVersion();

        assertThat(held.toSdp()).isEqualTo(SoftphoneOffers.ZOIPER_HOLD);
    }

    @Test
    void withoutAttribute_stripsIceEverywhere() throws SdpParseException {
        SessionDescription linphone = SessionDescription.parse(SoftphoneOffers.LINPHONE);

        String text = linphone.withoutAttribute("candidate").withoutAttribute("ice-ufrag").withoutAttribute("ice-pwd")
                .toSdp();

        assertThat(text).doesNotContain("candidate").doesNotContain("ice-").contains("a=rtcp-xr:");
    }

    @Test
    void withPayloadTypes_dropsRtpmapAndFmtpOfRemovedTypes() throws SdpParseException {
        MediaDescription audio = SessionDescription.parse(SoftphoneOffers.BARESIP).media().getFirst();

        MediaDescription g711 = audio.withPayloadTypes(List.of(0, 8));

        assertThat(g711.formats()).containsExactly("0", "8");
        assertThat(g711.rtpMap(96)).isEmpty();
        assertThat(g711.fmtp(96)).isEmpty();
        assertThat(g711.rtpMap(101)).isEmpty();
        assertThat(g711.attributes("label")).hasSize(1);
    }

    @Test
    void mediaWithoutAnyConnection_isRefusedOnConstruction() {
        MediaDescription m = MediaDescription.of("audio", 4000, "RTP/AVP", List.of("0"));

        assertThatThrownBy(() -> new SessionDescription(Origin.of("-", "1", 1, "192.0.2.1"), "-", Optional.empty(),
                List.of(), List.of(), List.of(), List.of(m)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media section 1 (audio) has no c=");
    }

    @Test
    void recordsRefuseWhatCannotBeWritten() {
        assertThatThrownBy(() -> MediaDescription.of("audio", 70000, "RTP/AVP", List.of("0")))
                .hasMessageContaining("media port must be 0 to 65535");
        assertThatThrownBy(() -> MediaDescription.of("audio", 4000, "RTP/AVP", List.of("PCMU")))
                .hasMessageContaining("payload type 0 to 127");
        assertThatThrownBy(() -> MediaDescription.of("audio", 4000, "RTP/AVP", List.of()))
                .hasMessageContaining("at least one format");
        assertThatThrownBy(() -> new SdpLine('a', "x\r\ny")).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> Connection.of("192.0.2.1 evil")).hasMessageContaining("spaces");
        assertThatThrownBy(() -> new Attribute.Other("name", "v\nm=video 1 RTP/AVP 0"))
                .hasMessageContaining("CR, LF or NUL");
        assertThatThrownBy(() -> Origin.of("-", "1", Long.MAX_VALUE, "a").withNextVersion())
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SessionDescription.of(Origin.of("-", "1", 1, "a"), "-", Connection.of("a"),
                List.of()).withAttributes(List.of(new Attribute.Ptime(20))))
                .hasMessageContaining("belongs in a media section");
    }

    @Test
    void newDescription_serializesInRfcOrder() {
        MediaDescription audio = MediaDescription.of("audio", 40000, "RTP/AVP", List.of("0", "101"))
                .withAttributes(List.of(new Attribute.RtpMap(0, "PCMU", 8000),
                        new Attribute.RtpMap(101, "telephone-event", 8000), new Attribute.Fmtp(101, "0-16"),
                        new Attribute.Ptime(20)))
                .withDirection(MediaDirection.SENDRECV);

        String text = SessionDescription.of(Origin.of("callvault", "42", 1, "198.51.100.7"), "callvault",
                Connection.of("198.51.100.7"), List.of(audio)).toSdp();

        assertThat(text).isEqualTo(SoftphoneOffers.crlf("""
                v=0
                o=callvault 42 1 IN IP4 198.51.100.7
                s=callvault
                c=IN IP4 198.51.100.7
                t=0 0
                m=audio 40000 RTP/AVP 0 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-16
                a=ptime:20
                a=sendrecv
                """));
    }
}
