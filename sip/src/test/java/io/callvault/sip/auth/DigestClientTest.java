package io.callvault.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.Body;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Headers;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import org.junit.jupiter.api.Test;

class DigestClientTest {
    private static final SipUri TRUNK = SipUri.parse("sip:+14155550123@trunk.example.net");

    private static SipResponse response(int status, String... namesAndValues) {
        return new SipResponse(status, SipResponse.defaultReason(status), Headers.of(namesAndValues), Body.EMPTY);
    }

    @Test
    void severalChallenges_topmostSupportedOneIsAnswered() {
        SipResponse challenge = response(401,
                "WWW-Authenticate", "Digest realm=\"trunk\", nonce=\"n1\", algorithm=SHA-512-256, qop=\"auth\"",
                "WWW-Authenticate", "Digest realm=\"trunk\", nonce=\"n1\", algorithm=SHA-256, qop=\"auth\"",
                "WWW-Authenticate", "Digest realm=\"trunk\", nonce=\"n1\", algorithm=MD5, qop=\"auth\"");
        Header h = new DigestClient("acct", "pw").authorize(challenge, Method.INVITE, TRUNK);
        assertThat(h.name()).isEqualTo("Authorization");
        AuthField field = AuthField.parse(h.value());
        assertThat(field.param("algorithm")).contains("SHA-256");
        assertThat(field.param("uri")).contains(TRUNK.toString());
        assertThat(field.param("username")).contains("acct");
        assertThat(field.param("response").orElseThrow()).hasSize(64);
    }

    @Test
    void proxyChallenge_answeredInProxyAuthorization() {
        SipResponse challenge = response(407, "Proxy-Authenticate",
                "Digest realm=\"pbx\", nonce=\"abc\", opaque=\"xyz\", qop=\"auth\"");
        Header h = new DigestClient("acct", "pw").authorize(challenge, Method.INVITE, TRUNK);
        assertThat(h.name()).isEqualTo("Proxy-Authorization");
        assertThat(AuthField.parse(h.value()).param("opaque")).contains("xyz");
    }

    @Test
    void nothingUsable_failsNamingWhatWasOffered() {
        SipResponse challenge = response(401,
                "WWW-Authenticate", "Basic realm=\"x\"",
                "WWW-Authenticate", "Digest realm=\"x\", nonce=\"n\", algorithm=MD5-sess, qop=\"auth\"",
                "WWW-Authenticate", "Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\"");
        assertThatThrownBy(() -> new DigestClient("a", "b").authorize(challenge, Method.INVITE, TRUNK))
                .isInstanceOf(DigestException.class)
                .hasMessageContaining("Basic").hasMessageContaining("MD5-sess").hasMessageContaining("auth-int");
        assertThatThrownBy(() -> new DigestClient("a", "b").authorize(response(403), Method.INVITE, TRUNK))
                .isInstanceOf(DigestException.class).hasMessageContaining("403");
    }

    @Test
    void quotedValues_withQuotesAndBackslashes_areEscaped() {
        DigestChallenge c = DigestChallenge.from(
                AuthField.parse("Digest realm=\"a \\\"quoted\\\" realm\", nonce=\"n\""));
        assertThat(c.realm()).isEqualTo("a \"quoted\" realm");
        AuthField answer = new DigestClient("us\"er", "pw").answer(c, "INVITE", TRUNK.toString());
        assertThat(AuthField.parse(answer.toString()).param("username")).contains("us\"er");
        assertThat(new DigestClient("u", "secret-pw").toString()).doesNotContain("secret-pw");
    }
}
