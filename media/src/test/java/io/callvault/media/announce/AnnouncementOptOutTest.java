package io.callvault.media.announce;

import static io.callvault.media.announce.Harness.copy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.callvault.media.relay.Leg;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The opt-out key (RFC 4733 events) while the notice plays and within the grace period after it. */
class AnnouncementOptOutTest {
    private static final Duration GRACE = Duration.ofSeconds(3);

    private final Harness h = new Harness();
    private final Prompt prompt = Harness.tone(1000);
    private final Announcement a = h.announcement(prompt, Set.of(Leg.A), Optional.of(new OptOut('9', GRACE)));

    /** One press as a phone sends it: start packet, updates every 50 ms, three end packets (RFC 4733 §2.5.1). */
    private void press(Leg from, int event) {
        long pressTimestamp = 4242;
        for (int duration = 0; duration <= 800; duration += 400) {
            h.send(a, from, h.event(from, event, false, duration, pressTimestamp));
            h.advance(Duration.ofMillis(50));
        }
        for (int i = 0; i < 3; i++) {
            h.send(a, from, h.event(from, event, true, 1200, pressTimestamp));
        }
    }

    /** Plays the whole prompt to A with packets from B, 20 ms apart; the last one at the returned time. */
    private Instant playToA() {
        Instant last = null;
        for (int p = 0; p < 7; p++) {
            last = h.now();
            h.send(a, Leg.B, h.audio(Leg.B, 0, 160));
            h.advance(Duration.ofMillis(20));
        }
        assertThat(h.heard("completed")).hasSize(1);
        return last;
    }

    @Test
    void keyDuringPlayback_optsOutOnce_andPlaybackStops() {
        a.start();
        h.send(a, Leg.B, h.audio(Leg.B, 0, 160));
        h.advance(Duration.ofMillis(20));
        Instant pressedAt = h.now();

        press(Leg.A, 9);
        press(Leg.A, 9);

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("optedOut");
        Harness.Heard optOut = h.heard.getFirst();
        assertThat(optOut.leg()).isEqualTo(Leg.A);
        AnnouncementEvidence e = optOut.evidence();
        assertThat(e.optOutLeg()).isEqualTo(Leg.A);
        assertThat(e.optOutAt()).isEqualTo(pressedAt);
        assertThat(e.endedAt()).as("playback stops at the press").isEqualTo(pressedAt);
        assertThat(e.completed()).isFalse();
        assertThat(e.samplesPlayed()).containsEntry(Leg.A, 160);
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
        ByteBuffer after = h.audio(Leg.B, 0, 160);
        byte[] sent = copy(after);
        assertThat(h.send(a, Leg.B, after)).as("the call goes on unannounced").isTrue();
        assertThat(copy(after)).isEqualTo(sent);
        for (int p = 0; p < 10; p++) {
            h.send(a, Leg.B, h.audio(Leg.B, 0, 160));
        }
        assertThat(h.heard).as("an opted-out announcement never completes").hasSize(1);
    }

    @Test
    void keyBySipInfo_optsOutOnce_onlyFromAnAnnouncedLeg_andOnlyTheOptOutKey() {
        a.start();
        a.keyPressed(Leg.B, '9');   // B is not announced to
        a.keyPressed(Leg.A, '5');   // not the opt-out key
        assertThat(h.heard).isEmpty();

        a.keyPressed(Leg.A, '9');
        a.keyPressed(Leg.A, '9');

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("optedOut");
        assertThat(h.heard.getFirst().evidence().optOutLeg()).isEqualTo(Leg.A);
    }

    @Test
    void keyBySipInfoAfterGrace_isNotAnOptOut() {
        a.start();
        Instant endedAt = playToA();
        h.nanos.set(h.time.originNanos() + Duration.between(Harness.T0, endedAt).plus(GRACE).toNanos() + 1);

        a.keyPressed(Leg.A, '9');

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
    }

    @Test
    void endPacketAlone_optsOut() {
        a.start();

        assertThat(h.send(a, Leg.A, h.event(Leg.A, 9, true, 1200, 7))).as("dropped: playing").isFalse();

        assertThat(h.heard("optedOut")).hasSize(1);
    }

    @Test
    void keyWithinGrace_optsOutAfterCompletion() {
        a.start();
        Instant endedAt = playToA();
        h.advance(GRACE.minusMillis(200));
        Instant pressedAt = h.now();

        ByteBuffer first = h.event(Leg.A, 9, false, 0, 99);
        byte[] sent = copy(first);
        assertThat(h.send(a, Leg.A, first)).as("forwarded: no longer playing").isTrue();
        assertThat(copy(first)).isEqualTo(sent);
        press(Leg.A, 9);

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed", "optedOut");
        AnnouncementEvidence e = h.heard.get(1).evidence();
        assertThat(e.completed()).isTrue();
        assertThat(e.endedAt()).isEqualTo(endedAt);
        assertThat(e.optOutAt()).isEqualTo(pressedAt);
        assertThat(e.optOutLeg()).isEqualTo(Leg.A);
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
    }

    @Test
    void keyAfterGrace_isNotAnOptOut() {
        a.start();
        Instant endedAt = playToA();
        h.nanos.set(h.time.originNanos() + Duration.between(Harness.T0, endedAt).plus(GRACE).toNanos() + 1);

        press(Leg.A, 9);

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
    }

    @Test
    void graceElapsed_phaseFinishesWithoutPackets() {
        a.start();
        playToA();
        assertThat(a.phase()).isEqualTo(Announcement.Phase.OPT_OUT_WINDOW);

        h.advance(GRACE);

        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
    }

    @Test
    void otherKeys_areIgnored() {
        a.start();

        for (int event : new int[] {0, 1, 8, 10, 11, 16}) { // 0, 1, 8, *, #, flash
            press(Leg.A, event);
        }
        playToA();
        press(Leg.A, 5);

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
    }

    @Test
    void keyFromTheLegNotAnnouncedTo_isIgnored() {
        a.start();

        press(Leg.B, 9);
        playToA();
        press(Leg.B, 9);

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
    }

    @Test
    void noOptOutOffered_keyIsIgnored() {
        Announcement plain = h.announcement(prompt, Set.of(Leg.A), Optional.empty());
        plain.start();

        assertThat(h.send(plain, Leg.A, h.event(Leg.A, 9, false, 0, 1))).isFalse();

        assertThat(h.heard).isEmpty();
        assertThat(plain.phase()).isEqualTo(Announcement.Phase.PLAYING);
    }

    @Test
    void optOutKey_mustBeADtmfKey() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new OptOut('x', GRACE)).withMessageContaining("0123456789*#ABCD");
        assertThat(new OptOut('#', GRACE).event()).isEqualTo(11);
    }
}
