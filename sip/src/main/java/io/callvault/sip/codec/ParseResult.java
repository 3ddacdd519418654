package io.callvault.sip.codec;

import io.callvault.sip.message.SipMessage;
import java.util.Objects;
import java.util.Optional;

/** The outcome of parsing one message: a message, or a failure as a value (never an exception). */
public sealed interface ParseResult {

    /** A well-formed message whose core header fields have been checked (see {@link SipParser}). */
    record Parsed(SipMessage message) implements ParseResult {
        public Parsed {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The input is not a message callvault accepts.
     *
     * @param offset byte offset, from the start of the datagram or stream message, where the fault was found
     * @param reason what is wrong and which rule or limit it breaks, for logs
     * @param partial whatever Via, From, To, Call-ID and CSeq could still be read, so the transaction
     *     layer can answer a request (see {@link PartialMessage#rejection}) or drop a response
     */
    record Failed(int offset, String reason, Optional<PartialMessage> partial) implements ParseResult {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(partial, "partial");
        }
    }
}
