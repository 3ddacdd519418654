/**
 * The SIP message model (RFC 3261 §7, §19, §20, §25): immutable, thread-safe values.
 *
 * <ul>
 *   <li>{@link io.callvault.sip.message.SipMessage} is sealed: {@link io.callvault.sip.message.SipRequest}
 *       or {@link io.callvault.sip.message.SipResponse}, each a record of start-line values,
 *       {@link io.callvault.sip.message.Headers} and a {@link io.callvault.sip.message.Body}.</li>
 *   <li>Header values are text. Typed views ({@link io.callvault.sip.message.Via},
 *       {@link io.callvault.sip.message.NameAddr}, {@link io.callvault.sip.message.CSeq},
 *       {@link io.callvault.sip.message.SipUri}, {@link io.callvault.sip.message.AuthField}...) are parsed
 *       when asked for and throw {@link io.callvault.sip.message.SipParseException} naming the text and the
 *       rule it breaks. For messages from {@code io.callvault.sip.codec.SipParser} the views of the
 *       transaction-relevant fields cannot throw: the parser has checked them.</li>
 *   <li>Invariants every message keeps, so that every message serializes to bytes the parser accepts
 *       again: no Content-Length among the headers (it is the body's length); list fields held one entry
 *       per element; header values without CR/LF; a SIP Request-URI without URI headers.</li>
 *   <li>Making messages: received ones come from the codec; new requests from
 *       {@link io.callvault.sip.message.SipRequest#builder}; responses from
 *       {@link io.callvault.sip.message.SipResponse#to}; forwarded or rewritten ones from the
 *       {@code withX} copies.</li>
 * </ul>
 */
package io.callvault.sip.message;
