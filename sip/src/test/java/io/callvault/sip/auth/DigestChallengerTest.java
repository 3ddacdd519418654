package io.callvault.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.auth.DigestChallenger.Verdict;
import io.callvault.sip.message.AuthField;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DigestChallengerTest {
    private static final String REALM = "callvault.example";
    private static final byte[] SECRET = new byte[32];
    private static final CredentialStore USERS = (user, realm) -> Optional.ofNullable(Map.of(
            "alice", (DigestSecret) new DigestSecret.Password("wonderland"),
            "bob", new DigestSecret.Ha1(DigestAlgorithm.MD5,
                    DigestMath.ha1(DigestAlgorithm.MD5, "bob", REALM, "builder"))).get(user));

    static {
        Arrays.fill(SECRET, (byte) 7);
    }

    private final FakeClock clock = new FakeClock();
    private final DigestChallenger challenger = new DigestChallenger(DigestChallenger.Config.defaults(REALM), SECRET,
            clock);

    private static SipRequest register() {
        return SipRequest.builder(Method.REGISTER, SipUri.of(REALM))
                .via(Via.of("UDP", "192.0.2.10", 5060, "z9hG4bK-1"))
                .from(NameAddr.of(SipUri.of("alice", REALM)).withTag("a1"))
                .to(NameAddr.of(SipUri.of("alice", REALM)))
                .callId(new SipCallId("reg-1@192.0.2.10")).cseq(1)
                .build();
    }

    private SipRequest answered(SipRequest request, SipResponse challenge, String user, String password) {
        Header h = new DigestClient(user, password).authorize(challenge, request.method(), request.requestUri());
        return request.withHeader(h.name(), h.value());
    }

    @Test
    void challenge_offersSha256ThenMd5WithQopAuth() {
        SipResponse challenge = challenger.challenge(register(), false, false, "srv");
        assertThat(challenge.status()).isEqualTo(401);
        List<DigestChallenge> offered = challenge.authFields("WWW-Authenticate").stream()
                .map(DigestChallenge::from).toList();
        assertThat(offered).extracting(c -> c.algorithm().orElseThrow()).containsExactly("SHA-256", "MD5");
        assertThat(offered).allSatisfy(c -> {
            assertThat(c.realm()).isEqualTo(REALM);
            assertThat(c.qop()).containsExactly("auth");
            assertThat(c.stale()).isFalse();
        });
        assertThat(challenge.to().tag()).contains("srv");
    }

    @Test
    void rightPassword_isAuthenticated() {
        SipRequest request = register();
        SipRequest retry = answered(request, challenger.challenge(request, false, false, "t"), "alice", "wonderland");
        assertThat(challenger.verify(retry, false, USERS)).isEqualTo(new Verdict.Authenticated("alice"));
    }

    @Test
    void storedHa1_verifiesItsAlgorithmOnly() {
        SipRequest request = register();
        SipResponse md5Only = new DigestChallenger(new DigestChallenger.Config(REALM, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.MD5), 100, false), SECRET, clock).challenge(request, false, false, "t");
        DigestChallenger md5Server = new DigestChallenger(new DigestChallenger.Config(REALM, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.MD5), 100, false), SECRET, clock);
        assertThat(md5Server.verify(answered(request, md5Only, "bob", "builder"), false, USERS))
                .isEqualTo(new Verdict.Authenticated("bob"));
        SipRequest sha = answered(request, challenger.challenge(request, false, false, "t"), "bob", "builder");
        assertThat(challenger.verify(sha, false, USERS)).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    void wrongPasswordOrUnknownUser_isRejected() {
        SipRequest request = register();
        SipResponse challenge = challenger.challenge(request, false, false, "t");
        assertThat(challenger.verify(answered(request, challenge, "alice", "looking-glass"), false, USERS))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains("wrong"));
        assertThat(challenger.verify(answered(request, challenge, "mallory", "x"), false, USERS))
                .isInstanceOf(Verdict.Rejected.class);
        assertThat(challenger.verify(request, false, USERS))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains("no Digest"));
    }

    @Test
    void expiredNonce_withRightAnswer_isStale() {
        SipRequest request = register();
        SipRequest retry = answered(request, challenger.challenge(request, false, false, "t"), "alice", "wonderland");
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(challenger.verify(retry, false, USERS)).isInstanceOf(Verdict.Stale.class);
        assertThat(DigestChallenge.from(AuthField.parse(challenger.challenge(request, false, true, "t")
                .headers().first("WWW-Authenticate").orElseThrow())).stale()).isTrue();
    }

    @Test
    void replayedNonceCount_isRejected_andARisingCountIsAccepted() {
        SipRequest request = register();
        SipResponse challenge = challenger.challenge(request, false, false, "t");
        DigestClient client = new DigestClient("alice", "wonderland");
        Header first = client.authorize(challenge, request.method(), request.requestUri());
        SipRequest retry = request.withHeader(first.name(), first.value());
        assertThat(challenger.verify(retry, false, USERS)).isInstanceOf(Verdict.Authenticated.class);
        assertThat(challenger.verify(retry, false, USERS))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains("replay"));
        Header second = client.authorize(challenge, request.method(), request.requestUri());
        assertThat(AuthField.parse(second.value()).param("nc")).contains("00000002");
        assertThat(challenger.verify(request.withHeader(second.name(), second.value()), false, USERS))
                .isInstanceOf(Verdict.Authenticated.class);
    }

    @Test
    void forgottenNonce_afterEviction_isStaleNotReplayable() {
        DigestChallenger small = new DigestChallenger(new DigestChallenger.Config(REALM, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.SHA_256), 16, false), SECRET, clock);
        SipRequest request = register();
        SipRequest firstRetry = answered(request, small.challenge(request, false, false, "t"), "alice", "wonderland");
        assertThat(small.verify(firstRetry, false, USERS)).isInstanceOf(Verdict.Authenticated.class);
        for (int i = 0; i < 16; i++) {
            clock.advance(Duration.ofMillis(10));
            SipRequest other = answered(request, small.challenge(request, false, false, "t"), "alice", "wonderland");
            assertThat(small.verify(other, false, USERS)).isInstanceOf(Verdict.Authenticated.class);
        }
        assertThat(small.verify(firstRetry, false, USERS)).isInstanceOf(Verdict.Stale.class);
    }

    @Test
    void tamperedForeignOrMismatchedCredentials_areRejected() {
        SipRequest request = register();
        SipResponse challenge = challenger.challenge(request, false, false, "t");
        SipRequest retry = answered(request, challenge, "alice", "wonderland");
        DigestCredentials c = DigestCredentials.from(retry.authFields("Authorization").get(0));
        char[] nonce = c.nonce().toCharArray();
        nonce[10] = nonce[10] == 'A' ? 'B' : 'A';
        DigestCredentials tampered = new DigestCredentials(c.username(), c.realm(), new String(nonce), c.uri(),
                c.response(), c.algorithm(), c.qop(), c.nc(), c.cnonce(), c.opaque());
        assertThat(challenger.verify(tampered, "REGISTER", c.uri(), USERS)).isInstanceOf(Verdict.Rejected.class);
        byte[] otherSecret = SECRET.clone();
        otherSecret[0] = 1;
        DigestChallenger otherServer =
                new DigestChallenger(DigestChallenger.Config.defaults(REALM), otherSecret, clock);
        assertThat(otherServer.verify(retry, false, USERS))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains("nonce"));
        assertThat(challenger.verify(c, "REGISTER", "sip:elsewhere.example", USERS))
                .isInstanceOfSatisfying(Verdict.Rejected.class, r -> assertThat(r.reason()).contains("Request-URI"));
        assertThat(challenger.verify(c, "INVITE", c.uri(), USERS)).isInstanceOf(Verdict.Rejected.class);
    }

    @Test
    void legacyAnswerWithoutQop_acceptedOnlyWhenConfigured() {
        SipRequest request = register();
        DigestChallenge legacyChallenge = challenger.challenges(false).get(0);
        legacyChallenge = new DigestChallenge(legacyChallenge.realm(), legacyChallenge.nonce(), Optional.empty(),
                legacyChallenge.algorithm(), List.of(), false);
        AuthField answer = new DigestClient("alice", "wonderland").answer(legacyChallenge, "REGISTER",
                request.requestUri().toString());
        DigestCredentials c = DigestCredentials.from(answer);
        assertThat(challenger.verify(c, "REGISTER", request.requestUri().toString(), USERS))
                .isInstanceOf(Verdict.Rejected.class);
        DigestChallenger lenient = new DigestChallenger(new DigestChallenger.Config(REALM, Duration.ofMinutes(5),
                List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), 100, true), SECRET, clock);
        assertThat(lenient.verify(c, "REGISTER", request.requestUri().toString(), USERS))
                .isEqualTo(new Verdict.Authenticated("alice"));
    }

    @Test
    void proxyChallenge_uses407AndProxyFields() {
        SipRequest request = register();
        SipResponse challenge = challenger.challenge(request, true, false, "t");
        assertThat(challenge.status()).isEqualTo(407);
        assertThat(challenge.headers().count("Proxy-Authenticate")).isEqualTo(2);
        SipRequest retry = answered(request, challenge, "alice", "wonderland");
        assertThat(retry.headers().contains("Proxy-Authorization")).isTrue();
        assertThat(challenger.verify(retry, true, USERS)).isEqualTo(new Verdict.Authenticated("alice"));
    }

    @Test
    void config_badValues_failOnEntry() {
        assertThatThrownBy(() -> new DigestChallenger(DigestChallenger.Config.defaults(REALM), new byte[16], clock))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new DigestChallenger.Config(REALM, Duration.ofSeconds(1),
                List.of(DigestAlgorithm.MD5), 100, false)).hasMessageContaining("nonceLifetime");
        assertThatThrownBy(() -> new DigestChallenger.Config(REALM, Duration.ofMinutes(1), List.of(), 100, false))
                .hasMessageContaining("algorithms");
        assertThatThrownBy(() -> new DigestChallenger.Config("a\"b", Duration.ofMinutes(1),
                List.of(DigestAlgorithm.MD5), 100, false)).hasMessageContaining("realm");
        assertThat(new DigestSecret.Password("secret").toString()).doesNotContain("secret".substring(1));
    }
}
