package io.callvault.sip.b2bua;

import io.callvault.core.time.Scheduler;
import io.callvault.sdp.SessionDescription;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.transaction.ClientTransaction;
import io.callvault.sip.transaction.ServerTransaction;
import java.time.Instant;

/**
 * One call through the B2BUA: the caller's dialog (we are its UAS), the callee's dialog (we are its UAC),
 * the media session and what the call record needs. A transfer replaces one side's dialog with a new one
 * we started (see {@link CallTransfer}); the call keeps its label and the caller's original Call-ID. All fields are guarded by {@code this}: every event
 * of a call (responses, requests from either side, timers) runs under that lock.
 */
final class Call {
    enum State { CALLING, EARLY, ANSWERED, CONFIRMED, ENDED }

    final String label;
    final ServerTransaction callerInvite;
    final SipRequest callerRequest;
    /** The dialog with whoever is on the caller's side now (a transfer replaces it). */
    Leg caller;
    Leg callee;
    /** A transfer in progress (REFER accepted, the new party not answered yet); null otherwise. */
    CallTransfer.Pending transfer;
    /** Dialogs a transfer replaced, until their BYE is done: a BYE on one of them does not end the call. */
    final java.util.List<Leg> retired = new java.util.ArrayList<>();
    /** The newest SDP each party sent (offer or answer): what a transfer target is offered. */
    SessionDescription callerSdp;
    SessionDescription calleeSdp;
    SipRequest calleeInvite;
    /** The SDP offer sent to the callee, kept to re-send the INVITE with trunk credentials. */
    io.callvault.sip.message.Body calleeBody;
    /** The trunk the callee leg goes to, if it goes outside. */
    java.util.Optional<TrunkRoute> trunk = java.util.Optional.empty();
    boolean authAttempted;
    ClientTransaction calleeTx;
    MediaAnchor.MediaSession media;
    SessionDescription callerOffer;
    int callerAudioIndex = -1;
    SessionDescription calleeAnswer;
    int calleeAudioIndex = -1;

    State state = State.CALLING;
    boolean cancelled;
    /** The caller is hearing an early announcement; the callee's INVITE has not been sent yet. */
    boolean announcing;
    /** The 2xx we retransmit to the caller until its ACK arrives (RFC 3261 §13.3.1.4). */
    SipResponse callerOk;
    Scheduler.Cancellable okRetransmit;
    /** Gives up on a callee that rings too long; cancelled when the call is answered or ends. */
    Scheduler.Cancellable ringTimer;

    final String callerNumber;
    final String callerName;
    final String calleeNumber;
    /** internal (extension to extension), out (to a trunk) or in (from a trunk). */
    io.callvault.core.Direction direction = io.callvault.core.Direction.INTERNAL;
    final Instant startedAt;
    Instant answeredAt;
    Instant endedAt;
    String disposition = "";
    int finalStatus;
    String endedBy = "";

    Call(String label, ServerTransaction callerInvite, SipRequest callerRequest, Leg caller, String callerNumber,
         String callerName, String calleeNumber, Instant startedAt) {
        this.label = label;
        this.callerInvite = callerInvite;
        this.callerRequest = callerRequest;
        this.caller = caller;
        this.callerNumber = callerNumber;
        this.callerName = callerName;
        this.calleeNumber = calleeNumber;
        this.startedAt = startedAt;
        party(Side.CALLER, callerNumber, callerName);
        party(Side.CALLEE, calleeNumber, "");
    }

    /** Who is on each side now (number and display name): the callee, then whoever a transfer put there. */
    private final java.util.EnumMap<Side, String> partyNumber = new java.util.EnumMap<>(Side.class);
    private final java.util.EnumMap<Side, String> partyName = new java.util.EnumMap<>(Side.class);

    String party(Side side) {
        return partyNumber.getOrDefault(side, "");
    }

    String partyName(Side side) {
        return partyName.getOrDefault(side, "");
    }

    void party(Side side, String number, String name) {
        partyNumber.put(side, number);
        partyName.put(side, name);
    }

    Leg leg(Side side) {
        return side == Side.CALLER ? caller : callee;
    }

    void replaceLeg(Side side, Leg leg) {
        if (side == Side.CALLER) {
            caller = leg;
        } else {
            callee = leg;
        }
    }

    SessionDescription sdp(Side side) {
        return side == Side.CALLER ? callerSdp : calleeSdp;
    }

    void sdp(Side side, SessionDescription sdp) {
        if (side == Side.CALLER) {
            callerSdp = sdp;
        } else {
            calleeSdp = sdp;
        }
    }

    /**
     * Whether the party on {@code side} is one of our extensions (authenticated by digest or reached through
     * the registrar), not a trunk: only they may transfer the call.
     */
    boolean isExtension(Side side) {
        return side == Side.CALLER ? direction != io.callvault.core.Direction.IN
                : direction != io.callvault.core.Direction.OUT;
    }

    /** Every dialog of the call the registry may know: both sides, the retired ones, a transfer's new one. */
    java.util.List<Leg> allLegs() {
        java.util.List<Leg> all = new java.util.ArrayList<>(retired);
        all.add(caller);
        if (callee != null) {
            all.add(callee);
        }
        if (transfer != null) {
            all.add(transfer.target);
        }
        return all;
    }

    boolean ended() {
        return state == State.ENDED;
    }

    CallEvents.CallSummary summary() {
        return new CallEvents.CallSummary(label, callerRequest.callId().value(), callerNumber, callerName, calleeNumber, direction.label(),
                startedAt, answeredAt, endedAt, disposition, finalStatus, endedBy);
    }
}
