package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import io.callvault.media.relay.Leg;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CardNumberWatcherTest {
    static final int PRESS = 800;
    static final int PAUSE = 800;

    final List<CardEntry> entries = new ArrayList<>();
    final CardNumberWatcher watcher = new CardNumberWatcher(Duration.ofSeconds(3), entries::add);
    long now = 10_000;

    /** Keys {@code keys}, 100 ms each with 100 ms between. */
    void key(String keys) {
        for (char k : keys.toCharArray()) {
            watcher.digit(k, now, now + PRESS);
            now += PRESS + PAUSE;
        }
    }

    void pause(Duration d) {
        now += d.toNanos() / 125_000;
    }

    @Test
    void sixteenDigitCard_isReportedWhenTheRunEnds_withItsFirstDigitsRange() {
        key("4111111111111111");
        assertThat(entries).as("not before the run ends").isEmpty();
        pause(Duration.ofSeconds(4));
        watcher.advance(now);

        assertThat(entries).containsExactly(new CardEntry(CardEntry.Kind.CARD_NUMBER, 16, 10_000, 10_800,
                10_000 + 15 * 1600 + 800));
    }

    @Test
    void securityCode_afterTheCard_isReported_andATerminatorKeyEndsRuns() {
        key("5555555555554444#");
        pause(Duration.ofSeconds(2));
        key("737#");

        assertThat(entries).extracting(CardEntry::kind, CardEntry::digits).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CardEntry.Kind.CARD_NUMBER, 16),
                org.assertj.core.groups.Tuple.tuple(CardEntry.Kind.SECURITY_CODE, 3));
    }

    @Test
    void expiryThenSecurityCode_afterTheCard_areBothReported() {
        key("378282246310005");
        pause(Duration.ofSeconds(5));
        key("0428");
        pause(Duration.ofSeconds(5));
        key("1234");
        watcher.finish();

        assertThat(entries).extracting(CardEntry::kind).containsExactly(CardEntry.Kind.CARD_NUMBER,
                CardEntry.Kind.SECURITY_CODE, CardEntry.Kind.SECURITY_CODE);
    }

    @Test
    void timeoutInsideTheNumber_splitsIt_andNeitherHalfIsACard() {
        key("41111111");
        pause(Duration.ofSeconds(4));
        key("11111111");
        watcher.finish();

        assertThat(entries).isEmpty();
    }

    @Test
    void pauseJustUnderTheTimeout_keepsTheRun() {
        key("41111111");
        pause(Duration.ofMillis(2900));
        key("11111111#");

        assertThat(entries).extracting(CardEntry::digits).containsExactly(16);
    }

    @Test
    void twelveDigits_luhnFailures_andTooLongRuns_areIgnored() {
        key("411111111117#");
        key("4111111111111112#");
        key("41111111111111111115#");
        key("123");
        watcher.finish();

        assertThat(Luhn.isValid("411111111117")).isTrue();
        assertThat(Luhn.isValid("41111111111111111115")).isTrue();
        assertThat(entries).isEmpty();
    }

    @Test
    void shortRunWithoutACardBefore_isNotASecurityCode_andAnotherRunBreaksTheChain() {
        key("123#");
        key("4111111111111111#");
        key("55555#");
        key("123#");

        assertThat(entries).extracting(CardEntry::kind).containsExactly(CardEntry.Kind.CARD_NUMBER);
    }

    @Test
    void maskedCall_intoTheWatcher_findsCardAndCode() {
        List<CardEntry> found = new ArrayList<>();
        CardNumberWatcher w = new CardNumberWatcher(Duration.ofSeconds(2), found::add);
        MaskRun run = new MaskRun(Leg.A, MaskSettings.DEFAULTS, DtmfMaskerTest.MAP);
        run.offer(new Phone(G711.ULAW, 1).audio(DtmfMaskerTest.cardCall()));
        run.masker.finish();
        for (MaskedDigit d : run.ended) {
            w.digit(d.digit(), d.start(), d.end());
        }
        w.finish();

        assertThat(found).extracting(CardEntry::kind, CardEntry::digits).containsExactly(
                org.assertj.core.groups.Tuple.tuple(CardEntry.Kind.CARD_NUMBER, 16),
                org.assertj.core.groups.Tuple.tuple(CardEntry.Kind.SECURITY_CODE, 3));
        assertThat(found.getFirst().firstDigitStart()).isEqualTo(run.ended.getFirst().start());
        assertThat(found.toString()).doesNotContain("4111");
    }
}
