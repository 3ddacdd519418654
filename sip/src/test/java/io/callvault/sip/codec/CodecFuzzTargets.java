package io.callvault.sip.codec;

import io.callvault.sip.message.SipMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The properties every input must satisfy, shared by the Jazzer fuzz tests and the plain corpus test:
 * the parser and framer never throw, every result is Parsed or Failed, a parsed message survives
 * serialize-then-parse unchanged, and the framer finds the same events however the bytes are split.
 */
final class CodecFuzzTargets {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    private CodecFuzzTargets() {
    }

    static void datagram(byte[] data) {
        ParseResult result = PARSER.parseDatagram(data);
        switch (result) {
            case ParseResult.Parsed parsed -> checkRoundTrip(parsed.message());
            case ParseResult.Failed failed -> checkFailure(failed, data.length);
        }
    }

    /**
     * Feeds {@code data} to one framer in one piece and to another in chunks whose size (1 to 32 bytes)
     * comes from the first byte; both must report the same messages, pings and framing errors.
     */
    static void stream(byte[] data) {
        List<Object> whole = events(data, data.length);
        int chunk = data.length == 0 ? 1 : 1 + (data[0] & 0x1f);
        List<Object> split = events(data, chunk);
        if (!whole.equals(split)) {
            throw new AssertionError("framing depends on how the bytes are split (chunks of " + chunk + "):\n  "
                    + whole + "\n  " + split);
        }
    }

    private static List<Object> events(byte[] data, int chunk) {
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        List<Object> out = new ArrayList<>();
        for (int off = 0; off < data.length || (off == 0 && data.length == 0); off += chunk) {
            ByteBuffer piece = ByteBuffer.wrap(data, off, Math.min(chunk, data.length - off));
            for (StreamEvent event : framer.feed(piece)) {
                out.add(summary(event, data.length));
            }
            if (piece.hasRemaining()) {
                throw new AssertionError("the framer left " + piece.remaining() + " bytes unread");
            }
            if (data.length == 0) {
                break;
            }
        }
        out.add("buffered=" + framer.bufferedBytes() + " broken=" + framer.isBroken());
        return out;
    }

    private static Object summary(StreamEvent event, int length) {
        return switch (event) {
            case StreamEvent.Message m -> {
                if (m.result() instanceof ParseResult.Parsed parsed) {
                    checkRoundTrip(parsed.message());
                } else {
                    checkFailure((ParseResult.Failed) m.result(), length);
                }
                yield m;
            }
            case StreamEvent.KeepAlivePing ping -> ping;
            case StreamEvent.FramingError error -> {
                checkFailure(error.failure(), Integer.MAX_VALUE);
                yield "framing error at " + error.failure().offset() + ": " + error.failure().reason();
            }
        };
    }

    private static void checkRoundTrip(SipMessage message) {
        SipMessage again = SipParserRoundTrip.roundTrip(message);
        if (!again.equals(message)) {
            throw new AssertionError("round trip changed the message:\n  " + message + "\n  " + again);
        }
    }

    private static void checkFailure(ParseResult.Failed failed, int length) {
        if (failed.reason().startsWith("parser defect") || failed.offset() < 0 || failed.offset() > length) {
            throw new AssertionError("bad failure value: " + failed);
        }
    }
}
