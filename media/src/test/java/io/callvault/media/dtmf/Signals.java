package io.callvault.media.dtmf;

import io.callvault.media.codec.G711;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Test audio at 8000 Hz, made in code. Levels are dBFS, 0 being a full-scale sine; "peak" levels are the
 * peak of a key's two tones together, as {@code sox gain -n} sets them (each tone then 6 dB lower).
 */
final class Signals {
    static final int RATE = 8000;

    private Signals() {
    }

    static int samples(double ms) {
        return (int) Math.round(ms * RATE / 1000);
    }

    static double amplitude(double dbfs) {
        return 32767 * Math.pow(10, dbfs / 20);
    }

    /** Key {@code key}, both tones equal, peak {@code peakDbfs}. */
    static double[] key(char key, double ms, double peakDbfs) {
        double tone = peakDbfs - 20 * Math.log10(2);
        return pair(rowHz(key), columnHz(key), ms, tone, tone);
    }

    static double rowHz(char key) {
        return Keypad.ROW_HZ[Keypad.row(key)];
    }

    static double columnHz(char key) {
        return Keypad.COLUMN_HZ[Keypad.column(key)];
    }

    /** Two sines at their own levels (dBFS each), with fixed, unrelated start phases. */
    static double[] pair(double rowHz, double columnHz, double ms, double rowDbfs, double columnDbfs) {
        int n = samples(ms);
        double a = amplitude(rowDbfs);
        double b = amplitude(columnDbfs);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a * Math.sin(2 * Math.PI * rowHz * i / RATE + 0.3) + b * Math.sin(2 * Math.PI * columnHz * i / RATE + 1.1);
        }
        return x;
    }

    static double[] silence(double ms) {
        return new double[samples(ms)];
    }

    static double[] silenceSamples(int n) {
        return new double[n];
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** {@code a + b}, as long as the longer; {@code b} added from index {@code at} of {@code a}. */
    static double[] mix(double[] a, double[] b, int at) {
        double[] out = Arrays.copyOf(a, Math.max(a.length, at + b.length));
        for (int i = 0; i < b.length; i++) {
            out[at + i] += b[i];
        }
        return out;
    }

    static double[] scale(double[] x, double db) {
        double g = Math.pow(10, db / 20);
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] * g;
        }
        return out;
    }

    /** White Gaussian noise whose power is that of a sine at {@code dbfs}. */
    static double[] noise(long seed, int n, double dbfs) {
        Random random = new Random(seed);
        double sigma = amplitude(dbfs) / Math.sqrt(2);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = sigma * random.nextGaussian();
        }
        return x;
    }

    /** Mean power, in dBFS (0 is a full-scale sine). */
    static double powerDbfs(double[] x) {
        double p = 0;
        for (double v : x) {
            p += v * v;
        }
        return 10 * Math.log10(p / x.length / (32767.0 * 32767.0 / 2));
    }

    /** Rounded and clipped to 16 bits. */
    static short[] pcm(double[] x) {
        short[] s = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = (short) Math.clamp(Math.round(x[i]), Short.MIN_VALUE, Short.MAX_VALUE);
        }
        return s;
    }

    static double[] real(short[] s) {
        double[] x = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            x[i] = s[i];
        }
        return x;
    }

    static short[] g711RoundTrip(short[] pcm, G711 law) {
        short[] out = new short[pcm.length];
        for (int i = 0; i < pcm.length; i++) {
            out[i] = law.decode(law.encode(pcm[i]));
        }
        return out;
    }

    /**
     * Speech-like sound: a glottal pulse train whose pitch glides between {@code fromHz} and {@code toHz}
     * (with 1 % jitter), through three formant resonators that glide too, peak about -10 dBFS. No DTMF
     * detector should take it for a key.
     */
    static double[] voice(long seed, double seconds, double fromHz, double toHz, double[] formantsFrom,
            double[] formantsTo) {
        Random random = new Random(seed);
        int n = (int) Math.round(seconds * RATE);
        double[] source = new double[n];
        double t = 0;
        while (true) {
            double f0 = fromHz + (toHz - fromHz) * t / seconds;
            t += 1 / (f0 * (1 + 0.01 * random.nextGaussian()));
            int k = (int) (t * RATE);
            if (k >= n) {
                break;
            }
            source[k] = 1;
        }
        double lp = 0;
        for (int i = 0; i < n; i++) {
            lp = 0.9 * lp + source[i];
            source[i] = lp;
        }
        double[] out = new double[n];
        for (int f = 0; f < formantsFrom.length; f++) {
            double y1 = 0;
            double y2 = 0;
            double gain = 1.0 / (f + 1);
            for (int i = 0; i < n; i++) {
                double hz = formantsFrom[f] + (formantsTo[f] - formantsFrom[f]) * i / n;
                double r = Math.exp(-Math.PI * (60 + 40 * f) / RATE);
                double y = (1 - r) * source[i] + 2 * r * Math.cos(2 * Math.PI * hz / RATE) * y1 - r * r * y2;
                y2 = y1;
                y1 = y;
                out[i] += gain * y;
            }
        }
        double peak = 0;
        for (double v : out) {
            peak = Math.max(peak, Math.abs(v));
        }
        return scale(out, 20 * Math.log10(amplitude(-10) / peak));
    }

    /** A few seconds of vowels with pitch and formant glides, male and female ranges. */
    static double[] speechLike(long seed) {
        return concat(
                voice(seed, 0.6, 110, 150, new double[] {730, 1090, 2440}, new double[] {570, 840, 2410}),
                silence(80),
                voice(seed + 1, 0.5, 220, 180, new double[] {270, 2290, 3010}, new double[] {390, 1990, 2550}),
                silence(60),
                voice(seed + 2, 0.7, 95, 130, new double[] {300, 870, 2240}, new double[] {640, 1190, 2390}),
                voice(seed + 3, 0.5, 240, 200, new double[] {660, 1720, 2410}, new double[] {520, 1190, 2390}),
                silence(100),
                voice(seed + 4, 0.6, 174, 176, new double[] {697, 1220, 2500}, new double[] {700, 1215, 2500}));
    }

    /** The samples of a 16-bit mono PCM WAV (any rate is taken as 8000 Hz; callers check). */
    static short[] readWav(byte[] wav) {
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (!tag(b, 0).equals("RIFF") || !tag(b, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file");
        }
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = tag(b, at);
            int size = b.getInt(at + 4);
            if (id.equals("fmt ")) {
                if (b.getShort(at + 8) != 1 || b.getShort(at + 10) != 1 || b.getShort(at + 22) != 16) {
                    throw new IllegalArgumentException("not 16-bit mono PCM");
                }
            } else if (id.equals("data")) {
                short[] s = new short[Math.min(size, wav.length - at - 8) / 2];
                b.position(at + 8);
                b.asShortBuffer().get(s);
                return s;
            }
            at += 8 + size + (size & 1);
        }
        throw new IllegalArgumentException("no data chunk");
    }

    static short[] readWav(Path path) throws IOException {
        return readWav(Files.readAllBytes(path));
    }

    /** Writes 8000 Hz 16-bit mono PCM. */
    static void writeWav(Path path, short[] pcm) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * pcm.length).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + 2 * pcm.length);
        b.put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(RATE).putInt(2 * RATE).putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(2 * pcm.length);
        for (short s : pcm) {
            b.putShort(s);
        }
        Files.write(path, b.array());
    }

    private static String tag(ByteBuffer b, int at) {
        byte[] t = new byte[4];
        b.get(at, t);
        return new String(t, StandardCharsets.US_ASCII);
    }
}
