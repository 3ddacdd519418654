package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodecNegotiationTest {
    private static final Origin US = Origin.of("callvault", "5001", 1, "198.51.100.7");
    private final CodecNegotiation negotiation = CodecNegotiation.defaults();

    private SessionDescription answer(String offer) throws SdpParseException {
        NegotiationResult result = negotiation.answer(SessionDescription.parse(offer), US, "198.51.100.7", 40000);
        assertThat(result).isInstanceOf(NegotiationResult.Accepted.class);
        return ((NegotiationResult.Accepted) result).sdp();
    }

    @Test
    void baresipOffer_isAnsweredWithG711AndDtmfInOfferOrder() throws SdpParseException {
        assertThat(answer(SoftphoneOffers.BARESIP).toSdp()).isEqualTo(SoftphoneOffers.crlf("""
                v=0
                o=callvault 5001 1 IN IP4 198.51.100.7
                s=callvault
                c=IN IP4 198.51.100.7
                t=0 0
                m=audio 40000 RTP/AVP 0 8 101
                a=rtpmap:0 PCMU/8000
                a=rtpmap:8 PCMA/8000
                a=rtpmap:101 telephone-event/8000
                a=fmtp:101 0-15
                a=ptime:20
                a=sendrecv
                """));
    }

    @Test
    void sippOfferWithStaticTypeOnly_isAnsweredWithPcmu() throws SdpParseException {
        SessionDescription answer = answer(SoftphoneOffers.SIPP_UAC_LF);

        assertThat(answer.media().getFirst().formats()).containsExactly("0");
        assertThat(answer.media().getFirst().rtpMap(0)).contains(new Attribute.RtpMap(0, "PCMU", 8000));
    }

    @Test
    void linphoneOffer_picksTheNarrowbandTelephoneEventAndRejectsVideo() throws SdpParseException {
        SessionDescription answer = answer(SoftphoneOffers.LINPHONE);

        MediaDescription audio = answer.media().get(0);
        assertThat(audio.payloadTypes()).containsExactly(0, 8, 100);
        assertThat(audio.rtpMap(100)).contains(new Attribute.RtpMap(100, "telephone-event", 8000));
        assertThat(audio.fmtp(100)).as("no fmtp offered means 0-15 (RFC 4733 §2.4.1)").contains("0-15");
        MediaDescription video = answer.media().get(1);
        assertThat(video.port()).isZero();
        assertThat(video.formats()).containsExactly("96", "97");
        assertThat(video.attributes()).isEmpty();
        assertThat(answer.toSdp()).contains("m=video 0 RTP/AVP 96 97\r\n");
    }

    @Test
    void zoiperOffer_keepsFlashEventAndOffererNumbers() throws SdpParseException {
        MediaDescription audio = answer(SoftphoneOffers.ZOIPER).media().getFirst();

        assertThat(audio.payloadTypes()).containsExactly(101, 0, 8);
        assertThat(audio.fmtp(101)).contains("0-16");
        assertThat(audio.rtpMap(98)).isEmpty();
    }

    @Test
    void holdOffers_areAnsweredRecvonlyOrInactive() throws SdpParseException {
        assertThat(answer(SoftphoneOffers.ZOIPER_HOLD).direction(0)).isEqualTo(MediaDirection.RECVONLY);
        assertThat(answer(SoftphoneOffers.OLD_STYLE_HOLD).direction(0)).isEqualTo(MediaDirection.RECVONLY);
        String inactive = SoftphoneOffers.ZOIPER_HOLD.replace("a=sendonly", "a=inactive");
        assertThat(answer(inactive).direction(0)).isEqualTo(MediaDirection.INACTIVE);
        String recvonly = SoftphoneOffers.ZOIPER_HOLD.replace("a=sendonly", "a=recvonly");
        assertThat(answer(recvonly).direction(0)).isEqualTo(MediaDirection.SENDONLY);
    }

    @Test
    void srtpOffer_isRejectedWithAReasonThatNamesWhatWasOffered() throws SdpParseException {
        NegotiationResult result = negotiation.answer(SessionDescription.parse(SoftphoneOffers.MICROSIP_SRTP), US,
                "198.51.100.7", 40000);

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Rejected.class, r -> assertThat(r.reason())
                .isEqualTo("no common audio codec: offered [audio RTP/SAVP [PCMA/8000, PCMU/8000, "
                        + "telephone-event/8000]]; callvault accepts [PCMU/8000, PCMA/8000] over [RTP/AVP]"));
    }

    @Test
    void offerWithOnlyTelephoneEventInCommon_isRejected() throws SdpParseException {
        String opusOnly = "v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 96 101\n"
                + "a=rtpmap:96 opus/48000/2\na=rtpmap:101 telephone-event/8000\n";

        assertThat(negotiation.answer(SessionDescription.parse(opusOnly), US, "198.51.100.7", 40000))
                .isInstanceOf(NegotiationResult.Rejected.class);
    }

    @Test
    void codecMatching_isByNameAnyCaseRateAndChannelsNotByNumber() throws SdpParseException {
        String odd = "v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 4000 RTP/AVP 0 8 97 98\n"
                + "a=rtpmap:0 PCMU/16000\na=rtpmap:8 PCMA/8000/2\na=rtpmap:97 pcma/8000\n"
                + "a=rtpmap:98 telephone-event/8000\n"
                + "a=fmtp:98 32-49\n";

        MediaDescription audio = answer(odd).media().getFirst();

        assertThat(audio.payloadTypes()).as("97 is PCMA under a dynamic number; 98 carries no DTMF")
                .containsExactly(97);
        assertThat(audio.rtpMap(97)).contains(new Attribute.RtpMap(97, "pcma", 8000));
    }

    @Test
    void firstUsableAudioStream_carriesTheCall_othersAreRejected() throws SdpParseException {
        String twoAudio = "v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\nm=audio 0 RTP/AVP 0\n"
                + "m=audio 4000 RTP/AVP 9\nm=audio 4002 RTP/AVP 8\nm=audio 4004 RTP/AVP 0\n";

        NegotiationResult result = negotiation.answer(SessionDescription.parse(twoAudio), US, "198.51.100.7", 40000);

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class, a -> {
            assertThat(a.audioIndex()).isEqualTo(2);
            assertThat(a.sdp().media()).extracting(MediaDescription::port).containsExactly(0, 0, 40000, 0);
        });
    }

    @Test
    void filteredOffer_forTheOtherLeg_keepsOnlyWhatCallvaultAndRecorderSupport() throws SdpParseException {
        NegotiationResult result = negotiation.filterOffer(SessionDescription.parse(SoftphoneOffers.LINPHONE));

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class, a -> {
            assertThat(a.audioIndex()).isZero();
            MediaDescription audio = a.sdp().media().get(0);
            assertThat(audio.payloadTypes()).containsExactly(0, 8, 100);
            assertThat(audio.attributes()).extracting(Attribute::name).containsExactly("rtpmap", "rtcp", "candidate",
                    "candidate", "rtcp-fb", "rtcp-fb");
            assertThat(a.sdp().media().get(1).port()).isZero();
            assertThat(a.sdp().origin()).isEqualTo(new Origin("alice", "3087", 1247, "IN", "IP4", "198.51.100.14"));
        });
    }

    @Test
    void filteredOffer_narrowsTheTelephoneEventList() throws SdpParseException {
        String wide = SoftphoneOffers.BARESIP.replace("a=fmtp:101 0-15", "a=fmtp:101 0-15,32-49");

        NegotiationResult result = negotiation.filterOffer(SessionDescription.parse(wide));

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class,
                a -> assertThat(a.sdp().media().getFirst().fmtp(101)).contains("0-15"));
    }

    @Test
    void restrictingToRecorderCodecs_dropsTheOthers() throws SdpParseException {
        CodecNegotiation pcmaOnly = negotiation.restrictTo(List.of(Codec.PCMA));

        NegotiationResult result = pcmaOnly.filterOffer(SessionDescription.parse(SoftphoneOffers.BARESIP));

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class,
                a -> assertThat(a.sdp().media().getFirst().payloadTypes()).containsExactly(8, 101));
    }

    @Test
    void srtpProfile_isAcceptedWhenConfigured() throws SdpParseException {
        CodecNegotiation savp = new CodecNegotiation(List.of(Codec.PCMU, Codec.PCMA), TelephoneEvents.DTMF,
                Set.of("RTP/AVP", "RTP/SAVP"));

        NegotiationResult result = savp.filterOffer(SessionDescription.parse(SoftphoneOffers.MICROSIP_SRTP));

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class, a -> {
            assertThat(a.sdp().media().getFirst().payloadTypes()).containsExactly(8, 0, 101);
            assertThat(a.sdp().media().getFirst().fmtp(101)).contains("0-15");
            assertThat(a.sdp().media().getFirst().hasAttribute("crypto")).isTrue();
        });
    }

    @Test
    void withoutTelephoneEventSupport_dtmfTypesAreLeftOut() throws SdpParseException {
        CodecNegotiation noDtmf = new CodecNegotiation(List.of(Codec.PCMU), null, Set.of("RTP/AVP"));

        NegotiationResult result = noDtmf.answer(SessionDescription.parse(SoftphoneOffers.BARESIP), US, "198.51.100.7",
                40000);

        assertThat(result).isInstanceOfSatisfying(NegotiationResult.Accepted.class,
                a -> assertThat(a.sdp().media().getFirst().payloadTypes()).containsExactly(0));
    }
}
