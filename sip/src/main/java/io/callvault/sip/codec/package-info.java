/**
 * Bytes to messages and back (RFC 3261 §7, §18.3). Bad input is a value, never an exception.
 *
 * <ul>
 *   <li>{@link io.callvault.sip.codec.SipParser#parseDatagram} parses one UDP datagram into
 *       {@link io.callvault.sip.codec.ParseResult}: {@code Parsed(message)} or
 *       {@code Failed(offset, reason, partial)}, where the {@link io.callvault.sip.codec.PartialMessage}
 *       lets the transaction layer answer a broken request statelessly (400, 413, 414, 505, 513) or drop
 *       a broken response.</li>
 *   <li>{@link io.callvault.sip.codec.SipStreamFramer} frames a TCP/TLS byte stream by Content-Length
 *       into {@link io.callvault.sip.codec.StreamEvent}s: messages, keep-alive pings to answer with CRLF,
 *       and a framing error after which the connection is closed.</li>
 *   <li>{@link io.callvault.sip.codec.SipSerializer} writes the exact wire form.</li>
 *   <li>{@link io.callvault.sip.codec.Limits} bound every line, header count, body and message.</li>
 * </ul>
 *
 * <p>Strict where RFC 4475 allows a choice, so that bad bytes are never forwarded: extra or trailing
 * spaces in the request line, a Request-URI in {@code <>} or with URI headers, white space inside
 * {@code <>}, an unbracketed Contact URI holding '?', duplicated single-valued fields, a CSeq method
 * that differs from the request method, a CSeq above 2^32-1 and a Max-Forwards above 255 all fail
 * (§3.1.2.x, §3.3.8). Liberal where the RFC says parsers must not fail: unknown methods, schemes,
 * transports and fields, odd LWS and folding, escaped NULs, empty reason phrases, binary bodies,
 * RFC 2543 messages without branch or Max-Forwards. The Date field is not checked (§3.1.2.12 allows
 * ignoring it); {@code SipMessage.date()} reports a bad one. Application checks (416 for a non-SIP
 * Request-URI, 420 for Require, 415 for Content-Type, 483 for Max-Forwards 0, dropping broadcast Vias)
 * belong to the layers above.
 */
package io.callvault.sip.codec;
