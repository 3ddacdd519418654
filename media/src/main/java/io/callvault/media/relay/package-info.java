/**
 * The media anchor: every call's RTP and RTCP pass through callvault's own UDP sockets, so both directions
 * can be recorded, and later masked or paused, whatever the phones do.
 *
 * <pre>
 *  phone A ──RTP──▶ [leg A rtp socket] ─▶ check ─▶ latch ─▶ RelayChain stages ─▶ [leg B rtp socket] ──▶ phone B
 *  phone A ◀──RTP── [leg A rtp socket] ◀─ (the same path, mirrored) ◀──────────── [leg B rtp socket] ◀── phone B
 *  RTCP: the same between the two legs' rtcp sockets, without stages.
 * </pre>
 *
 * <ul>
 *   <li>{@link io.callvault.media.relay.MediaRelay}: one per server; event loops (epoll or NIO), port pool.</li>
 *   <li>{@link io.callvault.media.relay.RelaySession}: one per call; local ports for the SDP, far ends from
 *       the SDP, statistics, idle time, close.</li>
 *   <li>{@link io.callvault.media.relay.RelayChain} of {@link io.callvault.media.relay.RelayStage}s:
 *       {@code Observe} (the recording tap) and {@code Rewrite} (DTMF masking, announcements).</li>
 *   <li>{@link io.callvault.media.relay.RtpPortPool}: even/odd port pairs, skipping ports held elsewhere.</li>
 * </ul>
 *
 * <p>Contracts in one place: packets of one session are handled on one event-loop thread; buffers are
 * pooled and direct, the received buffer is the one sent (no payload copy), stages see views valid only
 * during their call; nothing is logged per packet; every dropped packet is counted by
 * {@link io.callvault.media.relay.DropReason}. The latching rule and its limits are on {@code Latch}.
 *
 * <p>Not here: SRTP (the relay forwards SRTP opaquely, but the tap needs keys), ICE/STUN (dropped as
 * malformed), transcoding, and mixing RTCP-mux with non-mux legs.
 */
package io.callvault.media.relay;
