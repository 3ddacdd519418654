package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.access.Role;
import io.callvault.vault.spi.access.UserAccount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Password logins: one answer for every failure, lockout after 5 failures, doubling back-off, reset on success. */
class LoginLockoutTest {
    static final String WRONG = "definitely not it at all";

    @TempDir
    Path dir;
    ApiFixture f;

    @BeforeEach
    void start() throws Exception {
        f = new ApiFixture(dir);
    }

    @AfterEach
    void stop() throws Exception {
        f.close();
    }

    Http.Response login(String user, String password) {
        return f.http.json("POST", "/api/v1/session", Map.of("username", user, "password", password), Http.Auth.NONE);
    }

    UserAccount bob() throws Exception {
        return f.catalog.users().find("bob").orElseThrow();
    }

    @Test
    void unknownUser_wrongPassword_lockedAndDisabledAccount_allGetTheSame401() throws Exception {
        Http.Response unknown = login("nobody", ApiFixture.PASSWORD);
        Http.Response wrong = login("alice", WRONG);
        f.catalog.users().update(f.catalog.users().find("sam").orElseThrow().withProfile("Sam", Set.of(Role.SUPERVISOR),
                Set.of("red"), null, true));
        Http.Response disabled = login("sam", ApiFixture.PASSWORD);
        for (int i = 0; i < 5; i++) {
            login("bob", WRONG);
        }
        Http.Response locked = login("bob", ApiFixture.PASSWORD);
        for (Http.Response r : List.of(unknown, wrong, disabled, locked)) {
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.text()).isEqualTo(unknown.text());
            assertThat(r.header("Set-Cookie")).isEmpty();
        }
    }

    @Test
    void fiveFailures_lockForOneMinute_thenEachFurtherFailureDoublesTheLock() throws Exception {
        for (int i = 1; i <= 4; i++) {
            assertThat(login("bob", WRONG).status()).isEqualTo(401);
            assertThat(bob().failedLogins()).isEqualTo(i);
            assertThat(bob().lockedUntil()).isNull();
        }
        assertThat(login("bob", WRONG).status()).isEqualTo(401);
        assertThat(bob().lockedUntil()).isEqualTo(ApiFixture.START.plus(Duration.ofMinutes(1)));

        f.advance(Duration.ofSeconds(59));
        assertThat(login("bob", ApiFixture.PASSWORD).status()).as("locked: even the right password").isEqualTo(401);
        assertThat(bob().failedLogins()).as("attempts while locked do not count").isEqualTo(5);

        f.advance(Duration.ofSeconds(2));
        assertThat(login("bob", WRONG).status()).isEqualTo(401);
        assertThat(bob().failedLogins()).isEqualTo(6);
        assertThat(bob().lockedUntil()).as("6th failure: 2 minutes")
                .isEqualTo(ApiFixture.START.plusSeconds(61).plus(Duration.ofMinutes(2)));

        f.advance(Duration.ofSeconds(119));
        assertThat(login("bob", ApiFixture.PASSWORD).status()).isEqualTo(401);
        f.advance(Duration.ofSeconds(2));
        assertThat(login("bob", ApiFixture.PASSWORD).status()).isEqualTo(200);
        assertThat(bob().failedLogins()).isZero();
        assertThat(bob().lockedUntil()).isNull();
    }

    @Test
    void backOff_isCappedAtOneHour() throws Exception {
        UserAccount many = bob().withLogins(20, null);
        f.catalog.users().update(many);
        assertThat(login("bob", WRONG).status()).isEqualTo(401);
        assertThat(bob().lockedUntil()).isEqualTo(ApiFixture.START.plus(Duration.ofHours(1)));
    }

    @Test
    void logins_areAuditedWithOutcomeTargetAndSource() throws Exception {
        login("alice", WRONG);
        login("nobody", WRONG);
        login("alice", ApiFixture.PASSWORD);
        var entries = f.auditLog().stream().filter(e -> e.action().equals("auth.login")).toList();
        assertThat(entries).extracting(e -> e.target() + " " + e.outcome() + " " + e.actor())
                .containsExactly("alice denied alice", "nobody denied anonymous", "alice ok alice");
        assertThat(entries).allSatisfy(e -> assertThat(e.source()).isEqualTo("127.0.0.1"));
        assertThat(entries.get(0).details()).contains("wrong password");
        assertThat(entries.get(1).details()).contains("unknown user");
    }
}
