package io.callvault.testkit;

import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.Session;
import io.callvault.vault.spi.access.UserAccount;
import io.callvault.vault.spi.dsar.DsarAction;
import io.callvault.vault.spi.dsar.DsarKind;
import io.callvault.vault.spi.dsar.DsarRequest;
import io.callvault.vault.spi.dsar.DsarStatus;
import io.callvault.vault.spi.hold.HoldScope;
import io.callvault.vault.spi.hold.LegalHold;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Deterministic users, credentials, holds and data-subject requests for the governance contracts
 * ({@link UserStoreContract} and its siblings): the same arguments give equal values. Instants carry
 * milliseconds, so a store that keeps only seconds fails the round trip.
 */
public final class GovernanceFixtures {
    public static final Instant T0 = Instant.parse("2026-01-05T08:30:00.123Z");
    /** An encoded Argon2id hash in the PHC string format, as password4j writes it. */
    public static final String PASSWORD_HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNo";

    private GovernanceFixtures() {
    }

    /** An enabled agent of team "billing" on extension 201, created at {@link #T0}. */
    public static UserAccount user(String username) {
        return new UserAccount(username, "User " + username, Set.of(Role.AGENT), Set.of("billing"), "201",
                PASSWORD_HASH, false, 0, null, false, T0);
    }

    /** A session of {@code username} created {@code minutes} after {@link #T0}, valid for 8 hours. */
    public static Session session(String idHash, String username, int minutes) {
        Instant created = T0.plus(Duration.ofMinutes(minutes));
        return new Session(idHash, username, "csrf-" + idHash, created, created.plus(Duration.ofHours(8)),
                "192.0.2.10");
    }

    /** An unrevoked token of {@code username} created {@code minutes} after {@link #T0}, valid for 90 days. */
    public static ApiToken token(String id, String username, int minutes) {
        Instant created = T0.plus(Duration.ofMinutes(minutes));
        return new ApiToken(id, "token " + id, username, "5e".repeat(32), created, created.plus(Duration.ofDays(90)),
                null);
    }

    /** An active hold on {@code ids}, created by "carol" {@code minutes} after {@link #T0}. */
    public static LegalHold hold(String id, int minutes, Set<RecordingId> ids) {
        return LegalHold.create(id, "Hold " + id, "litigation", "Matter 2026-" + id, "carol",
                T0.plus(Duration.ofMinutes(minutes)), HoldScope.ids(ids));
    }

    /** An active hold on everything {@code party} took part in since {@link #T0}. */
    public static LegalHold searchHold(String id, int minutes, PhoneNumber party) {
        return LegalHold.create(id, "Hold " + id, "regulator inquiry", "", "carol",
                T0.plus(Duration.ofMinutes(minutes)), HoldScope.search(party, T0, null));
    }

    /** An open request received at {@link #T0} plus {@code days}, due 30 days later, without actions. */
    public static DsarRequest dsar(String id, DsarKind kind, int days, List<PhoneNumber> numbers) {
        Instant received = T0.plus(Duration.ofDays(days));
        return new DsarRequest(id, kind, numbers, "Zoë O'Brien", "zoe@example.org", received,
                received.plus(Duration.ofDays(30)), DsarStatus.OPEN, "dpo", List.of());
    }

    public static DsarAction action(int minutes, String actor, String action, String details) {
        return new DsarAction(T0.plus(Duration.ofMinutes(minutes)), actor, action, details);
    }
}
