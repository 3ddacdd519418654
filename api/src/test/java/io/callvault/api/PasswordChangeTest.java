package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.api.auth.FirstAdmin;
import io.callvault.api.auth.Passwords;
import io.callvault.vault.spi.access.UserAccount;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One-time passwords: first-admin bootstrap, admin resets, and the password change they force. */
class PasswordChangeTest {
    static final String NEW = "a brand new passphrase";

    @Test
    void firstStart_createsAdminWithOneTimePassword_thatMustBeChangedBeforeAnythingElse(@TempDir Path dir)
            throws Exception {
        try (ApiFixture f = new ApiFixture(dir, ApiSettings.defaults(), false)) {
            Optional<String> printed = FirstAdmin.ensure(f.catalog.users(), null, f.clock);
            assertThat(printed).hasValueSatisfying(p -> assertThat(p).hasSize(24));
            assertThat(FirstAdmin.ensure(f.catalog.users(), null, f.clock)).as("only while no user exists").isEmpty();
            UserAccount admin = f.catalog.users().find("admin").orElseThrow();
            assertThat(admin.mustChangePassword()).isTrue();
            assertThat(admin.passwordHash()).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

            Http.Response login = f.http.json("POST", "/api/v1/session", Map.of("username", "admin", "password",
                    printed.get()), Http.Auth.NONE);
            assertThat(login.status()).isEqualTo(200);
            assertThat(login.json().path("mustChangePassword").asBoolean()).isTrue();
            Http.Auth session = Http.Auth.session(ApiFixture.cookie(login), login.json().path("csrfToken").asText());

            Http.Response refused = f.http.get("/api/v1/users", session);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.errorCode()).isEqualTo("password_change_required");
            assertThat(f.http.json("POST", "/api/v1/tokens", Map.of("name", "x"), session).errorCode())
                    .isEqualTo("password_change_required");
            assertThat(f.http.get("/api/v1/session", session).status()).isEqualTo(200);

            Http.Response changed = f.http.json("POST", "/api/v1/session/password", Map.of("currentPassword",
                    printed.get(), "newPassword", NEW), session);
            assertThat(changed.status()).as(changed.text()).isEqualTo(200);
            assertThat(changed.json().path("mustChangePassword").asBoolean()).isFalse();
            Http.Auth renewed = Http.Auth.session(ApiFixture.cookie(changed), changed.json().path("csrfToken").asText());
            assertThat(f.http.get("/api/v1/session", session).status()).as("the old session ended").isEqualTo(401);
            assertThat(f.http.get("/api/v1/users", renewed).status()).isEqualTo(200);
            assertThat(f.auditLog()).anySatisfy(e -> assertThat(e.action()).isEqualTo("auth.password_change"));
        }
    }

    @Test
    void firstStart_withEnvPassword_usesIt_andRefusesAWeakOne(@TempDir Path dir) throws Exception {
        try (ApiFixture f = new ApiFixture(dir, ApiSettings.defaults(), false)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> FirstAdmin.ensure(f.catalog.users(), "short",
                    f.clock)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CALLVAULT_ADMIN_PASSWORD");
            assertThat(f.catalog.users().list()).isEmpty();
            assertThat(FirstAdmin.ensure(f.catalog.users(), "the operator's choice", f.clock)).isEmpty();
            UserAccount admin = f.catalog.users().find("admin").orElseThrow();
            assertThat(Passwords.verify("the operator's choice", admin.passwordHash())).isTrue();
            assertThat(admin.mustChangePassword()).isTrue();
        }
    }

    @Test
    void adminReset_givesAOneTimePassword_endsSessions_andForcesAChange(@TempDir Path dir) throws Exception {
        try (ApiFixture f = new ApiFixture(dir)) {
            Http.Auth before = f.login("alice");
            Http.Response reset = f.http.json("POST", "/api/v1/users/alice/password", null, f.bearer("ada"));
            assertThat(reset.status()).isEqualTo(200);
            String oneTime = reset.json().path("oneTimePassword").asText();
            assertThat(reset.text()).doesNotContain("argon2");
            assertThat(f.http.get("/api/v1/session", before).status()).isEqualTo(401);

            Http.Response login = f.http.json("POST", "/api/v1/session", Map.of("username", "alice", "password",
                    oneTime), Http.Auth.NONE);
            Http.Auth session = Http.Auth.session(ApiFixture.cookie(login), login.json().path("csrfToken").asText());
            assertThat(f.http.get("/api/v1/recordings", session).errorCode()).isEqualTo("password_change_required");

            Http.Response weak = f.http.json("POST", "/api/v1/session/password", Map.of("currentPassword", oneTime,
                    "newPassword", "short"), session);
            assertThat(weak.status()).isEqualTo(422);
            Http.Response wrong = f.http.json("POST", "/api/v1/session/password", Map.of("currentPassword",
                    "not the one time password", "newPassword", NEW), session);
            assertThat(wrong.status()).isEqualTo(422);
            Http.Response ok = f.http.json("POST", "/api/v1/session/password", Map.of("currentPassword", oneTime,
                    "newPassword", NEW), session);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(f.auditLog()).anySatisfy(e -> {
                assertThat(e.action()).isEqualTo("user.password_reset");
                assertThat(e.target()).isEqualTo("alice");
            });
        }
    }
}
