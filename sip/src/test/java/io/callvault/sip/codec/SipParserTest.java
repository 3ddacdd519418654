package io.callvault.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SipParserTest {
    private final SipParser parser = new SipParser(Limits.DEFAULTS);

    private SipMessage parsed(byte[] bytes) {
        ParseResult r = parser.parseDatagram(bytes);
        assertThat(r).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) r).message();
    }

    private ParseResult.Failed failed(byte[] bytes) {
        ParseResult r = parser.parseDatagram(bytes);
        assertThat(r).isInstanceOf(ParseResult.Failed.class);
        return (ParseResult.Failed) r;
    }

    @Test
    void validInvite_parsesWithBodyAndWithoutContentLengthHeader() {
        SipRequest m = (SipRequest) parsed(Wire.crlf(Wire.invite("Content-Type: application/sdp\n", "v=0\n")));
        assertThat(m.method().name()).isEqualTo("INVITE");
        assertThat(m.body().toUtf8String()).isEqualTo("v=0\r\n");
        assertThat(m.headers().contains("Content-Length")).isFalse();
        assertThat(m.cseq().number()).isEqualTo(314159);
    }

    @Test
    void leadingCrlfs_areSkipped() {
        byte[] bytes = Wire.crlf("\n\n\n" + Wire.invite("", ""));
        assertThat(parsed(bytes)).isEqualTo(parsed(Wire.crlf(Wire.invite("", ""))));
    }

    @Test
    void onlyCrlfOrNothing_failsWithoutPartial() {
        assertThat(failed(Wire.crlf("\n\n")).reason()).contains("keep-alive");
        ParseResult.Failed empty = failed(new byte[0]);
        assertThat(empty.reason()).contains("empty");
        assertThat(empty.partial()).isEmpty();
    }

    @Test
    void noContentLengthOnUdp_bodyIsTheRestOfTheDatagram() {
        String text = Wire.invite("", "").replace("Content-Length: 0\n", "") + "v=0\nbinary\u0000tail";
        assertThat(parsed(Wire.crlf(text)).body().toUtf8String()).isEqualTo("v=0\r\nbinary\u0000tail");
    }

    @Test
    void bytesAfterTheBody_areIgnored() {
        byte[] bytes = Wire.crlf(Wire.invite("", "abcd") + "garbage INVITE sip:x SIP/2.0\n");
        assertThat(parsed(bytes).body().toUtf8String()).isEqualTo("abcd");
    }

    @Test
    void contentLengthLargerThanTheRest_failsAtTheBody() {
        String text = Wire.invite("", "abcd").replace("Content-Length: 4", "Content-Length: 40");
        ParseResult.Failed f = failed(Wire.crlf(text));
        assertThat(f.reason()).contains("Content-Length is 40 but only 4 bytes follow");
        assertThat(f.offset()).isEqualTo(Wire.crlf(text).length - 4);
        assertThat(f.partial().orElseThrow().canBeAnswered()).isTrue();
    }

    @Test
    void binaryBody_isFramedByLengthNotByLines() {
        byte[] head = Wire.crlf(Wire.invite("Content-Type: application/octet-stream\n", "").replace(
                "Content-Length: 0", "Content-Length: 6"));
        byte[] body = {0, '\n', (byte) 0xff, '\r', '\n', 0};
        byte[] all = new byte[head.length + body.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(body, 0, all, head.length, body.length);
        assertThat(parsed(all).body().toByteArray()).isEqualTo(body);
    }

    @Test
    void compactFormsAndFolding_lookUpAsLongFormsAndUnfold() {
        String text = "OPTIONS sip:carol@chicago.example.com SIP/2.0\n"
                + "v: SIP/2.0/UDP a.example.com;branch=z9hG4bK1, SIP/2.0/TCP b.example.com\n"
                + " ;branch=z9hG4bK2\n"
                + "f: <sip:x@a.example.com>;tag=1\nt: <sip:carol@chicago.example.com>\ni: id1\n"
                + "CSEQ: 2 OPTIONS\nk: 100rel, timer\nSubject: hello,\n\tworld\nl: 0\n\n";
        SipMessage m = parsed(Wire.crlf(text));
        assertThat(m.vias()).hasSize(2);
        assertThat(m.vias().get(1).branch()).contains("z9hG4bK2");
        assertThat(m.headers().all("Supported")).containsExactly("100rel", "timer");
        assertThat(m.headers().first("s")).contains("hello, world");
        assertThat(m.headers().entries().get(0).name()).isEqualTo("Via");
        assertThat(Wire.text(SipSerializer.serialize(m))).contains("\r\nCall-ID: id1\r\n").contains("CSeq: 2 OPTIONS");
    }

    @Test
    void byteBufferInput_positionUntouched_directAndHeapAlike() {
        byte[] bytes = Wire.crlf(Wire.invite("", ""));
        ByteBuffer heap = ByteBuffer.allocate(bytes.length + 10).position(5).put(bytes).flip().position(5);
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
        assertThat(((ParseResult.Parsed) parser.parseDatagram(heap)).message()).isEqualTo(parsed(bytes));
        assertThat(((ParseResult.Parsed) parser.parseDatagram(direct)).message()).isEqualTo(parsed(bytes));
        assertThat(heap.position()).isEqualTo(5);
        assertThat(direct.position()).isZero();
    }

    @Test
    void nettyByteBufInput_readerIndexUntouched_heapAndDirectAlike() {
        byte[] bytes = Wire.crlf(Wire.invite("", ""));
        ByteBuf heap = Unpooled.buffer().writeBytes(new byte[3]).writeBytes(bytes).skipBytes(3);
        ByteBuf direct = Unpooled.directBuffer().writeBytes(bytes);
        try {
            assertThat(((ParseResult.Parsed) parser.parseDatagram(heap)).message()).isEqualTo(parsed(bytes));
            assertThat(((ParseResult.Parsed) parser.parseDatagram(direct)).message()).isEqualTo(parsed(bytes));
            assertThat(heap.readerIndex()).isEqualTo(3);
            assertThat(direct.readerIndex()).isZero();
        } finally {
            heap.release();
            direct.release();
        }
    }

    @Test
    void failureOffsets_countFromTheStartOfTheDatagram() {
        byte[] bytes = Wire.crlf(Wire.invite("Bad Header: x\n", ""));
        byte[] padded = new byte[bytes.length + 7];
        System.arraycopy(bytes, 0, padded, 7, bytes.length);
        ParseResult.Failed direct = failed(bytes);
        ParseResult r = parser.parseDatagram(padded, 7, bytes.length);
        assertThat(((ParseResult.Failed) r).offset()).isEqualTo(direct.offset());
        assertThat(direct.reason()).contains("header name 'Bad Header' is not a token");
        assertThat(new String(bytes, direct.offset(), 10, StandardCharsets.US_ASCII)).isEqualTo("Bad Header");
    }

    @Test
    void bareLfOrBadUtf8_fail() {
        assertThat(failed(Wire.invite("", "").getBytes(StandardCharsets.UTF_8)).reason()).contains("bare LF");
        byte[] bytes = Wire.crlf(Wire.invite("X-Name: caf\u00e9\n", ""));
        int at = Wire.text(bytes).indexOf("caf") + 3;
        bytes[at] = (byte) 0xc3;
        bytes[at + 1] = (byte) 0x28;
        assertThat(failed(bytes).reason()).contains("not valid UTF-8");
    }

    @Test
    void badRequest_partialAnswersWithItsViasAndATag() {
        String text = Wire.invite("", "").replace("Max-Forwards: 70\n",
                "Via: SIP/2.0/UDP proxy.example.com;branch=z9hG4bKp\nMax-Forwards: 300\n");
        ParseResult.Failed f = failed(Wire.crlf(text));
        assertThat(f.reason()).contains("Max-Forwards");
        SipResponse answer = f.partial().orElseThrow().rejection("srv-tag").orElseThrow();
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.reason()).isEqualTo("Bad Request");
        assertThat(answer.vias()).extracting(v -> v.host())
                .containsExactly("pc33.atlanta.example.com", "proxy.example.com");
        assertThat(answer.to().tag()).contains("srv-tag");
        assertThat(answer.from().tag()).contains("1928301774");
        assertThat(answer.cseq().method().name()).isEqualTo("INVITE");
    }

    @Test
    void badAckOrBadResponse_isNeverAnswered() {
        String ack = Wire.invite("", "").replace("INVITE sip", "ACK sip").replace("314159 INVITE", "314159 ACK")
                .replace("Max-Forwards: 70", "Max-Forwards: 999");
        assertThat(failed(Wire.crlf(ack)).partial().orElseThrow().canBeAnswered()).isFalse();
        String response = "SIP/2.0 200 OK\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK1\nFrom: <sip:a@h>;tag=1\n"
                + "To: <sip:b@h>\nCall-ID: c\nCSeq: x INVITE\nContent-Length: 0\n\n";
        PartialMessage partial = failed(Wire.crlf(response)).partial().orElseThrow();
        assertThat(partial.request()).isFalse();
        assertThat(partial.rejection(null)).isEmpty();
    }

    @Test
    void listHeadersSplit_unknownHeadersKeptWhole() {
        SipMessage m = parsed(Wire.crlf(Wire.invite("Allow: INVITE, ACK,BYE\nX-List: a, b\n"
                + "Warning: 301 example.com \"a, b\"\n", "")));
        assertThat(m.headers().all("Allow")).containsExactly("INVITE", "ACK", "BYE");
        assertThat(m.headers().all("X-List")).containsExactly("a, b");
        assertThat(m.headers().all("Warning")).containsExactly("301 example.com \"a, b\"");
    }

    @Test
    void versionOtherThan2_0_isAnswered505() {
        String text = Wire.invite("", "").replace(" SIP/2.0\n", " SIP/3.0\n");
        ParseResult.Failed f = failed(Wire.crlf(text));
        assertThat(f.partial().orElseThrow().rejection("t").orElseThrow().status()).isEqualTo(505);
    }

    @Test
    void contactWildcard_acceptedAloneOnly() {
        String register = "REGISTER sip:example.com SIP/2.0\nVia: SIP/2.0/UDP h.example.com;branch=z9hG4bK9\n"
                + "From: <sip:a@example.com>;tag=1\nTo: <sip:a@example.com>\nCall-ID: r1\nCSeq: 9 REGISTER\n"
                + "Contact: *\nExpires: 0\nContent-Length: 0\n\n";
        assertThat(parsed(Wire.crlf(register)).isContactWildcard()).isTrue();
        assertThat(failed(Wire.crlf(register.replace("Contact: *", "Contact: *, <sip:a@h.example.com>")))
                .reason()).contains("only Contact");
    }
}
