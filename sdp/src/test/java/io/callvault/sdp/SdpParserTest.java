package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SdpParserTest {

    private static SessionDescription parse(String text) throws SdpParseException {
        return new SdpParser(SdpLimits.DEFAULT).parse(text).orElseThrow();
    }

    @Test
    void baresipOffer_readsEveryFieldWeRelyOn() throws SdpParseException {
        SessionDescription sdp = parse(SoftphoneOffers.BARESIP);

        assertThat(sdp.origin()).isEqualTo(new Origin("-", "1460637373", 3062837577L, "IN", "IP4", "192.0.2.50"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.connection()).contains(Connection.of("192.0.2.50"));
        assertThat(sdp.timings()).containsExactly(Timing.UNBOUNDED);
        assertThat(sdp.media()).hasSize(1);
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.media()).isEqualTo("audio");
        assertThat(audio.port()).isEqualTo(17102);
        assertThat(audio.proto()).isEqualTo("RTP/AVP");
        assertThat(audio.payloadTypes()).containsExactly(96, 0, 8, 101);
        assertThat(audio.rtpMap(96)).contains(new Attribute.RtpMap(96, "opus", 48000, OptionalInt.of(2)));
        assertThat(audio.rtpMap(101)).contains(new Attribute.RtpMap(101, "telephone-event", 8000));
        assertThat(audio.fmtp(96)).contains("stereo=1;sprop-stereo=1");
        assertThat(audio.fmtp(101)).contains("0-15");
        assertThat(audio.direction()).contains(MediaDirection.SENDRECV);
        assertThat(audio.ptime()).hasValue(20);
        assertThat(audio.rtcp()).isEmpty();
        assertThat(audio.otherLines()).containsExactly(new SdpLine('b', "AS:106"));
        assertThat(audio.attributes("ssrc"))
                .containsExactly(new Attribute.Other("ssrc", "1419513339 cname:baresip@alice"));
        assertThat(audio.hasAttribute("rtcp-rsize")).isTrue();
    }

    @Test
    void sippBodyWithLfOnlyLineEnds_parses() throws SdpParseException {
        SessionDescription sdp = parse(SoftphoneOffers.SIPP_UAC_LF);

        assertThat(sdp.origin().username()).isEqualTo("user1");
        assertThat(sdp.media().getFirst().payloadTypes()).containsExactly(0);
        assertThat(sdp.direction(0)).isEqualTo(MediaDirection.SENDRECV);
        assertThat(sdp.toSdp()).isEqualTo(SoftphoneOffers.crlf(SoftphoneOffers.SIPP_UAC_LF));
    }

    @Test
    void linphoneOffer_keepsSessionAttributesAndReusedPayloadNumbersPerSection() throws SdpParseException {
        SessionDescription sdp = parse(SoftphoneOffers.LINPHONE);

        assertThat(sdp.attributes()).extracting(Attribute::name)
                .containsExactly("ice-pwd", "ice-ufrag", "rtcp-xr", "record");
        MediaDescription audio = sdp.media().get(0);
        MediaDescription video = sdp.media().get(1);
        assertThat(audio.encoding(96)).contains(new Attribute.RtpMap(96, "opus", 48000, OptionalInt.of(2)));
        assertThat(video.encoding(96)).contains(new Attribute.RtpMap(96, "VP8", 90000));
        assertThat(audio.encoding(18)).as("static type without rtpmap")
                .contains(new Attribute.RtpMap(18, "G729", 8000));
        assertThat(audio.fmtp(18)).contains("annexb=yes");
        assertThat(audio.rtcp()).contains(new Attribute.Rtcp(7079, Optional.empty()));
        assertThat(video.rtcp()).contains(new Attribute.Rtcp(9079, Optional.empty()));
        assertThat(audio.attributes("candidate")).hasSize(2);
        assertThat(sdp.connection(1)).isEqualTo(Connection.of("198.51.100.14"));
    }

    @Test
    void microsipOffer_readsMediaLevelConnectionAndRtcpWithAddress() throws SdpParseException {
        SessionDescription sdp = parse(SoftphoneOffers.MICROSIP_SRTP);

        assertThat(sdp.connection()).isEmpty();
        assertThat(sdp.connection(0)).isEqualTo(Connection.of("192.0.2.33"));
        assertThat(sdp.otherLines()).containsExactly(new SdpLine('b', "AS:84"));
        MediaDescription audio = sdp.media().getFirst();
        assertThat(audio.proto()).isEqualTo("RTP/SAVP");
        assertThat(audio.isRtp()).isTrue();
        assertThat(audio.rtcp()).contains(new Attribute.Rtcp(4001, Optional.of(Connection.of("192.0.2.33"))));
        assertThat(audio.attributes("crypto")).singleElement().extracting(Attribute::value).asString()
                .startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"BARESIP", "LINPHONE", "ZOIPER", "ZOIPER_HOLD", "OLD_STYLE_HOLD", "MICROSIP",
            "MICROSIP_SRTP"})
    void realOffer_serializesBackByteForByte(String name) throws Exception {
        String text = (String) SoftphoneOffers.class.getDeclaredField(name).get(null);

        assertThat(parse(text).toSdp()).isEqualTo(text);
    }

    @Test
    void unknownLineTypesAndAttributes_areKeptInOrder() throws SdpParseException {
        String text = SoftphoneOffers.crlf("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                i=A call
                u=http://example.com/call
                e=alice@example.com
                p=+1 617 555-6011
                c=IN IP4 192.0.2.1
                b=CT:128
                t=0 0
                r=7d 1h 0 25h
                z=2882844526 -1h
                k=prompt
                y=unknown letter
                a=tool:softphone 1.0
                a=x-custom
                m=audio 4000 RTP/AVP 0
                i=voice
                b=AS:64
                k=prompt
                x=another unknown
                a=rtpmap:0 PCMU/8000
                a=x-media:value with: colons
                a=maxptime:40
                """);

        SessionDescription sdp = parse(text);

        assertThat(sdp.otherLines()).extracting(SdpLine::type).containsExactly('i', 'u', 'e', 'p', 'b', 'z', 'k', 'y');
        assertThat(sdp.timings().getFirst().repeats()).containsExactly("7d 1h 0 25h");
        assertThat(sdp.attributes()).containsExactly(new Attribute.Other("tool", "softphone 1.0"),
                Attribute.Other.property("x-custom"));
        assertThat(sdp.media().getFirst().attributes("x-media").getFirst().value()).isEqualTo("value with: colons");
        assertThat(sdp.toSdp()).isEqualTo(text);
    }

    @Test
    void trailingBlankLinesAndSpaces_areTolerated() throws SdpParseException {
        String text = "v=0\r\no=-  1  1 IN IP4 192.0.2.1 \r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0  8\r\na=sendonly \r\na=ptime:20.0\r\n\r\n\r\n";

        SessionDescription sdp = parse(text);

        assertThat(sdp.media().getFirst().payloadTypes()).containsExactly(0, 8);
        assertThat(sdp.media().getFirst().direction()).contains(MediaDirection.SENDONLY);
        assertThat(sdp.media().getFirst().ptime()).hasValue(20);
    }

    @Test
    void missingTimingLine_defaultsToUnbounded() throws SdpParseException {
        SessionDescription sdp = parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\n"
                + "m=audio 4000 RTP/AVP 0\n");

        assertThat(sdp.timings()).containsExactly(Timing.UNBOUNDED);
        assertThat(sdp.toSdp()).contains("\r\nt=0 0\r\n");
    }

    @Test
    void multiplePortsAndIpv6_parse() throws SdpParseException {
        SessionDescription sdp = parse("v=0\no=- 1 1 IN IP6 2001:db8::1\ns=-\nc=IN IP6 2001:db8::1\nt=0 0\n"
                + "m=audio 49170/2 RTP/AVP 0\n");

        assertThat(sdp.media().getFirst().portCount()).isEqualTo(2);
        assertThat(sdp.connection(0).addressType()).isEqualTo("IP6");
        assertThat(sdp.toSdp()).contains("m=audio 49170/2 RTP/AVP 0\r\n");
    }

    @Test
    void nonRtpSection_keepsFormatsAndRtpmapVerbatim() throws SdpParseException {
        SessionDescription sdp = parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "m=application 5060 TCP/BFCP *\na=floorctrl:c-only\na=rtpmap:whatever\n");

        MediaDescription m = sdp.media().getFirst();
        assertThat(m.isRtp()).isFalse();
        assertThat(m.formats()).containsExactly("*");
        assertThat(m.payloadTypes()).isEmpty();
        assertThat(m.attributes()).allMatch(a -> a instanceof Attribute.Other);
    }

    @Test
    void fmtpWithoutParameters_isKeptVerbatimInsteadOfRejected() throws SdpParseException {
        SessionDescription sdp = parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "m=audio 4000 RTP/AVP 0 101\na=rtpmap:101 telephone-event/8000\na=fmtp:101\n");

        assertThat(sdp.media().getFirst().fmtp(101)).isEmpty();
        assertThat(sdp.toSdp()).contains("a=fmtp:101\r\n");
    }

    @Test
    void utf8SessionName_decodesFromBytes() {
        byte[] body = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=Grüße\nc=IN IP4 192.0.2.1\nt=0 0\n"
                .getBytes(StandardCharsets.UTF_8);

        SdpParseResult result = new SdpParser(SdpLimits.DEFAULT).parse(body);

        assertThat(result).isInstanceOfSatisfying(SdpParseResult.Parsed.class,
                p -> assertThat(p.description().sessionName()).isEqualTo("Grüße"));
    }

    @Test
    void sessionWithoutMedia_isValid() throws SdpParseException {
        SessionDescription sdp = parse("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nt=0 0\n");

        assertThat(sdp.media()).isEqualTo(List.of());
        assertThat(sdp.connection()).isEmpty();
    }
}
