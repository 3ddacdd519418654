package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipResponse;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 4475 torture messages, one UDP datagram each (README in ../shared/testdata/rfc4475). The table
 * says, per file, whether the parser accepts it and, for failures, whether the request can still be
 * answered from the partial message (and with which status) or must be dropped.
 */
class Rfc4475TortureTest {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    /** PARSES; FAILS with the status of the stateless answer, or 0 when it must be dropped. */
    private record Expect(boolean accepted, int answer, String reasonMentions) {
        static Expect parses() {
            return new Expect(true, 0, "");
        }

        static Expect answered(int status, String reason) {
            return new Expect(false, status, reason);
        }

        static Expect dropped(String reason) {
            return new Expect(false, 0, reason);
        }
    }

    private static final Map<String, Expect> TABLE = new TreeMap<>(Map.ofEntries(
            // §3.1.1: valid, must be accepted.
            Map.entry("wsinv.dat", Expect.parses()),
            Map.entry("intmeth.dat", Expect.parses()),
            Map.entry("esc01.dat", Expect.parses()),
            Map.entry("escnull.dat", Expect.parses()),
            Map.entry("esc02.dat", Expect.parses()),
            Map.entry("lwsdisp.dat", Expect.parses()),
            Map.entry("longreq.dat", Expect.parses()),
            Map.entry("dblreq.dat", Expect.parses()),
            Map.entry("semiuri.dat", Expect.parses()),
            Map.entry("transports.dat", Expect.parses()),
            Map.entry("mpart01.dat", Expect.parses()),
            Map.entry("unreason.dat", Expect.parses()),
            Map.entry("noreason.dat", Expect.parses()),
            // §3.1.2: invalid. Answered 400 when Via/From/To/Call-ID/CSeq survive, else dropped.
            Map.entry("badinv01.dat", Expect.dropped("Via")),
            Map.entry("clerr.dat", Expect.answered(400, "Content-Length is 9999")),
            Map.entry("ncl.dat", Expect.answered(400, "Content-Length '-999'")),
            Map.entry("scalar02.dat", Expect.dropped("CSeq")),
            Map.entry("scalarlg.dat", Expect.dropped("CSeq")),
            Map.entry("quotbal.dat", Expect.dropped("unterminated quoted string")),
            Map.entry("ltgtruri.dat", Expect.answered(400, "Request-URI")),
            Map.entry("lwsruri.dat", Expect.answered(400, "single spaces")),
            Map.entry("lwsstart.dat", Expect.answered(400, "single spaces")),
            Map.entry("trws.dat", Expect.answered(400, "single spaces")),
            Map.entry("escruri.dat", Expect.answered(400, "URI headers")),
            Map.entry("regbadct.dat", Expect.answered(400, "enclosed in '<>'")),
            Map.entry("badaspec.dat", Expect.dropped("white space inside")),
            Map.entry("baddn.dat", Expect.dropped("truncated")),
            Map.entry("badvers.dat", Expect.answered(505, "SIP/7.0")),
            Map.entry("mismatch01.dat", Expect.answered(400, "CSeq method INVITE")),
            Map.entry("mismatch02.dat", Expect.answered(400, "CSeq method INVITE")),
            Map.entry("bigcode.dat", Expect.dropped("status code")),
            // §3.2, §3.3, §3.4: syntactically valid; the application decides (see the checks below).
            Map.entry("badbranch.dat", Expect.parses()),
            Map.entry("unkscm.dat", Expect.parses()),
            Map.entry("novelsc.dat", Expect.parses()),
            Map.entry("unksm2.dat", Expect.parses()),
            Map.entry("bext01.dat", Expect.parses()),
            Map.entry("invut.dat", Expect.parses()),
            Map.entry("regaut01.dat", Expect.parses()),
            Map.entry("bcast.dat", Expect.parses()),
            Map.entry("zeromf.dat", Expect.parses()),
            Map.entry("cparam01.dat", Expect.parses()),
            Map.entry("cparam02.dat", Expect.parses()),
            Map.entry("regescrt.dat", Expect.parses()),
            Map.entry("sdp01.dat", Expect.parses()),
            Map.entry("inv2543.dat", Expect.parses()),
            Map.entry("baddate.dat", Expect.parses()),
            Map.entry("insuf.dat", Expect.dropped("missing mandatory header fields: From, To, Call-ID")),
            Map.entry("multi01.dat", Expect.answered(400, "appears more than once")),
            Map.entry("mcl01.dat", Expect.answered(400, "Content-Length appears more than once")),
            // Not referenced by the RFC: an old loose INVITE without SIP version.
            Map.entry("test.dat", Expect.dropped("request line"))));

    static Stream<String> files() {
        return SipCorpora.rfc4475Files().stream();
    }

    @Test
    void table_coversEveryFileInTheCorpus() {
        assertThat(SipCorpora.rfc4475Files()).containsExactlyElementsOf(TABLE.keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void tortureMessage_handledAsTheTableSays(String file) {
        Expect expect = TABLE.get(file);
        ParseResult result = PARSER.parseDatagram(SipCorpora.rfc4475(file));
        if (expect.accepted()) {
            assertThat(result).as(file + ": %s", result).isInstanceOf(ParseResult.Parsed.class);
            SipMessage m = ((ParseResult.Parsed) result).message();
            assertThat(SipParserRoundTrip.roundTrip(m)).as("round trip of " + file).isEqualTo(m);
            return;
        }
        assertThat(result).as(file).isInstanceOf(ParseResult.Failed.class);
        ParseResult.Failed failed = (ParseResult.Failed) result;
        assertThat(failed.reason()).as(file).contains(expect.reasonMentions()).doesNotStartWith("parser defect");
        Optional<SipResponse> answer = failed.partial().flatMap(p -> p.rejection("t1"));
        if (expect.answer() == 0) {
            assertThat(answer).as(file + " must be dropped, partial " + failed.partial()).isEmpty();
        } else {
            assertThat(answer).as(file + " " + failed).isPresent();
            assertThat(answer.get().status()).isEqualTo(expect.answer());
            assertThat(answer.get().to().tag()).isPresent();
        }
    }

    @Test
    void insuf_partialKeepsWhatIsThereButCannotBeAnswered() {
        ParseResult.Failed failed = (ParseResult.Failed) PARSER.parseDatagram(SipCorpora.rfc4475("insuf.dat"));
        PartialMessage partial = failed.partial().orElseThrow();
        assertThat(partial.request()).isTrue();
        assertThat(partial.headers().contains("Via")).isTrue();
        assertThat(partial.headers().contains("CSeq")).isTrue();
        assertThat(partial.canBeAnswered()).isFalse();
    }
}
