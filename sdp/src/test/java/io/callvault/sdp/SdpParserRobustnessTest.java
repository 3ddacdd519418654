package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Garbage in, a value out: mutated softphone offers never make the parser throw, and whatever it accepts
 * serializes to text it parses back to the same description.
 */
class SdpParserRobustnessTest {
    private static final List<String> SEEDS = List.of(SoftphoneOffers.BARESIP, SoftphoneOffers.SIPP_UAC_LF,
            SoftphoneOffers.LINPHONE, SoftphoneOffers.ZOIPER, SoftphoneOffers.OLD_STYLE_HOLD,
            SoftphoneOffers.MICROSIP_SRTP);
    private static final byte[] INTERESTING = " =:/\r\n\0\t-0123456789aclmostv".getBytes(StandardCharsets.US_ASCII);

    private final SdpParser parser = new SdpParser(SdpLimits.DEFAULT);

    @Test
    void nulInAnAttribute_failsAtItsLine() {
        SdpParseResult result = parser.parse("v=0\no=- 1 1 IN IP4 a\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=x:y\0z\n");

        assertThat(result).isInstanceOfSatisfying(SdpParseResult.Failed.class, f -> {
            assertThat(f.line()).isEqualTo(6);
            assertThat(f.reason()).contains("CR, LF or NUL");
        });
    }

    @Test
    void mutatedOffers_neverThrow_andWhatParsesRoundTrips() {
        Random random = new Random(20261130);
        int parsed = 0;
        for (int round = 0; round < 20_000; round++) {
            byte[] body = SEEDS.get(round % SEEDS.size()).getBytes(StandardCharsets.UTF_8);
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(body.length);
                body[at] = random.nextBoolean() ? INTERESTING[random.nextInt(INTERESTING.length)]
                        : (byte) random.nextInt(256);
            }
            byte[] input = random.nextInt(10) == 0 ? Arrays.copyOf(body, random.nextInt(body.length)) : body;
            SdpParseResult[] result = new SdpParseResult[1];
            assertThatCode(() -> result[0] = parser.parse(input)).as("round %d", round).doesNotThrowAnyException();
            if (result[0] instanceof SdpParseResult.Parsed(SessionDescription sdp)) {
                parsed++;
                assertThat(parser.parse(sdp.toSdp())).as("round %d re-parse", round)
                        .isEqualTo(new SdpParseResult.Parsed(sdp));
            } else {
                SdpParseResult.Failed failed = (SdpParseResult.Failed) result[0];
                assertThat(failed.reason()).isNotBlank();
                assertThat(failed.line()).isBetween(0, 200);
            }
        }
        assertThat(parsed).as("some mutations stay valid (unknown lines, other digits)").isGreaterThan(1000);
    }
}
