package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SipStreamFramerTest {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    /** Three messages back to back, one with a binary body, a ping and a stray CRLF between them. */
    private static byte[] pipeline() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Wire.crlf("\n\n"));
        out.writeBytes(Wire.crlf(Wire.invite("Content-Type: application/sdp\n", "v=0\no=- 1 1 IN IP4 127.0.0.1\n")));
        out.writeBytes(Wire.crlf("\n"));
        byte[] head = Wire.crlf(Wire.invite("Content-Type: application/octet-stream\n", "")
                .replace("Content-Length: 0", "Content-Length: 5").replace("314159", "314160"));
        out.writeBytes(head);
        out.writeBytes(new byte[] {'\r', '\n', 0, '\r', '\n'});
        out.writeBytes(Wire.crlf("\n\n"));
        out.writeBytes(Wire.crlf("SIP/2.0 180 Ringing\nVia: SIP/2.0/TCP h.example.com;branch=z9hG4bK1\n"
                + "From: <sip:a@h.example.com>;tag=1\nTo: <sip:b@h.example.com>;tag=2\nCall-ID: c1\n"
                + "CSeq: 1 INVITE\nContent-Length: 0\n\n"));
        return out.toByteArray();
    }

    private static List<StreamEvent> feedInPieces(byte[] data, int... cuts) {
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        List<StreamEvent> events = new ArrayList<>();
        int from = 0;
        for (int cut : cuts) {
            events.addAll(framer.feed(ByteBuffer.wrap(data, from, cut - from)));
            from = cut;
        }
        events.addAll(framer.feed(ByteBuffer.wrap(data, from, data.length - from)));
        assertThat(framer.bufferedBytes()).isZero();
        return events;
    }

    @Test
    void severalMessagesInOneBuffer_allComeOutInOrderWithThePings() {
        List<StreamEvent> events = feedInPieces(pipeline());
        assertThat(events).hasSize(5);
        assertThat(events.get(0)).isInstanceOf(StreamEvent.KeepAlivePing.class);
        assertThat(events.get(3)).isInstanceOf(StreamEvent.KeepAlivePing.class);
        assertThat(events).filteredOn(StreamEvent.Message.class::isInstance)
                .allSatisfy(e -> assertThat(((StreamEvent.Message) e).result()).isInstanceOf(ParseResult.Parsed.class));
        ParseResult.Parsed binary = (ParseResult.Parsed) ((StreamEvent.Message) events.get(2)).result();
        assertThat(binary.message().body().toByteArray()).containsExactly('\r', '\n', 0, '\r', '\n');
    }

    @Test
    void splitAtEveryByteBoundary_givesTheSameEvents() {
        byte[] data = pipeline();
        List<StreamEvent> whole = feedInPieces(data);
        for (int cut = 1; cut < data.length; cut++) {
            assertThat(feedInPieces(data, cut)).as("cut at %d", cut).isEqualTo(whole);
        }
        int[] everyByte = new int[data.length - 1];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = i + 1;
        }
        assertThat(feedInPieces(data, everyByte)).isEqualTo(whole);
    }

    @Test
    void nettyByteBuf_isReadCompletelyAndNotReleased() {
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        ByteBuf buf = Unpooled.wrappedBuffer(pipeline());
        assertThat(framer.feed(buf)).hasSize(5);
        assertThat(buf.isReadable()).isFalse();
        assertThat(buf.refCnt()).isEqualTo(1);
        buf.release();
    }

    @Test
    void badHeaderWithGoodFraming_isAFailedMessageAndTheStreamGoesOn() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(Wire.crlf(Wire.invite("", "").replace("CSeq: 314159 INVITE", "CSeq: 99999999999 INVITE")));
        out.writeBytes(Wire.crlf(Wire.invite("", "")));
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        List<StreamEvent> events = framer.feed(ByteBuffer.wrap(out.toByteArray()));
        assertThat(events).hasSize(2);
        ParseResult.Failed bad = (ParseResult.Failed) ((StreamEvent.Message) events.get(0)).result();
        assertThat(bad.reason()).contains("CSeq");
        assertThat(((StreamEvent.Message) events.get(1)).result()).isInstanceOf(ParseResult.Parsed.class);
        assertThat(framer.isBroken()).isFalse();
    }

    @Test
    void missingContentLength_breaksTheStream() {
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        byte[] noLength = Wire.crlf(Wire.invite("", "").replace("Content-Length: 0\n", ""));
        List<StreamEvent> events = framer.feed(ByteBuffer.wrap(noLength));
        assertThat(events).singleElement().isInstanceOfSatisfying(StreamEvent.FramingError.class, e -> {
            assertThat(e.failure().reason()).contains("required on stream transports");
            assertThat(e.failure().partial().orElseThrow().canBeAnswered()).isTrue();
        });
        assertThat(framer.isBroken()).isTrue();
        assertThat(framer.feed(ByteBuffer.wrap(Wire.crlf(Wire.invite("", ""))))).isEmpty();
    }

    @Test
    void negativeOrDoubleContentLength_breaksTheStream() {
        for (String bad : List.of("Content-Length: -1", "Content-Length: 0\nl: 0")) {
            byte[] data = Wire.crlf(Wire.invite("", "").replace("Content-Length: 0", bad));
            assertThat(new SipStreamFramer(PARSER).feed(ByteBuffer.wrap(data))).as(bad)
                    .singleElement().isInstanceOf(StreamEvent.FramingError.class);
        }
    }

    @Test
    void incompleteMessage_waitsForTheRest() {
        SipStreamFramer framer = new SipStreamFramer(PARSER);
        byte[] data = Wire.crlf(Wire.invite("", "0123456789"));
        assertThat(framer.feed(ByteBuffer.wrap(data, 0, data.length - 3))).isEmpty();
        assertThat(framer.bufferedBytes()).isEqualTo(data.length - 3);
        assertThat(framer.feed(ByteBuffer.wrap(data, data.length - 3, 3))).singleElement()
                .isInstanceOf(StreamEvent.Message.class);
    }

    @Test
    void tortureMessagesOverAStream_frameOrBreakButNeverThrow() {
        for (String file : SipCorpora.rfc4475Files()) {
            SipStreamFramer framer = new SipStreamFramer(PARSER);
            List<StreamEvent> events = framer.feed(ByteBuffer.wrap(SipCorpora.rfc4475(file)));
            if (file.equals("inv2543.dat") || file.equals("ncl.dat") || file.equals("mcl01.dat")) {
                assertThat(events).as(file).singleElement().isInstanceOf(StreamEvent.FramingError.class);
            }
            if (file.equals("clerr.dat") || file.equals("baddn.dat")) {
                assertThat(events).as(file + " waits for bytes that never come").isEmpty();
            }
            if (file.equals("dblreq.dat")) {
                assertThat(events).as(file + ": REGISTER, INVITE, then the SDP bytes past its Content-Length")
                        .extracting(e -> e.getClass().getSimpleName())
                        .containsExactly("Message", "Message", "FramingError");
            }
        }
    }
}
