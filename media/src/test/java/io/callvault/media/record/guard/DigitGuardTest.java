package io.callvault.media.record.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.dtmf.DigitEvent;
import io.callvault.media.dtmf.DigitListener;
import io.callvault.media.dtmf.DtmfDetector;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Card data keyed in-band and out-of-band never reaches the recording; the rest does, unchanged. */
class DigitGuardTest {
    private static final String KEYS = "123A456B789C*0#D";
    private static final double[] ROW = {697, 770, 852, 941};
    private static final double[] COL = {1209, 1336, 1477, 1633};

    private final ByteArrayOutputStream vault = new ByteArrayOutputStream();
    private final List<GuardSegment> segments = new ArrayList<>();

    private DigitGuard digitGuard(Duration delay) {
        RecordingGuard g = new RecordingGuard(frames -> {
            byte[] b = new byte[frames.remaining()];
            frames.get(b);
            vault.writeBytes(b);
        }, delay, RecordingGuard.PauseFill.SILENCE, segments::add);
        return new DigitGuard(g, Duration.ofSeconds(3), Duration.ofMillis(700));
    }

    /** A voice-like signal (harmonics of a gliding pitch) that is not DTMF. */
    private static void voice(short[] out, int from, int length, int seed) {
        for (int i = 0; i < length; i++) {
            double t = (from + i) / 8000.0;
            double f0 = 120 + 30 * Math.sin(2 * Math.PI * 0.7 * t + seed);
            double v = 0;
            for (int h = 1; h <= 8; h++) {
                v += Math.sin(2 * Math.PI * f0 * h * t) / h;
            }
            out[from + i] = (short) (3000 * v);
        }
    }

    /** Keys as 100 ms tones with 100 ms gaps at about -10 dBFS; returns where the sequence ends. */
    private static int keys(short[] out, int from, String digits) {
        int at = from;
        for (char d : digits.toCharArray()) {
            int k = KEYS.indexOf(d);
            double lo = ROW[k / 4];
            double hi = COL[k % 4];
            for (int i = 0; i < 800; i++) {
                double t = i / 8000.0;
                out[at + i] = (short) (5000 * (Math.sin(2 * Math.PI * lo * t) + Math.sin(2 * Math.PI * hi * t)));
            }
            at += 1600;
        }
        return at;
    }

    private static void feed(DigitGuard guard, short[] left, short[] right) {
        ByteBuffer frame = ByteBuffer.allocate(640).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < left.length; i++) {
            frame.putShort(left[i]).putShort(right[i]);
            if (!frame.hasRemaining()) {
                frame.flip();
                guard.write(frame);
                frame.clear();
            }
        }
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

    private static List<Character> digitsIn(short[] pcm) {
        List<Character> found = new ArrayList<>();
        DtmfDetector d = new DtmfDetector(new DigitListener() {
            @Override
            public void digitStarted(DigitEvent event) {
                found.add(event.digit());
            }

            @Override
            public void digitEnded(DigitEvent event) {
            }
        });
        d.process(pcm, 0, pcm.length);
        d.finish();
        return found;
    }

    @Test
    void inBandCardNumberAndCode_areCutFromTheFirstDigit_andSpeechAroundIsUnchanged() {
        int rate = 8000;
        short[] left = new short[40 * rate];
        short[] right = new short[left.length];
        voice(left, 0, 4 * rate, 1);                                  // 0-4 s: the caller speaks
        int cardStart = 5 * rate;
        int afterCard = keys(left, cardStart, "4111111111111111");    // 5-8.2 s: card number
        int afterCode = keys(left, afterCard + 4 * rate, "123");      // after the IVR's next prompt: the code
        voice(left, 30 * rate, 6 * rate, 2);                          // 30-36 s: speaks again
        voice(right, 0, left.length, 3);                              // the agent talks throughout
        assertThat(digitsIn(left)).hasSize(19);

        DigitGuard guard = digitGuard(Duration.ofSeconds(3));
        feed(guard, left, right);
        guard.finish();

        short[] recLeft = channel(0);
        short[] recRight = channel(1);
        assertThat(recLeft).hasSize(left.length);
        assertThat(digitsIn(recLeft)).as("no digit left in the recording").isEmpty();
        for (int i = 0; i < 4 * rate; i++) {
            assertThat(recLeft[i]).isEqualTo(left[i]);
        }
        for (int i = 30 * rate; i < 36 * rate; i++) {
            assertThat(recLeft[i]).isEqualTo(left[i]);
        }
        List<GuardSegment> pauses = segments.stream().filter(s -> s.kind() == GuardSegment.Kind.PAUSED).toList();
        assertThat(pauses).as("the card number, then the code").hasSize(2);
        GuardSegment pause = pauses.getFirst();
        assertThat(pause.trigger()).isEqualTo("card-number");
        assertThat(pause.startSample()).isBetween(cardStart - 200L, (long) cardStart);
        assertThat(pause.endSample()).isBetween(afterCard - 1600L, afterCard + 8000L);
        assertThat(pause.reason()).isEqualTo(DigitGuard.CARD_NUMBER).doesNotContainPattern("[0-9]");
        assertThat(pauses.get(1).reason()).isEqualTo(DigitGuard.SECURITY_CODE);
        assertThat(pauses.get(1).startSample()).isBetween(afterCard + 4L * rate - 200, afterCard + 4L * rate);
        assertThat(pauses.get(1).endSample()).isBetween(afterCode - 1600L, afterCode + 8000L);
        for (long i = pause.startSample(); i < pause.endSample(); i++) {
            assertThat(recRight[(int) i]).as("both channels paused").isZero();
        }
        assertThat(segments).filteredOn(s -> s.kind() == GuardSegment.Kind.MASKED).hasSizeGreaterThanOrEqualTo(19);
    }

    @Test
    void singleInBandDigits_areMaskedWithoutAPause() {
        short[] left = new short[6 * 8000];
        short[] right = new short[left.length];
        voice(left, 0, 8000, 4);
        keys(left, 2 * 8000, "59");
        voice(right, 0, right.length, 5);
        DigitGuard guard = digitGuard(Duration.ofSeconds(3));
        feed(guard, left, right);
        guard.finish();
        assertThat(digitsIn(channel(0))).isEmpty();
        assertThat(segments).extracting(GuardSegment::kind).containsOnly(GuardSegment.Kind.MASKED).hasSize(2);
        short[] rec = channel(0);
        for (int i = 0; i < 8000; i++) {
            assertThat(rec[i]).isEqualTo(left[i]);
        }
    }

    @Test
    void outOfBandCardNumber_pausesFromItsFirstKey_andResumesAfterTheCode() {
        // RFC 4733 keys: the card number from 4 s, every 200 ms; the code 4 s after it
        String card = "4111111111111111";
        int codeFrom = 4000 + card.length() * 200 + 4000;
        java.util.Map<Integer, Character> keys = new java.util.HashMap<>();
        for (int k = 0; k < card.length(); k++) {
            keys.put(4000 + 200 * k, card.charAt(k));
        }
        for (int k = 0; k < 3; k++) {
            keys.put(codeFrom + 200 * k, "123".charAt(k));
        }
        feedWithKeys(20, 6, keys);
        GuardSegment pause = segments.stream().filter(s -> s.kind() == GuardSegment.Kind.PAUSED).findFirst()
                .orElseThrow();
        assertThat(pause.startMillis()).isBetween(3900L, 4010L);
        assertThat(pause.endMillis()).as("0.7 s after the last card digit").isBetween(7600L, 7800L);
        GuardSegment code = segments.stream().filter(s -> s.kind() == GuardSegment.Kind.PAUSED).toList().get(1);
        assertThat(code.startMillis()).isBetween(11_100L, 11_210L);
        assertThat(code.endMillis()).isBetween(12_200L, 12_400L);
        assertThat(pause.reason()).isEqualTo(DigitGuard.CARD_NUMBER);
        assertThat(code.reason()).isEqualTo(DigitGuard.SECURITY_CODE);
    }

    @Test
    void aDigitRunThatIsNoCardNumber_isStillPaused_butNotLabelledAsOne() {
        String account = "4111111111111112"; // 16 digits failing the Luhn check: an account number, say
        java.util.Map<Integer, Character> keys = new java.util.HashMap<>();
        for (int k = 0; k < account.length(); k++) {
            keys.put(2000 + 200 * k, account.charAt(k));
        }
        feedWithKeys(12, 8, keys);
        List<GuardSegment> pauses = segments.stream().filter(s -> s.kind() == GuardSegment.Kind.PAUSED).toList();
        assertThat(pauses).hasSize(1);
        assertThat(pauses.getFirst().reason()).isEqualTo("digit run that may be card data");
    }

    /**
     * {@code seconds} of speech on both channels through a guard (3 s delay), in 20 ms frames, with caller keys
     * reported out of band at the given milliseconds (after the frame that ends there); then the guard is finished.
     */
    private void feedWithKeys(int seconds, int seed, java.util.Map<Integer, Character> keysAtMillis) {
        short[] left = new short[seconds * 8000];
        short[] right = new short[left.length];
        voice(left, 0, left.length, seed);
        voice(right, 0, right.length, seed + 1);
        DigitGuard guard = digitGuard(Duration.ofSeconds(3));
        ByteBuffer frame = ByteBuffer.allocate(640).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < left.length; i++) {
            frame.putShort(left[i]).putShort(right[i]);
            if (!frame.hasRemaining()) {
                frame.flip();
                guard.write(frame);
                frame.clear();
                Character key = keysAtMillis.get((i + 1) / 8);
                if (key != null) {
                    guard.outOfBand(0, key);
                }
            }
        }
        guard.finish();
    }
}
