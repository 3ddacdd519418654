package io.callvault.api;

import io.callvault.api.announcements.PromptInfo;
import io.callvault.api.announcements.PromptLibrary;
import io.callvault.policy.rules.LanguageTags;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link PromptLibrary} in memory for the API's tests, with a built-in English prompt. It stands in for the
 * server's library, which validates with the media module's WAV reader; this one checks only the canonical
 * 44-byte header for 8000 Hz mono, refusing anything else with a message of the same kind, and hashes the
 * whole file instead of the samples. Thread-safe.
 */
final class MemoryPromptLibrary implements PromptLibrary {
    static final String BUILT_IN_SHA256 = "0".repeat(64);
    static final String REFUSAL = "prompt must be 8000 Hz mono, 16-bit PCM or 8-bit G.711 µ-law/A-law; "
            + "this file is not — convert it with: sox in.wav -r 8000 -c 1 -b 16 out.wav";

    private final Map<String, PromptInfo> operator = new TreeMap<>();

    @Override
    public synchronized List<PromptInfo> list() {
        List<PromptInfo> all = new ArrayList<>(operator.values());
        all.add(new PromptInfo("en", PromptInfo.Source.BUILTIN, "builtin:recording-notice-en", BUILT_IN_SHA256,
                Duration.ofMillis(6500)));
        return all;
    }

    @Override
    public synchronized PromptInfo put(String language, byte[] wav) {
        LanguageTags.require(language);
        ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length <= 44 || !new String(wav, 0, 4, StandardCharsets.US_ASCII).equals("RIFF")
                || b.getShort(22) != 1 || b.getInt(24) != 8000) {
            throw new IllegalArgumentException(REFUSAL);
        }
        PromptInfo info = new PromptInfo(language, PromptInfo.Source.OPERATOR, "operator:recording-notice-" + language,
                sha256(wav), Duration.ofMillis((wav.length - 44) / 16L));
        operator.put(language, info);
        return info;
    }

    @Override
    public synchronized Optional<PromptInfo> remove(String language) {
        return Optional.ofNullable(operator.remove(LanguageTags.require(language)));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
