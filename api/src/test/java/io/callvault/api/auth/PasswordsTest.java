package io.callvault.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordsTest {
    @Test
    void hash_isArgon2idWithTheDocumentedParameters_andVerifies() {
        String hash = Passwords.hash("correct horse battery staple");
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(Passwords.verify("correct horse battery staple", hash)).isTrue();
        assertThat(Passwords.verify("correct horse battery stapler", hash)).isFalse();
        assertThat(Passwords.hash("correct horse battery staple")).as("salted").isNotEqualTo(hash);
    }

    @Test
    void verify_isFalseForGarbageHashesAndOverlongPasswords() {
        assertThat(Passwords.verify("whatever password", "not a hash")).isFalse();
        assertThat(Passwords.verify("x".repeat(Passwords.MAX_LENGTH + 1), Passwords.hash("y".repeat(20)))).isFalse();
        assertThat(Passwords.verify(null, Passwords.hash("y".repeat(20)))).isFalse();
    }

    @Test
    void policy_needsTwelveCharacters_andNotTheUsername() {
        assertThatThrownBy(() -> Passwords.checkPolicy("bob", "short")).hasMessageContaining("at least 12");
        assertThatThrownBy(() -> Passwords.checkPolicy("bob", "my name is BOB ok")).hasMessageContaining("username");
        assertThatThrownBy(() -> Passwords.checkPolicy("bob", " ".repeat(12))).hasMessageContaining("spaces");
        assertThatThrownBy(() -> Passwords.checkPolicy("bob", "y".repeat(257))).hasMessageContaining("at most");
        Passwords.checkPolicy("bob", "twelve chars");
    }

    @Test
    void oneTimePasswords_areLongAndRandom() {
        assertThat(Passwords.oneTime()).hasSize(24).isNotEqualTo(Passwords.oneTime());
    }
}
