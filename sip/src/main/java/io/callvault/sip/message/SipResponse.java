package io.callvault.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A SIP response (RFC 3261 §7.2): status 100..699, a reason phrase (may be empty, RFC 4475 §3.1.1.13;
 * any UTF-8 text, §3.1.1.12), headers and body. Immutable; Content-Length must not be among the headers.
 */
public record SipResponse(int status, String reason, Headers headers, Body body) implements SipMessage {

    public SipResponse {
        if (status < 100 || status > 699) {
            throw new SipParseException("status code " + status + " is outside 100..699 (RFC 3261 §7.2)");
        }
        SipGrammar.checkText(Objects.requireNonNull(reason, "reason"), "reason phrase");
        Objects.requireNonNull(body, "body");
        SipRequest.checkNoContentLength(headers);
    }

    /** A response to {@code request} with the standard reason phrase; see {@link #to(SipRequest, int, String,
            String)}. */
    public static SipResponse to(SipRequest request, int status) {
        return to(request, status, defaultReason(status), null);
    }

    /** A response to {@code request} without adding a To tag (for 100 Trying, or when the To has one). */
    public static SipResponse to(SipRequest request, int status, String reason) {
        return to(request, status, reason, null);
    }

    /**
     * A response to {@code request} per RFC 3261 §8.2.6: copies every Via in order, From, Call-ID and CSeq,
     * and To; when {@code toTag} is non-null and the request's To has no tag, the tag is added (§8.2.6.2: a
     * UAS adds one to non-100 responses outside a dialog; an existing tag is never changed). A 100 also
     * copies Timestamp (§8.2.6.1). No body, no Contact: the caller adds what its method needs.
     */
    public static SipResponse to(SipRequest request, int status, String reason, String toTag) {
        Headers in = request.headers();
        List<Header> out = new ArrayList<>();
        for (String via : in.all("Via")) {
            out.add(new Header("Via", via));
        }
        in.first("From").ifPresent(v -> out.add(new Header("From", v)));
        in.first("To").ifPresent(v -> out.add(new Header("To", withTag(v, toTag))));
        in.first("Call-ID").ifPresent(v -> out.add(new Header("Call-ID", v)));
        in.first("CSeq").ifPresent(v -> out.add(new Header("CSeq", v)));
        if (status == 100) {
            in.first("Timestamp").ifPresent(v -> out.add(new Header("Timestamp", v)));
        }
        return new SipResponse(status, reason, Headers.of(out), Body.EMPTY);
    }

    private static String withTag(String to, String toTag) {
        if (toTag == null) {
            return to;
        }
        NameAddr addr = NameAddr.parse(to);
        return addr.tag().isPresent() ? to : addr.withTag(toTag).toString();
    }

    public boolean isProvisional() {
        return status < 200;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The RFC 3261 §21 reason phrase for a status code, or a class name such as "Client Error". */
    public static String defaultReason(int status) {
        return switch (status) {
            case 100 -> "Trying";
            case 180 -> "Ringing";
            case 181 -> "Call Is Being Forwarded";
            case 182 -> "Queued";
            case 183 -> "Session Progress";
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 300 -> "Multiple Choices";
            case 301 -> "Moved Permanently";
            case 302 -> "Moved Temporarily";
            case 305 -> "Use Proxy";
            case 380 -> "Alternative Service";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 407 -> "Proxy Authentication Required";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 413 -> "Request Entity Too Large";
            case 414 -> "Request-URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 416 -> "Unsupported URI Scheme";
            case 420 -> "Bad Extension";
            case 421 -> "Extension Required";
            case 423 -> "Interval Too Brief";
            case 480 -> "Temporarily Unavailable";
            case 481 -> "Call/Transaction Does Not Exist";
            case 482 -> "Loop Detected";
            case 483 -> "Too Many Hops";
            case 484 -> "Address Incomplete";
            case 485 -> "Ambiguous";
            case 486 -> "Busy Here";
            case 487 -> "Request Terminated";
            case 488 -> "Not Acceptable Here";
            case 491 -> "Request Pending";
            case 493 -> "Undecipherable";
            case 500 -> "Server Internal Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Server Time-out";
            case 505 -> "Version Not Supported";
            case 513 -> "Message Too Large";
            case 600 -> "Busy Everywhere";
            case 603 -> "Decline";
            case 604 -> "Does Not Exist Anywhere";
            case 606 -> "Not Acceptable";
            default -> switch (status / 100) {
                case 1 -> "Provisional";
                case 2 -> "Success";
                case 3 -> "Redirection";
                case 4 -> "Client Error";
                case 5 -> "Server Error";
                default -> "Global Failure";
            };
        };
    }

    @Override
    public SipResponse withHeaders(Headers newHeaders) {
        return new SipResponse(status, reason, newHeaders, body);
    }

    @Override
    public SipResponse withBody(Body newBody) {
        return new SipResponse(status, reason, headers, newBody);
    }

    @Override
    public SipResponse withBody(String contentType, Body newBody) {
        return new SipResponse(status, reason, headers.withOnly("Content-Type", contentType), newBody);
    }

    @Override
    public SipResponse withoutBody() {
        return new SipResponse(status, reason, headers.without("Content-Type"), Body.EMPTY);
    }

    @Override
    public SipResponse withHeader(String name, String value) {
        return withHeaders(headers.with(name, value));
    }

    @Override
    public SipResponse withOnlyHeader(String name, String value) {
        return withHeaders(headers.withOnly(name, value));
    }

    @Override
    public SipResponse withoutHeader(String name) {
        return withHeaders(headers.without(name));
    }

    @Override
    public SipResponse withTopVia(Via via) {
        return withHeaders(headers.withFirst("Via", via.toString()));
    }

    @Override
    public SipResponse withoutTopVia() {
        return withHeaders(headers.withoutFirst("Via"));
    }
}
