package io.callvault.sip.transaction;

import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import io.callvault.sip.transport.Peer;
import java.net.InetSocketAddress;

/** Test messages: a phone at 192.0.2.10 calling bob through a loose-routing proxy. */
final class Msg {
    static final Peer PHONE = Peer.udp(new InetSocketAddress("192.0.2.10", 5062));
    static final Peer PHONE_TCP = Peer.tcp(new InetSocketAddress("192.0.2.10", 40_123));
    static final Peer TRUNK = Peer.udp(new InetSocketAddress("198.51.100.7", 5060));
    static final Peer TRUNK_TCP = Peer.tcp(new InetSocketAddress("198.51.100.7", 5060));

    private Msg() {
    }

    static SipRequest request(Method method, String branch) {
        return request(method, branch, "192.0.2.10:5062", 1);
    }

    static SipRequest request(Method method, String branch, String sentBy, long cseq) {
        return SipRequest.builder(method, SipUri.parse("sip:bob@example.com"))
                .via(Via.parse("SIP/2.0/UDP " + sentBy + ";branch=" + branch + ";rport"))
                .via(Via.parse("SIP/2.0/UDP 10.0.0.1:5060;branch=z9hG4bK-lower"))
                .route(NameAddr.parseBracketed("<sip:proxy.example.com;lr>"))
                .from(NameAddr.parse("\"Alice\" <sip:alice@example.com>;tag=a1"))
                .to(NameAddr.parse("<sip:bob@example.com>"))
                .callId(new SipCallId("call-1@192.0.2.10"))
                .cseq(cseq)
                .contact(NameAddr.parse("<sip:alice@192.0.2.10:5062>"))
                .build();
    }

    static SipRequest invite(String branch) {
        return request(Method.INVITE, branch);
    }

    static SipResponse response(SipRequest request, int status, String toTag) {
        return SipResponse.to(request, status, SipResponse.defaultReason(status), toTag);
    }

    /** The ACK a UAC sends for a non-2xx final: same branch (§17.1.1.3). */
    static SipRequest ackFor(SipRequest invite, SipResponse response) {
        return InviteClientTransaction.ackFor(invite, response);
    }

    /** The ACK a UAC sends for a 2xx: its own transaction, so a new branch (§13.2.2.4). */
    static SipRequest ackFor2xx(SipRequest invite, SipResponse response, String branch) {
        SipRequest ack = InviteClientTransaction.ackFor(invite, response);
        return ack.withHeaders(ack.headers().withOnly("Via", invite.topVia().withBranch(branch).toString()));
    }

    /** CANCEL per §9.1: the INVITE's Request-URI, Call-ID, From, To, CSeq number, top Via and Route. */
    static SipRequest cancelFor(SipRequest invite) {
        SipRequest ack = InviteClientTransaction.ackFor(invite, response(invite, 100, null));
        return new SipRequest(Method.CANCEL, invite.requestUri(), ack.headers()
                .withOnly("CSeq", new CSeq(invite.cseq().number(), Method.CANCEL).toString()), ack.body());
    }
}
