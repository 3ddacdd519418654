package io.callvault.server.sip;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The agent's feature codes for one call: a star then one key ({@code pci.feature_pause}, e.g. {@code *1};
 * {@code pci.feature_resume}, e.g. {@code *2}). Fed with the agent's keys in order, from whichever way they
 * came (RFC 4733, SIP INFO, in-band); tells which keys belong to a code so they are not passed on. A star not
 * followed by a key within 3 s is forgotten. Thread-safe.
 */
final class FeatureCodes {
    enum Action {
        NONE,
        PAUSE,
        RESUME
    }

    /** What one key means: the action it completes, and whether it is part of a code (swallow it). */
    record Verdict(Action action, boolean swallow) {
        static final Verdict PASS = new Verdict(Action.NONE, false);
    }

    private static final long STAR_WINDOW = Duration.ofSeconds(3).toNanos();

    private final String pause;
    private final String resume;
    private final LongSupplier nanos;
    private long starAt = -1;

    /** @param pause {@code *1} or empty (no code); likewise {@code resume} */
    FeatureCodes(String pause, String resume, LongSupplier nanos) {
        this.pause = pause;
        this.resume = resume;
        this.nanos = nanos;
    }

    boolean enabled() {
        return !pause.isEmpty() || !resume.isEmpty();
    }

    synchronized Verdict key(char key) {
        if (!enabled()) {
            return Verdict.PASS;
        }
        long now = nanos.getAsLong();
        if (key == '*') {
            starAt = now;
            return new Verdict(Action.NONE, true);
        }
        boolean afterStar = starAt >= 0 && now - starAt <= STAR_WINDOW;
        starAt = -1;
        if (!afterStar) {
            return Verdict.PASS;
        }
        String code = "*" + key;
        if (code.equals(pause)) {
            return new Verdict(Action.PAUSE, true);
        }
        if (code.equals(resume)) {
            return new Verdict(Action.RESUME, true);
        }
        return Verdict.PASS;
    }
}
