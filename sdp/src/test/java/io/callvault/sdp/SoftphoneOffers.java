package io.callvault.sdp;

/**
 * Offers as softphones send them, written after what each one puts on the wire (addresses from the
 * documentation ranges). All use CRLF line ends unless the name says otherwise.
 */
final class SoftphoneOffers {
    private SoftphoneOffers() {
    }

    /** baresip 3.x: opus first, G.711, telephone-event 0-15, label/ssrc/rtcp-rsize extras. */
    static final String BARESIP = crlf("""
            v=0
            o=- 1460637373 3062837577 IN IP4 192.0.2.50
            s=-
            c=IN IP4 192.0.2.50
            t=0 0
            m=audio 17102 RTP/AVP 96 0 8 101
            b=AS:106
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-15
            a=sendrecv
            a=label:1
            a=ssrc:1419513339 cname:baresip@alice
            a=rtcp-rsize
            a=ptime:20
            """);

    /** SIPp's built-in uac scenario: PCMU only, no telephone-event, LF-only line ends as in a hand-made body. */
    static final String SIPP_UAC_LF = """
            v=0
            o=user1 53655765 2353687637 IN IP4 127.0.0.1
            s=-
            c=IN IP4 127.0.0.1
            t=0 0
            m=audio 6000 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /**
     * Linphone 5: session-level ICE and rtcp-xr attributes, many codecs with dynamic numbers reused in the
     * video section, three telephone-event clock rates, RFC 3605 a=rtcp, and a video stream.
     */
    static final String LINPHONE = crlf("""
            v=0
            o=alice 3087 1247 IN IP4 198.51.100.14
            s=Talk
            c=IN IP4 198.51.100.14
            t=0 0
            a=ice-pwd:31ec21eb38b2ec6d36e8dc7b
            a=ice-ufrag:c6acb6e4
            a=rtcp-xr:rcvr-rtt=all:10000 stat-summary=loss,dup,jitt,TTL voip-metrics
            a=record:off
            m=audio 7078 RTP/AVP 96 97 98 0 8 18 101 99 100
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 useinbandfec=1
            a=rtpmap:97 speex/16000
            a=fmtp:97 vbr=on
            a=rtpmap:98 speex/8000
            a=fmtp:98 vbr=on
            a=fmtp:18 annexb=yes
            a=rtpmap:101 telephone-event/48000
            a=rtpmap:99 telephone-event/16000
            a=rtpmap:100 telephone-event/8000
            a=rtcp:7079
            a=candidate:1 1 UDP 2130706303 198.51.100.14 7078 typ host
            a=candidate:1 2 UDP 2130706302 198.51.100.14 7079 typ host
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:* ccm tmmbr
            m=video 9078 RTP/AVP 96 97
            a=rtpmap:96 VP8/90000
            a=rtpmap:97 H264/90000
            a=fmtp:97 profile-level-id=42801F
            a=rtcp:9079
            a=rtcp-fb:* trr-int 1000
            a=rtcp-fb:96 nack pli
            """);

    /** Zoiper 5: G.722 and opus first, telephone-event 0-16 at two rates, rtcp-mux, GSM last. */
    static final String ZOIPER = crlf("""
            v=0
            o=Z 0 0 IN IP4 203.0.113.45
            s=Z
            c=IN IP4 203.0.113.45
            t=0 0
            m=audio 52488 RTP/AVP 106 9 98 101 0 8 3
            a=rtpmap:106 opus/48000/2
            a=fmtp:106 sprop-maxcapturerate=16000; minptime=20; useinbandfec=1
            a=rtpmap:98 telephone-event/48000
            a=fmtp:98 0-16
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=sendrecv
            a=rtcp-mux
            """);

    /** Zoiper putting the call on hold: a re-offer with a higher version and a=sendonly. */
    static final String ZOIPER_HOLD = crlf("""
            v=0
            o=Z 0 1 IN IP4 203.0.113.45
            s=Z
            c=IN IP4 203.0.113.45
            t=0 0
            m=audio 52488 RTP/AVP 106 9 98 101 0 8 3
            a=rtpmap:106 opus/48000/2
            a=fmtp:106 sprop-maxcapturerate=16000; minptime=20; useinbandfec=1
            a=rtpmap:98 telephone-event/48000
            a=fmtp:98 0-16
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=sendonly
            a=rtcp-mux
            """);

    /** An old phone holding the RFC 2543 way: connection address 0.0.0.0, no direction attribute. */
    static final String OLD_STYLE_HOLD = crlf("""
            v=0
            o=CiscoSystemsSIP-GW-UserAgent 4150 7391 IN IP4 192.0.2.77
            s=SIP Call
            c=IN IP4 0.0.0.0
            t=0 0
            m=audio 18456 RTP/AVP 0 101
            c=IN IP4 0.0.0.0
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            """);

    /** MicroSIP with SDES-SRTP mandatory: RTP/SAVP and a=crypto, which plain RTP/AVP negotiation refuses. */
    static final String MICROSIP_SRTP = crlf("""
            v=0
            o=- 3914134656 3914134656 IN IP4 192.0.2.33
            s=pjmedia
            b=AS:84
            t=0 0
            a=X-nat:0
            m=audio 4000 RTP/SAVP 8 0 101
            c=IN IP4 192.0.2.33
            b=TIAS:64000
            a=rtcp:4001 IN IP4 192.0.2.33
            a=sendrecv
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:WVNfX19zZW1jdGwgKCkgewkyMjA7fQp9CnVubGVz
            a=ssrc:263457123 cname:2ba4d6ea40c57e2f
            """);

    /** MicroSIP without SRTP: pjmedia layout (session b= before t=, media-level c=, a=rtcp with address). */
    static final String MICROSIP = crlf("""
            v=0
            o=- 3914134656 3914134656 IN IP4 192.0.2.33
            s=pjmedia
            b=AS:84
            t=0 0
            a=X-nat:0
            m=audio 4000 RTP/AVP 8 0 101
            c=IN IP4 192.0.2.33
            b=TIAS:64000
            a=rtcp:4001 IN IP4 192.0.2.33
            a=sendrecv
            a=rtpmap:8 PCMA/8000
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ssrc:263457123 cname:2ba4d6ea40c57e2f
            """);

    static String crlf(String lf) {
        return lf.replace("\n", "\r\n");
    }
}
