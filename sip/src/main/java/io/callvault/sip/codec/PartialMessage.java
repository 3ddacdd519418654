package io.callvault.sip.codec;

import io.callvault.sip.message.Body;
import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What could be read from a message that failed to parse: whether it looked like a request, its method
 * if the request line had a valid one, and those of Via, From, To, Call-ID and CSeq whose values are
 * well-formed (all Vias or none; the first good value of the others). Enough to answer a request per
 * RFC 3261 §8.2.6 and to match it to a transaction; responses that fail are dropped (§18.1.2).
 *
 * @param rejectStatus the status the answer should carry: 400 by default, 505 for an unsupported SIP
 *     version, 413 for a body over the limit, 414 for an overlong request line, 513 for a message over
 *     the limits
 */
public record PartialMessage(boolean request, Optional<Method> method, Headers headers, int rejectStatus) {

    public PartialMessage {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(headers, "headers");
        if (rejectStatus < 400 || rejectStatus > 699) {
            throw new IllegalArgumentException("rejectStatus must be a final error status, got " + rejectStatus);
        }
    }

    /** True for a request that is not an ACK and has every field a response must copy (§8.2.6.2). */
    public boolean canBeAnswered() {
        if (!request || !headers.contains("Via") || !headers.contains("From") || !headers.contains("To")
                || !headers.contains("Call-ID") || !headers.contains("CSeq")) {
            return false;
        }
        Method m = method.orElseGet(() -> CSeq.parse(headers.first("CSeq").orElseThrow()).method());
        return !m.equals(Method.ACK);
    }

    /**
     * The stateless rejection (status {@link #rejectStatus}) to send back over the transport the request
     * came on, or empty when {@link #canBeAnswered()} is false. {@code toTag} is added to the To field
     * unless it has a tag already; pass null to leave To as it is.
     */
    public Optional<SipResponse> rejection(String toTag) {
        if (!canBeAnswered()) {
            return Optional.empty();
        }
        List<Header> out = new ArrayList<>();
        for (String via : headers.all("Via")) {
            out.add(new Header("Via", via));
        }
        out.add(new Header("From", headers.first("From").orElseThrow()));
        NameAddr to = NameAddr.parse(headers.first("To").orElseThrow());
        String toValue = toTag == null || to.tag().isPresent() ? headers.first("To").orElseThrow()
                : to.withTag(toTag).toString();
        out.add(new Header("To", toValue));
        out.add(new Header("Call-ID", headers.first("Call-ID").orElseThrow()));
        out.add(new Header("CSeq", headers.first("CSeq").orElseThrow()));
        return Optional.of(new SipResponse(rejectStatus, SipResponse.defaultReason(rejectStatus),
                Headers.of(out), Body.EMPTY));
    }
}
