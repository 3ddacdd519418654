package io.callvault.sip.codec;

import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.HeaderNames;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipGrammar;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.Via;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A tolerant second look at a message that failed: it reads lines ending in LF or CRLF up to the first
 * empty line, joins continuation lines, and keeps the Via, From, To, Call-ID and CSeq values that parse.
 * Bounded by the limits: it reads at most {@link Limits#maxMessageSize()} bytes and
 * {@link Limits#maxHeaderCount()} lines, and skips lines longer than {@link Limits#maxLineLength()}.
 */
final class Salvage {
    private static final List<String> WANTED = List.of("via", "from", "to", "call-id", "cseq");

    private Salvage() {
    }

    static Optional<PartialMessage> scan(byte[] buf, int from, int to, Limits limits, int status) {
        int end = Math.min(to, from + limits.maxMessageSize());
        int pos = from;
        while (pos < end && (buf[pos] == '\r' || buf[pos] == '\n')) {
            pos++;
        }
        List<String> lines = new ArrayList<>();
        while (pos < end && lines.size() <= limits.maxHeaderCount()) {
            int lf = pos;
            while (lf < end && buf[lf] != '\n') {
                lf++;
            }
            int stop = lf > pos && buf[lf - 1] == '\r' ? lf - 1 : lf;
            if (stop == pos) {
                break;
            }
            String line = stop - pos > limits.maxLineLength() ? ""
                    : new String(buf, pos, stop - pos, StandardCharsets.UTF_8);
            if (!lines.isEmpty() && !line.isEmpty() && SipGrammar.isWhitespace(line.charAt(0))) {
                int last = lines.size() - 1;
                if (lines.get(last).length() + line.length() <= limits.maxLineLength()) {
                    lines.set(last, SipGrammar.trimLws(lines.get(last)) + " " + SipGrammar.trimLws(line));
                }
            } else {
                lines.add(line);
            }
            pos = lf + 1;
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        String startLine = lines.get(0);
        boolean request = !StartLine.looksLikeResponse(startLine);
        Optional<Method> method = Optional.empty();
        int sp = startLine.indexOf(' ');
        if (request && sp > 0 && SipGrammar.isToken(startLine.substring(0, sp))) {
            method = Optional.of(new Method(startLine.substring(0, sp)));
        }
        Headers headers = wanted(lines.subList(1, lines.size()));
        if (headers.size() == 0 && method.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PartialMessage(request, method, headers, status));
    }

    private static Headers wanted(List<String> lines) {
        Map<String, List<Header>> found = new LinkedHashMap<>();
        boolean viasBroken = false;
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String key;
            try {
                key = HeaderNames.key(SipGrammar.trimLws(line.substring(0, colon)));
            } catch (SipParseException notAToken) {
                continue;
            }
            if (!WANTED.contains(key) || (!key.equals("via") && found.containsKey(key))) {
                continue;
            }
            try {
                List<Header> values = Headers.of(List.of(new Header(key, line.substring(colon + 1)))).entries();
                for (Header h : values) {
                    check(key, h.value());
                }
                found.computeIfAbsent(key, k -> new ArrayList<>()).addAll(values);
            } catch (IllegalArgumentException bad) {
                viasBroken |= key.equals("via");
            }
        }
        if (viasBroken) {
            found.remove("via");
        }
        List<Header> out = new ArrayList<>();
        for (String key : WANTED) {
            out.addAll(found.getOrDefault(key, List.of()));
        }
        return Headers.of(out);
    }

    private static void check(String key, String value) {
        switch (key.toLowerCase(Locale.ROOT)) {
            case "via" -> Via.parse(value);
            case "from", "to" -> NameAddr.parse(value);
            case "call-id" -> SipCallId.parse(value);
            default -> CSeq.parse(value);
        }
    }
}
