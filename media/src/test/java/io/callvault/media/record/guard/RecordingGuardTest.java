package io.callvault.media.record.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingGuardTest {
    private final ByteArrayOutputStream vault = new ByteArrayOutputStream();
    private final List<GuardSegment> segments = new ArrayList<>();

    private RecordingGuard guard(Duration delay, RecordingGuard.PauseFill fill) {
        return new RecordingGuard(frames -> {
            byte[] b = new byte[frames.remaining()];
            frames.get(b);
            vault.writeBytes(b);
        }, delay, fill, segments::add);
    }

    /** Writes {@code ms} of audio in 20 ms frames: left = 1000 + sample index % 1000, right = -that. */
    private static void feed(RecordingGuard g, long fromSample, int ms) {
        ByteBuffer frame = ByteBuffer.allocate(640).order(ByteOrder.LITTLE_ENDIAN);
        for (long s = fromSample; s < fromSample + ms * 8L; s++) {
            short v = (short) (1000 + s % 1000);
            frame.putShort(v).putShort((short) -v);
            if (!frame.hasRemaining()) {
                frame.flip();
                g.write(frame);
                frame.clear();
            }
        }
    }

    private short[] left() {
        return channel(0);
    }

    private short[] channel(int c) {
        ByteBuffer b = ByteBuffer.wrap(vault.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[b.remaining() / 4];
        for (int i = 0; i < out.length; i++) {
            short l = b.getShort();
            short r = b.getShort();
            out[i] = c == 0 ? l : r;
        }
        return out;
    }

    @Test
    void delayLine_holdsTheLastSeconds_andFinishPassesEverythingUnchanged() {
        RecordingGuard g = guard(Duration.ofSeconds(2), RecordingGuard.PauseFill.SILENCE);
        feed(g, 0, 3000);
        assertThat(vault.size()).as("only what is older than the delay").isEqualTo(8000 * 4);
        assertThat(g.earliestChangeable()).isEqualTo(8000);
        g.finish();
        short[] left = left();
        assertThat(left).hasSize(24_000);
        for (int i = 0; i < left.length; i++) {
            assertThat(left[i]).isEqualTo((short) (1000 + i % 1000));
        }
        assertThat(segments).isEmpty();
    }

    @Test
    void pauseThenResume_silencesBothChannelsExactlyThere_andReportsTheSegment() {
        RecordingGuard g = guard(Duration.ofSeconds(1), RecordingGuard.PauseFill.SILENCE);
        feed(g, 0, 1000);
        g.pause("api", "card payment", "sam");
        assertThat(g.isPaused()).isTrue();
        feed(g, 8000, 500);
        g.resume("sam");
        feed(g, 12_000, 500);
        g.finish();

        short[] left = left();
        short[] right = channel(1);
        assertThat(left).hasSize(16_000);
        for (int i = 0; i < left.length; i++) {
            boolean inPause = i >= 8000 && i < 12_000;
            assertThat(left[i]).isEqualTo(inPause ? 0 : (short) (1000 + i % 1000));
            assertThat(right[i]).isEqualTo(inPause ? 0 : (short) -(1000 + i % 1000));
        }
        assertThat(segments).containsExactly(new GuardSegment(GuardSegment.Kind.PAUSED, 8000, 12_000, "api",
                "card payment", "sam"));
        assertThat(segments.getFirst().startMillis()).isEqualTo(1000);
    }

    @Test
    void retroactivePause_reachesBackIntoTheDelayLine_butNotIntoWhatWasStored() {
        RecordingGuard g = guard(Duration.ofSeconds(2), RecordingGuard.PauseFill.SILENCE);
        feed(g, 0, 3000);                 // 0..1 s stored, 1..3 s held
        long from = g.pauseFrom(12_000, "card-number", "card number keyed", "auto"); // 1.5 s
        assertThat(from).isEqualTo(12_000);
        assertThat(g.pauseFrom(4000, "card-number", "earlier digit", "auto")).as("extends back, clamped")
                .isEqualTo(8000);
        g.resume("auto");
        g.finish();
        short[] left = left();
        assertThat(left[7999]).isEqualTo((short) (1000 + 7999 % 1000));
        assertThat(left[8000]).isZero();
        assertThat(left[23_999]).isZero();
        assertThat(segments.getFirst().startSample()).isEqualTo(8000);
    }

    @Test
    void mask_silencesOneChannelOnly_andIsClampedToWhatIsHeld() {
        RecordingGuard g = guard(Duration.ofSeconds(1), RecordingGuard.PauseFill.SILENCE);
        feed(g, 0, 2000);                 // 0..1 s stored
        assertThat(g.mask(0, 9000, 9800, "dtmf")).isTrue();
        assertThat(g.mask(1, 100, 200, "dtmf")).as("already stored").isFalse();
        assertThat(g.mask(1, 15_900, 16_400, "dtmf")).as("reaches past the live edge").isTrue();
        g.finish();
        short[] left = left();
        short[] right = channel(1);
        assertThat(left[8999]).isNotZero();
        assertThat(left[9000]).isZero();
        assertThat(left[9799]).isZero();
        assertThat(left[9800]).isNotZero();
        assertThat(right[9000]).isNotZero();
        assertThat(segments).hasSize(2).allSatisfy(s -> {
            assertThat(s.kind()).isEqualTo(GuardSegment.Kind.MASKED);
            assertThat(s.reason()).doesNotContainPattern("[0-9]");
        });
    }

    @Test
    void markerTone_isQuietButPresent_andFinishClosesAnOpenPause() {
        RecordingGuard g = guard(Duration.ZERO, RecordingGuard.PauseFill.MARKER_TONE);
        g.pause("feature-code", "agent pressed pause", "agent");
        feed(g, 0, 1000);
        g.finish();
        short max = 0;
        for (short v : left()) {
            max = (short) Math.max(max, Math.abs(v));
        }
        assertThat(max).isBetween((short) 300, (short) 600);
        assertThat(segments).singleElement().satisfies(s -> assertThat(s.endSample()).isEqualTo(8000));
    }

    @Test
    void longPause_alertsOnce() {
        RecordingGuard g = guard(Duration.ofSeconds(1), RecordingGuard.PauseFill.SILENCE);
        java.util.concurrent.atomic.AtomicInteger alerts = new java.util.concurrent.atomic.AtomicInteger();
        g.alertOnLongPause(Duration.ofSeconds(2), alerts::incrementAndGet);
        g.pause("api", "payment", "sam");
        feed(g, 0, 1900);
        assertThat(alerts).hasValue(0);
        feed(g, 15_200, 2000);
        assertThat(alerts).hasValue(1);
        g.resume("sam");
        feed(g, 31_200, 3000);
        assertThat(alerts).hasValue(1);
    }

    @Test
    void delayBeyondThirtySeconds_isRefused() {
        assertThatThrownBy(() -> guard(Duration.ofSeconds(31), RecordingGuard.PauseFill.SILENCE))
                .hasMessageContaining("0-30 s");
    }
}
