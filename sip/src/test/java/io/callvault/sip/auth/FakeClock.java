package io.callvault.sip.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand. */
final class FakeClock implements InstantSource {
    private Instant now = Instant.parse("2026-11-30T09:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration d) {
        now = now.plus(d);
    }
}
