package io.callvault.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenTextTest {
    @Test
    void generatedToken_roundTripsThroughItsText() {
        TokenText t = TokenText.generate();
        assertThat(t.text()).matches("cvt_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(TokenText.parse(t.text())).contains(t);
        assertThat(t.secretHash()).hasSize(64).isEqualTo(Secrets.sha256Hex(t.secret()));
        assertThat(t.toString()).doesNotContain(t.secret());
    }

    @Test
    void otherText_isNotAToken() {
        assertThat(TokenText.parse("cvt_0123_abc")).isEmpty();
        assertThat(TokenText.parse("ghp_0123456789abcdef_" + "a".repeat(43))).isEmpty();
        assertThat(TokenText.parse(null)).isEmpty();
    }
}
