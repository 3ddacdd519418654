package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SIP request (RFC 3261 §7.1). Immutable; {@code withX} methods return copies. Content-Length must
 * not be among the headers (it is derived from the body), and a SIP Request-URI carries no URI headers
 * (§19.1.1), so every request built here serializes to one the parser accepts. New outgoing requests are made with
 * {@link #builder(Method, Uri)}; requests received are made by the codec.
 */
public record SipRequest(Method method, Uri requestUri, Headers headers, Body body) implements SipMessage {

    public SipRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(body, "body");
        checkNoContentLength(headers);
        if (requestUri instanceof SipUri sip && !sip.headers().isEmpty()) {
            throw new IllegalArgumentException("a Request-URI must not carry URI headers ('?...', RFC 3261"
                    + " §19.1.1); turn them into header fields: " + SipGrammar.shown(requestUri.toString()));
        }
    }

    static void checkNoContentLength(Headers headers) {
        if (Objects.requireNonNull(headers, "headers").contains("Content-Length")) {
            throw new IllegalArgumentException("Content-Length is derived from the body; remove it from the"
                    + " headers (the serializer writes it)");
        }
    }

    public static Builder builder(Method method, Uri requestUri) {
        return new Builder(method, requestUri);
    }

    public SipRequest withRequestUri(Uri uri) {
        return new SipRequest(method, uri, headers, body);
    }

    @Override
    public SipRequest withHeaders(Headers newHeaders) {
        return new SipRequest(method, requestUri, newHeaders, body);
    }

    @Override
    public SipRequest withBody(Body newBody) {
        return new SipRequest(method, requestUri, headers, newBody);
    }

    @Override
    public SipRequest withBody(String contentType, Body newBody) {
        return new SipRequest(method, requestUri, headers.withOnly("Content-Type", contentType), newBody);
    }

    @Override
    public SipRequest withoutBody() {
        return new SipRequest(method, requestUri, headers.without("Content-Type"), Body.EMPTY);
    }

    @Override
    public SipRequest withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    @Override
    public SipRequest withOnlyHeader(String name, String value) {
        return withHeaders(headers.withOnly(name, value));
    }

    @Override
    public SipRequest withoutHeader(String name) {
        return withHeaders(headers.without(name));
    }

    @Override
    public SipRequest withTopVia(Via via) {
        return withHeaders(headers.withFirst("Via", via.toString()));
    }

    @Override
    public SipRequest withoutTopVia() {
        return withHeaders(headers.withoutFirst("Via"));
    }

    /**
     * Builds a new outgoing request (RFC 3261 §8.1.1): Via, From, To, Call-ID and CSeq are required;
     * Max-Forwards defaults to 70; CSeq takes the request's method. Fields are written in the order
     * Via, Max-Forwards, Route, From, To, Call-ID, CSeq, Contact, other fields, Content-Type. Not
     * thread-safe; use once.
     */
    public static final class Builder {
        private final Method method;
        private final Uri requestUri;
        private final List<Via> vias = new ArrayList<>();
        private final List<NameAddr> routes = new ArrayList<>();
        private final List<NameAddr> contacts = new ArrayList<>();
        private final List<Header> extra = new ArrayList<>();
        private MaxForwards maxForwards = MaxForwards.DEFAULT;
        private NameAddr from;
        private NameAddr to;
        private SipCallId callId;
        private long cseq = -1;
        private String contentType;
        private Body body = Body.EMPTY;

        private Builder(Method method, Uri requestUri) {
            this.method = Objects.requireNonNull(method, "method");
            this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
        }

        /** Adds a Via below those added before (the first one added is the top Via). */
        public Builder via(Via via) {
            vias.add(Objects.requireNonNull(via, "via"));
            return this;
        }

        public Builder maxForwards(int hops) {
            maxForwards = new MaxForwards(hops);
            return this;
        }

        public Builder route(NameAddr route) {
            routes.add(Objects.requireNonNull(route, "route"));
            return this;
        }

        public Builder from(NameAddr value) {
            from = Objects.requireNonNull(value, "from");
            return this;
        }

        public Builder to(NameAddr value) {
            to = Objects.requireNonNull(value, "to");
            return this;
        }

        public Builder callId(SipCallId value) {
            callId = Objects.requireNonNull(value, "callId");
            return this;
        }

        public Builder cseq(long number) {
            cseq = new CSeq(number, method).number();
            return this;
        }

        public Builder contact(NameAddr contact) {
            contacts.add(Objects.requireNonNull(contact, "contact"));
            return this;
        }

        /** Any other field, appended in call order. */
        public Builder header(String name, String value) {
            Header h = new Header(name, value);
            if (h.is("Content-Length") || h.is("Content-Type")) {
                throw new IllegalArgumentException(h.name() + " is set through body(contentType, body)");
            }
            extra.add(h);
            return this;
        }

        public Builder body(String type, Body value) {
            contentType = Objects.requireNonNull(type, "contentType");
            body = Objects.requireNonNull(value, "body");
            return this;
        }

        public SipRequest build() {
            List<String> missing = new ArrayList<>();
            if (vias.isEmpty()) {
                missing.add("Via");
            }
            if (from == null) {
                missing.add("From");
            }
            if (to == null) {
                missing.add("To");
            }
            if (callId == null) {
                missing.add("Call-ID");
            }
            if (cseq < 0) {
                missing.add("CSeq");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("cannot build " + method + " " + requestUri + ": missing "
                        + String.join(", ", missing) + " (RFC 3261 §8.1.1)");
            }
            List<Header> out = new ArrayList<>();
            vias.forEach(v -> out.add(new Header("Via", v.toString())));
            out.add(new Header("Max-Forwards", maxForwards.toString()));
            routes.forEach(r -> out.add(new Header("Route", r.toString())));
            out.add(new Header("From", from.toString()));
            out.add(new Header("To", to.toString()));
            out.add(new Header("Call-ID", callId.value()));
            out.add(new Header("CSeq", new CSeq(cseq, method).toString()));
            contacts.forEach(c -> out.add(new Header("Contact", c.toString())));
            out.addAll(extra);
            if (contentType != null) {
                out.add(new Header("Content-Type", contentType));
            }
            return new SipRequest(method, requestUri, Headers.of(out), body);
        }
    }
}
