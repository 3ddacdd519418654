package io.callvault.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.message.AuthField;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Published digest examples (RFC 2617 §3.5, RFC 7616 §3.9.1), by DigestMath and by the client end to end. */
class DigestKnownAnswerTest {

    @Test
    void rfc2617Example_md5WithQopAuth_matchesPublishedResponse() {
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestMath.ha2(DigestAlgorithm.MD5, "GET", "/dir/index.html");
        String response = DigestMath.response(DigestAlgorithm.MD5, ha1, "dcd98b7102dd2f0e8b11d0f600bfb0c093",
                "00000001", "0a4f113b", "auth", ha2);
        assertThat(response).isEqualTo("6629fae49393a05397450978507c4ef1");
    }

    @Test
    void rfc2617Example_clientAnswer_carriesPublishedResponse() {
        DigestChallenge challenge = DigestChallenge.from(AuthField.parse("Digest realm=\"testrealm@host.com\","
                + " qop=\"auth,auth-int\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                + " opaque=\"5ccc069c403ebaf9f0171e9517f40e41\""));
        DigestClient client = new DigestClient("Mufasa", "Circle Of Life", () -> "0a4f113b");
        AuthField answer = client.answer(challenge, "GET", "/dir/index.html");
        assertThat(answer.param("response")).contains("6629fae49393a05397450978507c4ef1");
        assertThat(answer.param("nc")).contains("00000001");
        assertThat(answer.param("opaque")).contains("5ccc069c403ebaf9f0171e9517f40e41");
        assertThat(answer.param("algorithm")).isEmpty();
    }

    private static final String RFC7616_CHALLENGE_PARAMS = "realm=\"http-auth@example.org\", qop=\"auth, auth-int\","
            + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\","
            + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";

    @Test
    void rfc7616Example_sha256_matchesPublishedResponse() {
        DigestChallenge challenge = DigestChallenge.from(AuthField.parse("Digest " + RFC7616_CHALLENGE_PARAMS
                + ", algorithm=SHA-256"));
        DigestClient client = new DigestClient("Mufasa", "Circle of Life",
                () -> "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        AuthField answer = client.answer(challenge, "GET", "/dir/index.html");
        assertThat(answer.param("response"))
                .contains("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1");
        assertThat(answer.param("algorithm")).contains("SHA-256");
        assertThat(answer.toString()).contains("qop=auth, nc=00000001").contains("algorithm=SHA-256,");
    }

    @Test
    void rfc7616Example_md5_matchesPublishedResponse() {
        DigestChallenge challenge = DigestChallenge.from(AuthField.parse("Digest " + RFC7616_CHALLENGE_PARAMS
                + ", algorithm=MD5"));
        DigestClient client = new DigestClient("Mufasa", "Circle of Life",
                () -> "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");
        assertThat(client.answer(challenge, "GET", "/dir/index.html").param("response"))
                .contains("8ca523f5e9506fed4657c9700eebdbec");
    }

    @Test
    void rfc7616Example_publishedAuthorization_parsesToItsFields() {
        DigestCredentials c = DigestCredentials.from(AuthField.parse("Digest username=\"Mufasa\","
                + " realm=\"http-auth@example.org\", uri=\"/dir/index.html\", algorithm=SHA-256,"
                + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001,"
                + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
                + " response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\","
                + " opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\""));
        String ha1 = new DigestSecret.Password("Circle of Life").ha1(DigestAlgorithm.SHA_256, c.username(), c.realm())
                .orElseThrow();
        String expected = DigestMath.response(DigestAlgorithm.SHA_256, ha1, c.nonce(), c.nc().orElseThrow(),
                c.cnonce().orElseThrow(), c.qop()
                        .orElseThrow(), DigestMath.ha2(DigestAlgorithm.SHA_256, "GET", c.uri()));
        assertThat(expected).isEqualTo(c.response());
        assertThat(DigestChallenge.from(AuthField.parse("Digest " + RFC7616_CHALLENGE_PARAMS)).qop())
                .isEqualTo(List.of("auth", "auth-int"));
        assertThat(c.algorithm()).isEqualTo(Optional.of("SHA-256"));
    }

    @Test
    void legacyRfc2069Form_withoutQop_hashesNonceAndHa2Only() {
        DigestChallenge challenge = DigestChallenge.from(AuthField.parse(
                "Digest realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\""));
        AuthField answer = new DigestClient("Mufasa", "Circle Of Life").answer(challenge, "GET", "/dir/index.html");
        String ha1 = DigestMath.ha1(DigestAlgorithm.MD5, "Mufasa", "testrealm@host.com", "Circle Of Life");
        String ha2 = DigestMath.ha2(DigestAlgorithm.MD5, "GET", "/dir/index.html");
        assertThat(answer.param("response")).contains(DigestMath.legacyResponse(DigestAlgorithm.MD5, ha1,
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", ha2));
        assertThat(answer.param("qop")).isEmpty();
        assertThat(answer.param("nc")).isEmpty();
        assertThat(answer.param("cnonce")).isEmpty();
    }
}
