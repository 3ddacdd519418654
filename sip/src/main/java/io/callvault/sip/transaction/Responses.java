package io.callvault.sip.transaction;

import io.callvault.sip.message.CSeq;
import io.callvault.sip.message.SipParseException;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import java.security.SecureRandom;
import java.util.HexFormat;

/** Small helpers for responses the layer builds or checks, and the random identifiers it needs. */
final class Responses {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_DIAGNOSTIC = 120;

    private Responses() {
    }

    /** Unpredictable hex: branches and tags must be globally unique, and guessing them enables spoofing. */
    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** A To tag for a response the layer creates itself (§19.3: at least 32 random bits). */
    static String newTag() {
        return randomHex(8);
    }

    static void checkCSeq(SipRequest request, SipResponse response) {
        CSeq expected = request.cseq();
        CSeq got;
        try {
            got = response.cseq();
        } catch (SipParseException e) {
            throw new IllegalArgumentException("the response has no usable CSeq (" + e.getMessage()
                    + "); build it with SipResponse.to(request, status)", e);
        }
        if (!got.equals(expected)) {
            throw new IllegalArgumentException("response CSeq '" + got + "' does not match the request's '"
                    + expected + "'; build it with SipResponse.to(request, status)");
        }
    }

    /**
     * {@code response} with {@code diagnostic} appended to its reason phrase, e.g. {@code 400 Bad Request
     * (Content-Length is 9999 but only 8 bytes follow...)}. The text comes from a peer's malformed
     * message, so it is cut to 120 characters and limited to printable ASCII that the Reason-Phrase
     * grammar allows (§25.1): quotes become ', brackets become parentheses, '§' becomes "sec. ", other
     * characters become '_'.
     */
    static SipResponse withDiagnostic(SipResponse response, String diagnostic) {
        String clean = sanitise(diagnostic);
        if (clean.isEmpty()) {
            return response;
        }
        return new SipResponse(response.status(), response.reason() + " (" + clean + ")", response.headers(),
                response.body());
    }

    static String sanitise(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_DIAGNOSTIC) + 8);
        int i = 0;
        for (; i < text.length() && out.length() < MAX_DIAGNOSTIC; i++) {
            char c = text.charAt(i);
            if (c == '§') {
                out.append("sec. ");
            } else if (c == '"') {
                out.append('\'');
            } else if (c == '<' || c == '[' || c == '{') {
                out.append('(');
            } else if (c == '>' || c == ']' || c == '}') {
                out.append(')');
            } else if (isAllowed(c)) {
                out.append(c);
            } else if (c >= 0x20) {
                out.append('_');
            }
        }
        if (i < text.length()) {
            out.setLength(Math.min(out.length(), MAX_DIAGNOSTIC - 3));
            out.append("...");
        }
        return out.toString().strip();
    }

    /** SP, alphanumerics, mark and reserved characters: ASCII a Reason-Phrase may hold unescaped. */
    private static boolean isAllowed(char c) {
        return c == ' ' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-_.!~*'();/?:@&=+$,".indexOf(c) >= 0;
    }
}
