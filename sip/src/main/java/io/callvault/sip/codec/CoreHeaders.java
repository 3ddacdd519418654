package io.callvault.sip.codec;

import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.MaxForwards;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipGrammar;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.Via;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks that make a parsed message safe to hand to the transaction layer: Via, From, To, Call-ID
 * and CSeq are present (RFC 3261 §8.1.1, §8.2.6.2; Max-Forwards may be absent for RFC 2543 peers, RFC
 * 4475 §3.4.1); From, To, Call-ID, CSeq and Max-Forwards appear once (§7.3.1; RFC 4475 §3.3.8); Via,
 * From, To, Call-ID, CSeq, Max-Forwards, Contact, Route and Record-Route parse; a request's CSeq method
 * is its method (§8.1.1.5; RFC 4475 §3.1.2.17). Other fields are not read.
 */
final class CoreHeaders {
    private static final List<String> MANDATORY = List.of("via", "from", "to", "call-id", "cseq");
    private static final List<String> SINGLE = List.of("from", "to", "call-id", "cseq", "max-forwards");

    private CoreHeaders() {
    }

    /** Builds the headers (Content-Length left out) and checks them; {@code headEnd} is the empty line. */
    static Headers check(StartLine line, List<HeadReader.Field> fields, int headEnd) throws Reject {
        List<Header> all = new ArrayList<>(fields.size() + 4);
        Map<String, Integer> seen = new HashMap<>();
        CSeq cseq = null;
        int cseqOffset = -1;
        int contacts = 0;
        boolean wildcard = false;
        for (HeadReader.Field f : fields) {
            Header header;
            try {
                header = new Header(f.name(), f.value());
            } catch (IllegalArgumentException e) {
                throw new Reject(f.offset(), e.getMessage());
            }
            String key = header.name().toLowerCase(Locale.ROOT);
            if (key.equals("content-length")) {
                continue;
            }
            if (seen.merge(key, 1, Integer::sum) > 1 && SINGLE.contains(key)) {
                throw new Reject(f.offset(), header.name() + " appears more than once; it is single-valued"
                        + " (RFC 3261 §7.3.1; RFC 4475 §3.3.8)");
            }
            List<Header> split = Headers.of(List.of(header)).entries();
            for (Header h : split) {
                try {
                    switch (key) {
                        case "via" -> Via.parse(h.value());
                        case "from", "to" -> NameAddr.parse(h.value());
                        case "call-id" -> SipCallId.parse(h.value());
                        case "cseq" -> {
                            cseq = CSeq.parse(h.value());
                            cseqOffset = f.offset();
                        }
                        case "max-forwards" -> MaxForwards.parse(h.value());
                        case "contact" -> {
                            contacts++;
                            if (h.value().equals("*")) {
                                wildcard = true;
                            } else {
                                NameAddr.parse(h.value());
                            }
                        }
                        case "route", "record-route" -> NameAddr.parseBracketed(h.value());
                        default -> {
                        }
                    }
                } catch (SipParseException e) {
                    throw new Reject(f.offset(), "bad " + header.name() + " header field: " + e.getMessage());
                }
            }
            all.addAll(split);
        }
        List<String> missing = new ArrayList<>();
        for (String key : MANDATORY) {
            if (!seen.containsKey(key)) {
                missing.add(new Header(key, "").name());
            }
        }
        if (!missing.isEmpty()) {
            throw new Reject(headEnd, "missing mandatory header fields: " + String.join(", ", missing)
                    + " (RFC 3261 §8.1.1; RFC 4475 §3.3.1)");
        }
        if (wildcard && contacts > 1) {
            throw new Reject(headEnd, "Contact '*' must be the only Contact (RFC 3261 §10.2.2)");
        }
        if (line instanceof StartLine.RequestLine request && !request.method().equals(cseq.method())) {
            throw new Reject(cseqOffset, "CSeq method " + SipGrammar.shown(cseq.method().name())
                    + " does not match the request method " + SipGrammar.shown(request.method().name())
                    + " (RFC 3261 §8.1.1.5; RFC 4475 §3.1.2.17)");
        }
        return Headers.of(all);
    }
}
