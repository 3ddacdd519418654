/**
 * Session descriptions (RFC 8866, which obsoletes RFC 4566) and the offer/answer rules callvault needs as a
 * media-anchoring B2BUA (RFC 3264), with RFC 3605 {@code a=rtcp} and RFC 4733 telephone-event.
 *
 * <ul>
 *   <li>{@link io.callvault.sdp.SessionDescription} and its parts are immutable records; every line the
 *       model does not interpret is kept verbatim, in order, and written back.</li>
 *   <li>{@link io.callvault.sdp.SdpParser} turns text into a description or a
 *       {@link io.callvault.sdp.SdpParseResult.Failed failure} naming the line number and the reason; it
 *       never throws on bad input. {@link io.callvault.sdp.SdpSerializer} writes CRLF lines.</li>
 *   <li>{@link io.callvault.sdp.CodecNegotiation} answers offers and filters offers forwarded to the other
 *       leg, keeping the offerer's payload numbers and order (RFC 3264 §6.1).</li>
 * </ul>
 */
package io.callvault.sdp;
