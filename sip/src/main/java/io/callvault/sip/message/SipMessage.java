package io.callvault.sip.message;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An immutable SIP message (RFC 3261 §7): start line, header fields and body. Header values are held as
 * text; the typed views below parse them on each call and throw {@link SipParseException} with the
 * offending text when they are malformed or missing. For a message produced by {@code SipParser} the
 * views for Via, From, To, Call-ID, CSeq, Max-Forwards, Contact, Route and Record-Route never throw: the
 * parser has checked them. Content-Length is not a header here: it is the body's length, written by
 * the serializer.
 */
public sealed interface SipMessage permits SipRequest, SipResponse {

    Headers headers();

    Body body();

    SipMessage withHeaders(Headers headers);

    /** A copy with this body; Content-Type is left as it is. */
    SipMessage withBody(Body body);

    /** A copy with this body and Content-Type. */
    SipMessage withBody(String contentType, Body body);

    /** A copy without body and without Content-Type. */
    SipMessage withoutBody();

    /** A copy with the value appended ({@link Headers#with}). */
    SipMessage withHeader(String name, String value);

    /** A copy where the field has exactly this value ({@link Headers#withOnly}). */
    SipMessage withOnlyHeader(String name, String value);

    SipMessage withoutHeader(String name);

    /** A copy with {@code via} pushed on top (RFC 3261 §16.6 step 8). */
    SipMessage withTopVia(Via via);

    /** A copy with the top Via removed (RFC 3261 §8.1.3.3 / §16.7 step 3). */
    SipMessage withoutTopVia();

    default SipCallId callId() {
        return SipCallId.parse(required("Call-ID"));
    }

    default CSeq cseq() {
        return CSeq.parse(required("CSeq"));
    }

    default NameAddr from() {
        return NameAddr.parse(required("From"));
    }

    default NameAddr to() {
        return NameAddr.parse(required("To"));
    }

    /** Every Via value, top first. */
    default List<Via> vias() {
        return headers().all("Via").stream().map(Via::parse).toList();
    }

    default Via topVia() {
        return Via.parse(required("Via"));
    }

    default Optional<MaxForwards> maxForwards() {
        return headers().first("Max-Forwards").map(MaxForwards::parse);
    }

    /** True when the only Contact is {@code *} (REGISTER removing all bindings, RFC 3261 §10.2.2). */
    default boolean isContactWildcard() {
        List<String> all = headers().all("Contact");
        return all.size() == 1 && all.get(0).equals("*");
    }

    /** Every Contact value; throws for {@code *}, see {@link #isContactWildcard()}. */
    default List<NameAddr> contacts() {
        return headers().all("Contact").stream().map(NameAddr::parse).toList();
    }

    default List<NameAddr> routes() {
        return headers().all("Route").stream().map(NameAddr::parseBracketed).toList();
    }

    default List<NameAddr> recordRoutes() {
        return headers().all("Record-Route").stream().map(NameAddr::parseBracketed).toList();
    }

    /**
     * The Expires field in seconds (RFC 3261 §20.19: 0 to 2^32-1). Not checked by the parser; a
     * registrar or notifier decides what to do with a bad one (RFC 4475 §3.1.2.4 allows 400).
     */
    default OptionalLong expires() {
        Optional<String> raw = headers().first("Expires");
        if (raw.isEmpty()) {
            return OptionalLong.empty();
        }
        long seconds = Digits.parse(raw.get(), 0xFFFF_FFFFL);
        if (seconds < 0) {
            throw new SipParseException("Expires '" + SipGrammar.shown(raw.get())
                    + "' is not a number of seconds in 0..2^32-1 (RFC 3261 §20.19)");
        }
        return OptionalLong.of(seconds);
    }

    default Optional<String> contentType() {
        return headers().first("Content-Type");
    }

    /** Every value of an auth field (Authorization, WWW-Authenticate, Proxy-*), parsed. */
    default List<AuthField> authFields(String headerName) {
        List<AuthField> out = new ArrayList<>();
        for (String v : headers().all(headerName)) {
            out.add(AuthField.parse(v));
        }
        return out;
    }

    /**
     * The Date field (RFC 3261 §20.17: rfc1123-date, GMT only). callvault does not use Date, so the
     * parser does not check it (RFC 4475 §3.1.2.12 allows ignoring it); this view throws for a value
     * such as {@code Fri, 01 Jan 2010 16:00:00 EST}.
     */
    default Optional<Instant> date() {
        Optional<String> raw = headers().first("Date");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String v = raw.get();
        try {
            if (!v.endsWith(" GMT")) {
                throw new DateTimeParseException("time zone must be GMT", v, v.length());
            }
            return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new SipParseException("Date '" + SipGrammar.shown(v)
                    + "' is not an RFC 1123 date in GMT (RFC 3261 §20.17): "
                    + e.getMessage());
        }
    }

    private String required(String name) {
        return headers().first(name).orElseThrow(
                () -> new SipParseException("the message has no " + name + " header field"));
    }
}
