/**
 * The SIP transaction layer (RFC 3261 §17, with RFC 6026): {@link io.callvault.sip.transaction.TransactionLayer}
 * sits between the transport and the transaction user (the B2BUA).
 *
 * <p>One small class per state machine, each with its states as an enum and its transitions in one
 * switch: {@code InviteClientTransaction} (§17.1.1), {@code NonInviteClientTransaction} (§17.1.2),
 * {@code InviteServerTransaction} (§17.2.1), {@code NonInviteServerTransaction} (§17.2.2). Timers come
 * from an injected {@link io.callvault.core.time.Scheduler} with the values of
 * {@link io.callvault.sip.transaction.SipTimers}; nothing sleeps.
 *
 * <p>RFC 6026 choices: both INVITE machines have the Accepted state. The client stays Accepted for
 * Timer M (64*T1) after the first 2xx and hands every further 2xx (retransmissions, other forks) to the
 * listener, which sends the ACK each time; a 2xx after that goes to
 * {@link io.callvault.sip.transaction.TransactionUser#onStrayResponse}. The server stays Accepted for
 * Timer L (64*T1) after the TU's 2xx: it absorbs INVITE retransmissions (so a late retransmission does
 * not reach the TU as a new call), passes matching ACKs to the TU and sends the 2xx retransmissions the
 * TU makes, but never retransmits a 2xx itself: that stays the TU's job until the ACK arrives
 * (§13.3.1.4).
 *
 * <p>Threading: see {@code Transaction}: one lock per transaction, TU callbacks outside it and in order.
 */
package io.callvault.sip.transaction;
