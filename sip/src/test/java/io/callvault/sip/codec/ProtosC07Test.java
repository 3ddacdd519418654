package io.callvault.sip.codec;

import io.callvault.testkit.SipCorpora;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every INVITE of the PROTOS c07-sip suite (4,527 cases, README in ../shared/testdata/protos-c07-sip)
 * through the datagram parser and the stream framer: each gives a result, never an exception or a
 * hang; parsed messages round-trip; anomalies in the body never matter; failures keep a partial message
 * good enough to answer whenever Via, From, To, Call-ID and CSeq were left intact.
 */
@Timeout(30)
class ProtosC07Test {
    private static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    /** Case ranges where the mutation is in Via, From, To, Call-ID or CSeq, so a partial may lack them. */
    private static boolean mutatesCoreHeader(int n) {
        return (n >= 330 && n <= 1467 && !(n >= 957 && n <= 1242)) || (n >= 1468 && n <= 1782)
                || (n >= 1875 && n <= 2113);
    }

    /** Cases where line ends are mutated, so the tolerant re-read may lose the header section. */
    private static boolean mutatesLineEnds(int n) {
        return n >= 2407 && n <= 2426;
    }

    /** False when the start line alone fills the datagram limit, so no header can be read. */
    private static boolean headersWithinLimit(byte[] invite) {
        for (int i = 0; i + 1 < Math.min(invite.length, Limits.DEFAULTS.maxMessageSize()); i++) {
            if (invite[i] == '\r' && invite[i + 1] == '\n') {
                return true;
            }
        }
        return false;
    }

    @Test
    void everyInvite_givesAResultAndNeverThrows() {
        List<SipCorpora.ProtosCase> cases = SipCorpora.protosCases();
        assertThat(cases).hasSize(4_527);
        long started = System.nanoTime();
        int parsed = 0;
        List<String> unanswerable = new ArrayList<>();
        List<String> bodyCasesFailed = new ArrayList<>();
        TreeMap<String, Integer> reasons = new TreeMap<>();
        for (SipCorpora.ProtosCase c : cases) {
            ParseResult result = PARSER.parseDatagram(c.invite());
            switch (result) {
                case ParseResult.Parsed p -> {
                    parsed++;
                    assertThat(SipParserRoundTrip.roundTrip(p.message())).as(c.toString()).isEqualTo(p.message());
                }
                case ParseResult.Failed f -> {
                    assertThat(f.reason()).as(c.toString()).doesNotStartWith("parser defect");
                    assertThat(f.offset()).as(c.toString()).isBetween(0, c.invite().length);
                    reasons.merge(f.reason().replaceAll("'.*", "").replaceAll("[0-9]+", "N"), 1, Integer::sum);
                    if (c.number() >= 2427 && c.invite().length <= Limits.DEFAULTS.maxMessageSize()) {
                        bodyCasesFailed.add(c + ": " + f.reason());
                    }
                    boolean answerable = f.partial().map(PartialMessage::canBeAnswered).orElse(false);
                    if (!answerable && !mutatesCoreHeader(c.number()) && !mutatesLineEnds(c.number())
                            && headersWithinLimit(c.invite())) {
                        unanswerable.add(c + ": " + f.reason());
                    }
                }
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        System.out.printf("PROTOS c07-sip: %d parsed, %d failed in %d ms%n", parsed, cases.size() - parsed,
                took.toMillis());
        reasons.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(12).forEach(e -> System.out.printf("  %5d  %s%n", e.getValue(), e.getKey()));
        assertThat(PARSER.parseDatagram(cases.get(0).invite())).as("the valid case")
                .isInstanceOf(ParseResult.Parsed.class);
        assertThat(bodyCasesFailed).as("anomalies in the SDP body (cases 2427+) must not matter: bodies are opaque")
                .isEmpty();
        assertThat(unanswerable).as("failures whose Via/From/To/Call-ID/CSeq were intact").isEmpty();
    }

    @Test
    void everyInvite_overAStream_framesOrFailsAndNeverThrows() {
        for (SipCorpora.ProtosCase c : SipCorpora.protosCases()) {
            SipStreamFramer framer = new SipStreamFramer(PARSER);
            List<StreamEvent> events = framer.feed(ByteBuffer.wrap(c.invite()));
            assertThat(events).as(c.toString()).hasSizeLessThanOrEqualTo(1);
            if (events.isEmpty()) {
                assertThat(framer.bufferedBytes()).as(c + " waits for more bytes").isPositive();
            }
        }
    }
}
