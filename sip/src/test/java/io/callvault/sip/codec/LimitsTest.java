package io.callvault.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every limit is checked on entry and, when exceeded, gives a failure that names it. */
class LimitsTest {
    private static final Limits SMALL = new Limits(200, 12, 100, 1_000);
    private final SipParser parser = new SipParser(SMALL);

    private ParseResult.Failed failed(String text) {
        ParseResult r = parser.parseDatagram(Wire.crlf(text));
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return (ParseResult.Failed) r;
    }

    @Test
    void constructor_rejectsNonsense() {
        assertThatThrownBy(() -> new Limits(200, 12, 100, 10)).hasMessageContaining("maxMessageSize");
        assertThatThrownBy(() -> new Limits(10, 12, 100, 1_000)).hasMessageContaining("maxLineLength");
        assertThatThrownBy(() -> new Limits(2_000, 12, 100, 1_000)).hasMessageContaining("maxLineLength");
        assertThatThrownBy(() -> new Limits(200, 0, 100, 1_000)).hasMessageContaining("maxHeaderCount");
        assertThatThrownBy(() -> new Limits(200, 12, -1, 1_000)).hasMessageContaining("maxBodySize");
        assertThatThrownBy(() -> new Limits(200, 12, 2_000, 1_000)).hasMessageContaining("maxBodySize");
        assertThatThrownBy(() -> new SipParser(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void defaults_parseTheWithinLimitsMessage() {
        assertThat(parser.parseDatagram(Wire.crlf(Wire.invite("", "body")))).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void longHeaderLine_failsNamingMaxLineLength() {
        ParseResult.Failed f = failed(Wire.invite("Subject: " + "x".repeat(300) + "\n", ""));
        assertThat(f.reason()).contains("Limits.maxLineLength");
        assertThat(f.partial().orElseThrow().canBeAnswered()).isTrue();
    }

    @Test
    void longFoldedHeader_countsItsContinuationLines() {
        String folded = "Subject: start\n" + " continued-with-forty-characters-of-text\n".repeat(6);
        assertThat(failed(Wire.invite(folded, "")).reason()).contains("continuation lines").contains("200 bytes");
    }

    @Test
    void longRequestLine_failsAs414() {
        ParseResult.Failed f = failed(Wire.invite("", "").replace("sip:bob@", "sip:" + "b".repeat(300) + "@"));
        assertThat(f.reason()).contains("start line").contains("Limits.maxLineLength");
        assertThat(f.partial().orElseThrow().rejectStatus()).isEqualTo(414);
    }

    @Test
    void tooManyHeaderFields_failsNamingMaxHeaderCount() {
        ParseResult.Failed f = failed(Wire.invite("X-A: 1\n".repeat(5), ""));
        assertThat(f.reason()).contains("more than 12 header fields").contains("Limits.maxHeaderCount");
    }

    @Test
    void bodyOverLimit_failsAs413() {
        ParseResult.Failed f = failed(Wire.invite("", "b".repeat(101)));
        assertThat(f.reason()).contains("body of 101 bytes").contains("Limits.maxBodySize");
        assertThat(f.partial().orElseThrow().rejection("t").orElseThrow().status()).isEqualTo(413);
    }

    @Test
    void datagramOverLimit_failsNamingMaxMessageSize() {
        String big = Wire.invite("", "").replace("Content-Length: 0\n", "") + "b".repeat(1_000);
        ParseResult.Failed f = failed(big);
        assertThat(f.reason()).contains("Limits.maxMessageSize");
        assertThat(f.offset()).isEqualTo(1_000);
        ParseResult viaBuffer = parser.parseDatagram(ByteBuffer.wrap(Wire.crlf(big)));
        assertThat(((ParseResult.Failed) viaBuffer).reason()).contains("Limits.maxMessageSize");
    }

    @Test
    void stream_lineWithoutEnd_failsAsSoonAsItIsTooLong() {
        SipStreamFramer framer = new SipStreamFramer(parser);
        assertThat(framer.feed(ByteBuffer.wrap(Wire.crlf("INVITE sip:" + "a".repeat(150))))).isEmpty();
        List<StreamEvent> events = framer.feed(ByteBuffer.wrap(Wire.crlf("a".repeat(100))));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.FramingError.class,
                e -> assertThat(e.failure().reason()).contains("Limits.maxLineLength"));
        assertThat(framer.isBroken()).isTrue();
        assertThat(framer.bufferedBytes()).isZero();
    }

    @Test
    void stream_headWithoutEnd_failsNamingMaxMessageSize() {
        SipStreamFramer framer = new SipStreamFramer(parser);
        List<StreamEvent> events = framer.feed(ByteBuffer.wrap(Wire.crlf("OPTIONS sip:a SIP/2.0\n"
                + "X-Filler: abcdefghij\n".repeat(60))));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.FramingError.class,
                e -> assertThat(e.failure().reason()).contains("Limits.maxMessageSize"));
    }

    @Test
    void stream_contentLengthOverLimit_failsBeforeTheBodyArrives() {
        SipStreamFramer framer = new SipStreamFramer(parser);
        String head = Wire.invite("", "").replace("Content-Length: 0", "Content-Length: 5000");
        List<StreamEvent> events = framer.feed(ByteBuffer.wrap(Wire.crlf(head)));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.FramingError.class, e -> {
            assertThat(e.failure().reason()).contains("Limits.maxBodySize");
            assertThat(e.failure().partial().orElseThrow().rejectStatus()).isEqualTo(413);
        });
    }
}
