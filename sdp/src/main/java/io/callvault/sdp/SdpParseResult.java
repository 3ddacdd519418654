package io.callvault.sdp;

import java.util.Objects;

/** What {@link SdpParser} produced: a description, or the first problem with its line number. */
public sealed interface SdpParseResult {

    /** The description, or a checked exception carrying the failure. */
    SessionDescription orElseThrow() throws SdpParseException;

    record Parsed(SessionDescription description) implements SdpParseResult {
        public Parsed {
            Objects.requireNonNull(description, "description");
        }

        @Override
        public SessionDescription orElseThrow() {
            return description;
        }
    }

    /**
     * The body is unusable. {@code line} is 1-based (0 for the body as a whole), {@code text} the offending
     * line as received (shortened to 120 characters; empty when there is no single line to show).
     */
    record Failed(int line, String reason, String text) implements SdpParseResult {
        public Failed {
            if (line < 0) {
                throw new IllegalArgumentException("line must not be negative: " + line);
            }
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
        }

        @Override
        public SessionDescription orElseThrow() throws SdpParseException {
            throw new SdpParseException(line, reason, text);
        }

        /** One line for a log or a SIP Warning header, e.g. {@code SDP line 5: ... (m=audio x RTP/AVP 0)}. */
        public String message() {
            return describe(line, reason, text);
        }

        static String describe(int line, String reason, String text) {
            String where = line == 0 ? "SDP: " : "SDP line " + line + ": ";
            return text.isEmpty() ? where + reason : where + reason + " (" + text + ")";
        }
    }
}
