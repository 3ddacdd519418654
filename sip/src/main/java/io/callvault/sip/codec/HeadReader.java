package io.callvault.sip.codec;

import io.callvault.sip.message.SipGrammar;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the head of one message into its start line and header fields (RFC 3261 §7, §7.3.1): lines end
 * in CRLF (a bare CR or LF is an error), a line starting with SP or HTAB continues the field before it
 * and is joined with one SP, the head ends at the first empty line. Text must be UTF-8 (§25.1). Applies
 * {@link Limits#maxLineLength()} and {@link Limits#maxHeaderCount()}. Offsets are absolute in the buffer.
 */
final class HeadReader {

    /** One header field: name as written, value unfolded and trimmed, offset of its first line. */
    record Field(int offset, String name, String value) {
    }

    record Head(String startLine, List<Field> fields, int bodyOffset) {
    }

    private HeadReader() {
    }

    /** The start line alone, so that its faults are reported before those of later lines. */
    static String startLine(byte[] buf, int from, int to, Limits limits) throws Reject {
        return decode(buf, from, lineEnd(buf, from, to, limits, "the start line", 414), "the start line");
    }

    static Head read(byte[] buf, int from, int to, Limits limits) throws Reject {
        int lineEnd = lineEnd(buf, from, to, limits, "the start line", 414);
        String startLine = decode(buf, from, lineEnd, "the start line");
        List<Field> fields = new ArrayList<>();
        int pos = lineEnd + 2;
        int fieldOffset = -1;
        int fieldBytes = 0;
        String name = null;
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos + 1 >= to) {
                throw new Reject(to, "the header section ends without an empty line (CRLF CRLF):"
                        + " the message is truncated (RFC 3261 §7)");
            }
            if (buf[pos] == '\r' && buf[pos + 1] == '\n') {
                if (name != null) {
                    fields.add(new Field(fieldOffset, name, value.toString()));
                }
                return new Head(startLine, fields, pos + 2);
            }
            int end = lineEnd(buf, pos, to, limits, "a header line", 400);
            if (buf[pos] == ' ' || buf[pos] == '\t') {
                if (name == null) {
                    throw new Reject(pos, "a continuation line (starting with white space) has no header field"
                            + " before it (RFC 3261 §7.3.1)");
                }
                fieldBytes += end - pos;
                if (fieldBytes > limits.maxLineLength()) {
                    throw new Reject(pos, "header field " + name + " with its continuation lines is longer than "
                            + limits.maxLineLength() + " bytes (Limits.maxLineLength)");
                }
                String piece = SipGrammar.trimLws(decode(buf, pos, end, "header field " + name));
                int len = value.length();
                while (len > 0 && (value.charAt(len - 1) == ' ' || value.charAt(len - 1) == '\t')) {
                    len--;
                }
                value.setLength(len);
                if (!piece.isEmpty()) {
                    value.append(len == 0 ? "" : " ").append(piece);
                }
            } else {
                if (name != null) {
                    fields.add(new Field(fieldOffset, name, value.toString()));
                }
                if (fields.size() >= limits.maxHeaderCount()) {
                    throw new Reject(pos, "more than " + limits.maxHeaderCount()
                            + " header fields (Limits.maxHeaderCount)", 513);
                }
                String line = decode(buf, pos, end, "a header line");
                int colon = line.indexOf(':');
                if (colon < 0) {
                    throw new Reject(pos, "header line '" + SipGrammar.shown(line) + "' has no ':' (RFC 3261 §7.3.1)");
                }
                name = SipGrammar.trimLws(line.substring(0, colon));
                if (!SipGrammar.isToken(name)) {
                    throw new Reject(pos, "header name '" + SipGrammar.shown(name)
                            + "' is not a token (RFC 3261 §7.3.1)");
                }
                fieldOffset = pos;
                fieldBytes = end - pos;
                value.setLength(0);
                value.append(SipGrammar.trimLws(line.substring(colon + 1)));
            }
            pos = end + 2;
        }
    }

    /** Index of the CR of the CRLF ending the line that starts at {@code from}. */
    private static int lineEnd(byte[] buf, int from, int to, Limits limits, String what, int tooLongStatus)
            throws Reject {
        int max = Math.min(to, from + limits.maxLineLength() + 1);
        for (int i = from; i < max; i++) {
            byte b = buf[i];
            if (b == '\n') {
                throw new Reject(i, "bare LF in " + what + ": SIP lines end in CRLF (RFC 3261 §7)");
            }
            if (b == '\r') {
                if (i + 1 >= to) {
                    throw new Reject(i, what + " ends in CR without LF: the message is truncated");
                }
                if (buf[i + 1] != '\n') {
                    throw new Reject(i, "bare CR in " + what + ": SIP lines end in CRLF (RFC 3261 §7)");
                }
                return i;
            }
        }
        if (max < to || to - from > limits.maxLineLength()) {
            throw new Reject(from + limits.maxLineLength(), what + " is longer than " + limits.maxLineLength()
                    + " bytes (Limits.maxLineLength)", tooLongStatus);
        }
        throw new Reject(to, what + " is not terminated by CRLF: the message is truncated");
    }

    private static String decode(byte[] buf, int from, int to, String what) throws Reject {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = buf[i] >= 0;
        }
        if (ascii) {
            return new String(buf, from, to - from, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buf, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new Reject(from, what + " is not valid UTF-8 (RFC 3261 §25.1)");
        }
    }
}
