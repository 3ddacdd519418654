package io.callvault.sip.b2bua;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.Via;
import io.callvault.sip.transaction.TransactionLayer;
import io.callvault.sip.transport.Peer;
import io.callvault.sip.transport.SipTransport;
import io.callvault.sip.transport.TransportKind;
import java.net.InetSocketAddress;

/**
 * One dialog of a call as the B2BUA sees it (RFC 3261 §12): the Call-ID, our tag and URI, the peer's tag
 * and remote target, our CSeq, and where the peer's messages really come from. Mutable; guarded by the
 * call's lock.
 */
final class Leg {
    final Side side;
    final SipCallId callId;
    /** Our end of the dialog: From of requests we send (with our tag). */
    NameAddr local;
    /** The peer's end: To of requests we send (with the peer's tag once known). */
    NameAddr remote;
    /** Where in-dialog requests go (the peer's Contact). */
    NameAddr remoteTarget;
    /** Where the peer's packets come from; requests are sent there (symmetric, NAT-friendly). */
    final Peer peer;
    long localCSeq;

    Leg(Side side, SipCallId callId, NameAddr local, NameAddr remote, NameAddr remoteTarget, Peer peer,
        long firstCSeq) {
        this.side = side;
        this.callId = callId;
        this.local = local;
        this.remote = remote;
        this.remoteTarget = remoteTarget;
        this.peer = peer;
        this.localCSeq = firstCSeq;
    }

    String localTag() {
        return local.tag().orElseThrow();
    }

    /** A new in-dialog request on this leg (§12.2.1.1), with a fresh Via branch and the next CSeq. */
    SipRequest request(Method method, SipTransport transport) {
        long cseq = method.equals(Method.ACK) || method.equals(Method.CANCEL) ? localCSeq : ++localCSeq;
        return SipRequest.builder(method, remoteTarget.uri())
                .via(via(transport, TransactionLayer.newBranch()))
                .maxForwards(70)
                .from(local)
                .to(remote)
                .callId(callId)
                .cseq(cseq)
                .contact(contact(transport))
                .build();
    }

    Via via(SipTransport transport, String branch) {
        InetSocketAddress a = transport.localAddress(peer.transport());
        return Via.of(peer.transport().name(), a.getAddress().getHostAddress(), a.getPort(), branch);
    }

    NameAddr contact(SipTransport transport) {
        return contact(transport, peer.transport());
    }

    static NameAddr contact(SipTransport transport, TransportKind kind) {
        InetSocketAddress a = transport.localAddress(kind);
        String uri = "sip:callvault@" + a.getAddress().getHostAddress() + ":" + a.getPort()
                + (kind == TransportKind.TCP ? ";transport=tcp" : "");
        return NameAddr.parse("<" + uri + ">");
    }
}
