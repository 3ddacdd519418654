package io.callvault.sdp;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Field-level parsing of the lines and attributes callvault relies on. Each method either returns a
 * value or throws {@link Invalid} with the reason; {@link SdpParser} adds the line number and turns it into
 * a {@link SdpParseResult.Failed} value.
 */
final class SdpFields {
    private SdpFields() {
    }

    /** A field that breaks the grammar; internal control flow of the parser, without a stack trace. */
    static final class Invalid extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Invalid(String reason) {
            super(reason, null, false, false);
        }
    }

    /** {@code o=} (RFC 8866 §5.2). */
    static Origin origin(String value) {
        String[] f = fields(value);
        if (f.length != 6) {
            throw new Invalid("o= needs 6 fields (username sess-id sess-version nettype addrtype address), found "
                    + f.length);
        }
        long version = number(f[2], "o= session version", Long.MAX_VALUE);
        try {
            return new Origin(f[0], f[1], version, f[3], f[4], f[5]);
        } catch (IllegalArgumentException e) {
            throw new Invalid("o= " + e.getMessage());
        }
    }

    /** {@code t=} (RFC 8866 §5.9). */
    static Timing timing(String value) {
        String[] f = fields(value);
        if (f.length != 2) {
            throw new Invalid("t= needs 2 fields (start stop), found " + f.length);
        }
        return new Timing(number(f[0], "t= start time", Long.MAX_VALUE), number(f[1], "t= stop time", Long.MAX_VALUE),
                List.of());
    }

    /** {@code c=} (RFC 8866 §5.7), or the address part of {@code a=rtcp}. */
    static Connection connection(String value, String what) {
        String[] f = fields(value);
        if (f.length != 3) {
            throw new Invalid(what + " needs 3 fields (nettype addrtype address), found " + f.length);
        }
        try {
            return new Connection(f[0], f[1], f[2]);
        } catch (IllegalArgumentException e) {
            throw new Invalid(what + " " + e.getMessage());
        }
    }

    /** {@code a=rtpmap} value (RFC 8866 §6.6). */
    static Attribute.RtpMap rtpMap(String arg) {
        String[] f = fields(arg);
        String[] enc = f.length == 2 ? f[1].split("/", -1) : new String[0];
        if (f.length != 2 || enc.length < 2 || enc.length > 3 || enc[0].isEmpty()) {
            throw new Invalid("a=rtpmap: expected '<payload type> <encoding name>/<clock rate>[/<channels>]'");
        }
        int pt = payloadType(f[0], "a=rtpmap");
        int rate = (int) number(enc[1], "a=rtpmap clock rate", Integer.MAX_VALUE);
        if (rate == 0) {
            throw new Invalid("a=rtpmap clock rate must not be 0");
        }
        if (enc.length == 2) {
            return new Attribute.RtpMap(pt, enc[0], rate);
        }
        int channels = (int) number(enc[2], "a=rtpmap channel count", 255);
        if (channels == 0) {
            throw new Invalid("a=rtpmap channel count must not be 0");
        }
        return new Attribute.RtpMap(pt, enc[0], rate, OptionalInt.of(channels));
    }

    /** {@code a=fmtp} value with parameters (RFC 8866 §6.15); the caller checked there is a space. */
    static Attribute.Fmtp fmtp(String arg) {
        String s = arg.strip();
        int space = s.indexOf(' ');
        return new Attribute.Fmtp(payloadType(s.substring(0, space), "a=fmtp"), s.substring(space + 1).strip());
    }

    /** {@code a=ptime} value (RFC 8866 §6.4): whole milliseconds, {@code 20.0} accepted as 20. */
    static Attribute.Ptime ptime(String arg) {
        String s = arg.strip();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        int millis = (int) number(s, "a=ptime (whole milliseconds)", 10_000);
        if (millis == 0) {
            throw new Invalid("a=ptime must not be 0");
        }
        return new Attribute.Ptime(millis);
    }

    /** {@code a=rtcp} value (RFC 3605 §2.1). */
    static Attribute.Rtcp rtcp(String arg) {
        String[] f = fields(arg);
        if (f.length != 1 && f.length != 4) {
            throw new Invalid("a=rtcp: expected '<port>' or '<port> IN IP4|IP6 <address>' (RFC 3605 §2.1)");
        }
        int port = (int) number(f[0], "a=rtcp port", 65535);
        if (f.length == 1) {
            return new Attribute.Rtcp(port, Optional.empty());
        }
        return new Attribute.Rtcp(port, Optional.of(connection(f[1] + " " + f[2] + " " + f[3], "a=rtcp")));
    }

    static int payloadType(String text, String what) {
        int pt = MediaDescription.parsePayloadType(text);
        if (pt < 0) {
            throw new Invalid(what + " payload type must be 0 to 127, not '" + text + "'");
        }
        return pt;
    }

    /** A decimal number 0..max; no sign, no spaces. */
    static long number(String text, String what, long max) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new Invalid(what + " is not a number: '" + text + "'");
        }
        long v;
        try {
            v = Long.parseLong(text);
        } catch (NumberFormatException e) {
            v = -1; // more digits than a long holds
        }
        if (v < 0 || v > max) {
            throw new Invalid(what + " must be at most " + max + ", not " + text);
        }
        return v;
    }

    /** Fields separated by spaces; runs of spaces and tabs are tolerated. */
    static String[] fields(String value) {
        String s = value.strip();
        return s.isEmpty() ? new String[0] : s.split("[ \t]+");
    }
}
