package io.callvault.testkit;

import static io.callvault.testkit.GovernanceFixtures.T0;
import static io.callvault.testkit.GovernanceFixtures.session;
import static io.callvault.testkit.GovernanceFixtures.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.vault.spi.ConflictException;
import io.callvault.vault.spi.access.ApiToken;
import io.callvault.vault.spi.access.CredentialStore;
import io.callvault.vault.spi.access.Session;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The {@link CredentialStore} contract: implement it in a test class whose {@link #credentials()} is a
 * fresh, empty store for each test. Sessions and tokens name users the store need not know.
 */
public interface CredentialStoreContract {

    CredentialStore credentials();

    @Test
    default void createSession_thenFound_withEveryField() throws Exception {
        Session s = session("a1".repeat(32), "alice", 0);
        credentials().createSession(s);
        assertThat(credentials().findSession("a1".repeat(32))).contains(s);
        assertThat(credentials().findSession("b2".repeat(32))).isEmpty();
    }

    @Test
    default void deleteSessions_oneById_leavesTheOthers_andRepeatsQuietly() throws Exception {
        credentials().createSession(session("s1", "alice", 0));
        credentials().createSession(session("s2", "alice", 1));
        credentials().deleteSessions("alice", "s1");
        credentials().deleteSessions("alice", "s1");
        assertThat(credentials().findSession("s1")).isEmpty();
        assertThat(credentials().findSession("s2")).isPresent();
    }

    @Test
    default void deleteSessions_withoutId_endsEverySessionOfThatUserOnly() throws Exception {
        credentials().createSession(session("s1", "alice", 0));
        credentials().createSession(session("s2", "alice", 1));
        credentials().createSession(session("s3", "bob", 2));
        credentials().deleteSessions("alice", null);
        assertThat(credentials().findSession("s1")).isEmpty();
        assertThat(credentials().findSession("s2")).isEmpty();
        assertThat(credentials().findSession("s3")).isPresent();
        credentials().deleteSessions("nobody", null);
    }

    @Test
    default void createToken_thenFound_withEveryField() throws Exception {
        ApiToken t = token("tok1", "svc-export", 0);
        credentials().createToken(t);
        assertThat(credentials().findToken("tok1")).contains(t);
        assertThat(credentials().findToken("tok2")).isEmpty();
    }

    @Test
    default void createToken_existingId_conflictsAndKeepsTheFirst() throws Exception {
        credentials().createToken(token("tok1", "alice", 0));
        assertThatThrownBy(() -> credentials().createToken(token("tok1", "bob", 5)))
                .isInstanceOf(ConflictException.class).hasMessageContaining("tok1");
        assertThat(credentials().findToken("tok1").orElseThrow().username()).isEqualTo("alice");
    }

    @Test
    default void tokens_ofOneUserOrEveryone_newestFirst_revokedIncluded() throws Exception {
        credentials().createToken(token("t-old", "alice", 0));
        credentials().createToken(token("t-new", "alice", 10));
        credentials().createToken(token("t-mid", "bob", 5));
        credentials().revokeToken("t-old", T0.plusSeconds(60));
        assertThat(credentials().tokens("alice")).extracting(ApiToken::id)
                .containsExactly("t-new", "t-old");
        assertThat(credentials().tokens(null)).extracting(ApiToken::id)
                .containsExactly("t-new", "t-mid", "t-old");
        assertThat(credentials().tokens("carol")).isEmpty();
    }

    @Test
    default void revokeToken_marksItOnce_andKeepsTheFirstTime() throws Exception {
        credentials().createToken(token("tok1", "alice", 0));
        Instant first = T0.plusSeconds(60);
        assertThat(credentials().revokeToken("tok1", first)).isTrue();
        assertThat(credentials().revokeToken("tok1", first.plusSeconds(60))).isTrue();
        ApiToken back = credentials().findToken("tok1").orElseThrow();
        assertThat(back.revokedAt()).isEqualTo(first);
        assertThat(back.usableAt(T0.plusSeconds(30))).isFalse();
    }

    @Test
    default void revokeToken_unknown_returnsFalse() throws Exception {
        assertThat(credentials().revokeToken("nope", T0)).isFalse();
    }
}
