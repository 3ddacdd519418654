package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad bodies give a failure value naming the line and the reason; nothing throws, nothing half-parses. */
class SdpParserErrorTest {
    private static final String HEAD = "v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n";

    private static SdpParseResult.Failed failure(String text) {
        SdpParseResult result = new SdpParser(SdpLimits.DEFAULT).parse(text);
        assertThat(result).isInstanceOf(SdpParseResult.Failed.class);
        return (SdpParseResult.Failed) result;
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            v=1\\no=- 1 1 IN IP4 a\\ns=-                                  | 1 | unsupported SDP version
            o=- 1 1 IN IP4 192.0.2.1\\nv=0                                 | 1 | the first line must be v=0
            v=0\\ns=-\\no=- 1 1 IN IP4 a                                   | 2 | expected the o= line
            v=0\\no=- 1 1 IN IP4 192.0.2.1\\nc=IN IP4 192.0.2.1            | 3 | expected the s= line
            v=0\\no=- 1 IN IP4 192.0.2.1\\ns=-                             | 2 | o= needs 6 fields
            v=0\\no=- 1 x IN IP4 192.0.2.1\\ns=-                           | 2 | o= session version is not a number: 'x'
            v=0\\no=- 1 1 IN IP5 192.0.2.1\\ns=-                           | 2 | address type must be IP4 or IP6
            v=0\\no=- 1 99999999999999999999 IN IP4 a\\ns=-                | 2 | o= session version must be at most
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nc=ATM NSAP x                    | 4 | network type must be IN
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nc=IN IP4                        | 4 | c= needs 3 fields
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nc=IN IP4 a\\nc=IN IP4 b         | 5 | second c= line at session level
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nt=now 0                         | 4 | t= start time is not a number
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nr=7d 1h 0                       | 4 | r= (repeat times) must follow a t= line
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nv=0                             | 4 | v= may appear only once
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nhello                           | 4 | expected <type>=<value>
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\nM=audio 1 RTP/AVP 0             | 4 | expected <type>=<value>
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\na =x                            | 4 | expected <type>=<value>
            v=0\\no=- 1 1 IN IP4 a\\ns=-\\na=                              | 4 | attribute name is empty
            """)
    void brokenSessionPart_failsAtItsLine(String text, int line, String reason) {
        SdpParseResult.Failed failed = failure(text.replace("\\n", "\n"));

        assertThat(failed.line()).isEqualTo(line);
        assertThat(failed.reason()).contains(reason);
    }

    @ParameterizedTest(name = "[{index}] line {1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            m=audio | 6 | m= needs media, port, proto and at least one format
            m=audio 4000 RTP/AVP | 6 | m= needs media, port, proto and at least one format
            m=audio x RTP/AVP 0                                         | 6 | m= port is not a number: 'x'
            m=audio 70000 RTP/AVP 0                                     | 6 | m= port must be at most 65535
            m=audio 4000/0 RTP/AVP 0                                    | 6 | m= number of ports must be at least 1
            m=audio 4000 RTP/AVP 0 PCMU | 6 | m= format 'PCMU' is not an RTP payload type
            m=audio 4000 RTP/AVP 128                                    | 6 | m= format '128' is not an RTP payload type
            m=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU                    | 7 | a=rtpmap: expected
            m=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/eight              | 7 | a=rtpmap clock rate is not a number
            m=audio 4000 RTP/AVP 0\\na=rtpmap:200 PCMU/8000             | 7 | a=rtpmap payload type must be 0 to 127
            m=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/0                  | 7 | a=rtpmap clock rate must not be 0
            m=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/8000/0             | 7 | a=rtpmap channel count must not be 0
            m=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU/8000\\na=rtpmap:0 PCMA/8000 | 8 | more than one a=rtpmap for
            m=audio 4000 RTP/AVP 0 101\\na=fmtp:x 0-15 | 7 | a=fmtp payload type must be 0 to 127, not 'x'
            m=audio 4000 RTP/AVP 0\\na=ptime:2.5 | 7 | a=ptime (whole milliseconds) is not a number
            m=audio 4000 RTP/AVP 0\\na=ptime:0                          | 7 | a=ptime must not be 0
            m=audio 4000 RTP/AVP 0\\na=ptime:20\\na=ptime:30            | 8 | more than one a=ptime
            m=audio 4000 RTP/AVP 0\\na=rtcp:4001 IN IP4                 | 7 | a=rtcp: expected
            m=audio 4000 RTP/AVP 0\\na=rtcp:99999                       | 7 | a=rtcp port must be at most 65535
            m=audio 4000 RTP/AVP 0\\na=sendrecv\\na=sendonly             | 8 | more than one a direction attribute
            m=audio 4000 RTP/AVP 0\\nc=IN IP4 a\\nc=IN IP4 b            | 8 | second c= line in one media section
            m=audio 4000 RTP/AVP 0\\nt=0 0                              | 7 | t= is a session-level line
            m=audio 4000 RTP/AVP 0\\ns=again                            | 7 | s= may appear only once
            """)
    void brokenMediaPart_failsAtItsLine(String media, int line, String reason) {
        SdpParseResult.Failed failed = failure(HEAD + media.replace("\\n", "\n") + "\n");

        assertThat(failed.line()).isEqualTo(line);
        assertThat(failed.reason()).contains(reason);
    }

    @Test
    void mediaWithoutAnyConnection_failsAtItsMLine() {
        SdpParseResult.Failed failed = failure("v=0\no=- 1 1 IN IP4 a\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n"
                + "c=IN IP4 192.0.2.1\nm=video 5000 RTP/AVP 96\na=rtpmap:96 VP8/90000\n");

        assertThat(failed.line()).isEqualTo(7);
        assertThat(failed.text()).isEqualTo("m=video 5000 RTP/AVP 96");
        assertThat(failed.reason()).contains("no c= line and the session has none");
    }

    @Test
    void emptyLineInTheMiddle_failsAtTheEmptyLine() {
        SdpParseResult.Failed failed = failure("v=0\r\no=- 1 1 IN IP4 a\r\n\r\ns=-\r\nt=0 0\r\n");

        assertThat(failed.line()).isEqualTo(3);
        assertThat(failed.reason()).isEqualTo("empty line inside the description");
    }

    @Test
    void strayCarriageReturn_fails() {
        SdpParseResult.Failed failed = failure("v=0\no=- 1 1 IN IP4 a\ns=a\rb\nt=0 0\n");

        assertThat(failed.line()).isEqualTo(3);
        assertThat(failed.reason()).contains("carriage return inside a line");
    }

    @Test
    void emptyAndTruncatedBodies_fail() {
        assertThat(failure("").reason()).isEqualTo("empty description");
        assertThat(failure("\r\n\r\n").reason()).isEqualTo("empty description");
        assertThat(failure("v=0\r\no=- 1 1 IN IP4 a\r\n").reason()).contains("v=, o= and s= lines are required");
    }

    @Test
    void limits_areEnforcedWithTheirName() {
        SdpParser small = new SdpParser(new SdpLimits(200, 8, 64, 1));

        assertThat(small.parse("v=0\n" + "x".repeat(300))).isInstanceOfSatisfying(SdpParseResult.Failed.class,
                f -> assertThat(f.message()).isEqualTo("SDP: body of 304 exceeds the limit of 200 "
                        + "(SdpLimits.maxBodyLength)"));
        assertThat(small.parse(HEAD + "a=x:" + "y".repeat(70) + "\n")).isInstanceOfSatisfying(
                SdpParseResult.Failed.class, f -> assertThat(f.reason()).contains("maxLineLength"));
        assertThat(small.parse(HEAD + "a=1\na=2\na=3\na=4\n")).isInstanceOfSatisfying(SdpParseResult.Failed.class,
                f -> assertThat(f.line()).isEqualTo(9));
        assertThat(small.parse(HEAD + "m=audio 1 RTP/AVP 0\nm=audio 2 RTP/AVP 0\n")).isInstanceOfSatisfying(
                SdpParseResult.Failed.class, f -> assertThat(f.reason()).contains("maxMediaSections"));
    }

    @Test
    void invalidUtf8_failsWithLineAndOffset() {
        byte[] head = "v=0\no=- 1 1 IN IP4 a\ns=".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[head.length + 2];
        System.arraycopy(head, 0, body, 0, head.length);
        body[head.length] = (byte) 0xC3;
        body[head.length + 1] = (byte) 0x28;

        SdpParseResult result = new SdpParser(SdpLimits.DEFAULT).parse(body);

        assertThat(result).isInstanceOfSatisfying(SdpParseResult.Failed.class, f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.reason()).isEqualTo("not valid UTF-8 at byte offset " + head.length);
        });
    }

    @Test
    void orElseThrow_givesCheckedExceptionWithLineAndText() {
        assertThatThrownBy(() -> SessionDescription.parse(HEAD + "m=audio 4000 RTP/AVP 0\na=ptime:fast\n"))
                .isInstanceOfSatisfying(SdpParseException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.reason()).isEqualTo("a=ptime (whole milliseconds) is not a number: 'fast'");
                    assertThat(e.getMessage()).isEqualTo("SDP line 7: a=ptime (whole milliseconds) is not a number: "
                            + "'fast' (a=ptime:fast)");
                });
    }

    @Test
    void longOffendingLine_isShortenedInTheFailure() {
        SdpParseResult.Failed failed = failure(HEAD + "m=audio 4000 RTP/AVP " + "0 ".repeat(100) + "x\n");

        assertThat(failed.text()).hasSize(123).endsWith("...");
    }
}
