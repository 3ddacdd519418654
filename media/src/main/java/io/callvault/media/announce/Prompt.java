package io.callvault.media.announce;

import io.callvault.media.codec.G711;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An announcement's audio: 8000 Hz mono 16-bit linear samples, whatever the file held, with an id and the
 * SHA-256 that evidence names it by. Immutable and thread-safe; the samples are copied in and never handed
 * out, so what the hash names is what plays.
 *
 * <p>The hash is over the samples as 16-bit little-endian PCM, so a µ-law file and the PCM it decodes to
 * have the same hash, and an operator can reproduce it with
 * {@code sox prompt.wav -t raw -r 8000 -c 1 -b 16 -e signed-integer -L - | sha256sum}.
 *
 * <p>Load a prompt once and share it between calls: its µ-law and A-law encodings are made on first use
 * and kept with it.
 */
public final class Prompt {
    /** Longest prompt accepted: two minutes, ample for a multilingual notice. */
    public static final int MAX_SAMPLES = 120 * WavReader.RATE;
    /** Nothing to play; what {@link Announcement#alreadyComplete} reports. */
    public static final Prompt EMPTY = new Prompt("none", new short[0]);

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String BUILT_IN = "/io/callvault/media/announce/recording-notice-%s.wav";

    private final String id;
    private final short[] samples;
    private final String sha256;
    /** G.711 encodings, made on first use and shared by every call playing this prompt. */
    private volatile byte[] ulaw;
    private volatile byte[] alaw;

    private Prompt(String id, short[] samples) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a prompt needs an id for the evidence it appears in");
        }
        this.id = id;
        this.samples = samples;
        this.sha256 = sha256(samples);
    }

    /**
     * The prompt in {@code wav}: 8000 Hz mono, 16-bit PCM or 8-bit G.711 µ-law or A-law (decoded to PCM).
     *
     * @throws IllegalArgumentException saying what is wrong with the file, what is accepted and how to
     *     convert it, e.g. "prompt must be 8000 Hz mono, ...; this file is 16000 Hz stereo 16-bit PCM —
     *     convert it with: sox in.wav -r 8000 -c 1 -b 16 out.wav"
     */
    public static Prompt fromWav(String id, byte[] wav) {
        Objects.requireNonNull(wav, "wav");
        return new Prompt(id, WavReader.read(wav));
    }

    /** A prompt of the given 8000 Hz samples (copied); at most {@link #MAX_SAMPLES}, none is allowed. */
    public static Prompt fromPcm(String id, short[] samples) {
        if (samples.length > MAX_SAMPLES) {
            throw new IllegalArgumentException("prompt of " + samples.length + " samples; at most " + MAX_SAMPLES);
        }
        return new Prompt(id, samples.clone());
    }

    /**
     * The recording notice shipped for {@code language} (a BCP 47 tag such as {@code en}), with id
     * {@code builtin:recording-notice-<language>}. callvault ships {@code en}; operators supply their own
     * with {@link #fromWav}.
     *
     * @throws IllegalArgumentException if no notice is shipped for that language
     */
    public static Prompt builtIn(String language) {
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("not a language tag: '" + language + "' (expected e.g. en, de, pt-BR)");
        }
        String resource = BUILT_IN.formatted(language);
        try (InputStream in = Prompt.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in recording notice for language '" + language
                        + "' (looked for " + resource + " on the classpath); load your own with Prompt.fromWav");
            }
            return fromWav("builtin:recording-notice-" + language, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    public String id() {
        return id;
    }

    /** Lower-case hex SHA-256 of the samples as 16-bit little-endian PCM. */
    public String sha256() {
        return sha256;
    }

    public int sampleCount() {
        return samples.length;
    }

    /** Sample {@code index}, 0 ≤ index < {@link #sampleCount()}. */
    public short sample(int index) {
        return samples[index];
    }

    /** A copy of the samples. */
    public short[] samples() {
        return samples.clone();
    }

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / WavReader.RATE);
    }

    /**
     * The samples encoded with {@code codec}; callers only read it. Two threads racing here both encode and
     * one result wins, which is harmless: encoding is deterministic.
     */
    byte[] encoded(G711 codec) {
        byte[] codes = codec == G711.ULAW ? ulaw : alaw;
        if (codes == null) {
            codes = new byte[samples.length];
            codec.encode(samples, 0, samples.length, ByteBuffer.wrap(codes));
            if (codec == G711.ULAW) {
                ulaw = codes;
            } else {
                alaw = codes;
            }
        }
        return codes;
    }

    @Override
    public String toString() {
        return "Prompt[" + id + ", " + duration().toMillis() + " ms, sha256 " + sha256.substring(0, 12) + "…]";
    }

    private static String sha256(short[] samples) {
        ByteBuffer pcm = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        pcm.asShortBuffer().put(samples);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pcm.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
