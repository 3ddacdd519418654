package io.callvault.sip.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.registrar.LocationService.ContactUpdate;
import io.callvault.sip.registrar.LocationService.Outcome;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocationServiceTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.1", 5062);
    private final LocationService location = new LocationService(3);

    private Outcome register(String contact, long seconds, String callId, long cseq, Instant now) {
        return location.register("201", List.of(new ContactUpdate(contact, Duration.ofSeconds(seconds), 1.0)), false,
                PHONE, "udp", callId, cseq, now);
    }

    @Test
    void registration_expiresAfterItsLifetime() {
        register("sip:201@10.0.0.5:5062", 60, "c1", 1, T0);
        assertThat(location.lookup("201", T0.plusSeconds(59))).hasSize(1);
        assertThat(location.lookup("201", T0.plusSeconds(60))).isEmpty();
        assertThat(location.purge(T0.plusSeconds(61))).isEqualTo(1);
    }

    @Test
    void severalContacts_areKept_andRefreshReplacesTheSameContact() {
        register("sip:201@desk", 60, "c1", 1, T0);
        register("sip:201@mobile", 60, "c2", 1, T0);
        register("sip:201@desk", 120, "c1", 2, T0.plusSeconds(30));
        List<Binding> now = location.lookup("201", T0.plusSeconds(70));
        assertThat(now).extracting(Binding::contactUri).containsExactly("sip:201@desk");
        assertThat(location.lookup("201", T0.plusSeconds(50))).hasSize(2);
    }

    @Test
    void outOfOrderRetry_isRefusedAndChangesNothing() {
        register("sip:201@desk", 60, "c1", 5, T0);
        assertThat(register("sip:201@desk", 0, "c1", 4, T0)).isInstanceOf(Outcome.OutOfOrder.class);
        assertThat(location.lookup("201", T0)).hasSize(1);
    }

    @Test
    void expiresZero_removesOne_andStarRemovesAll() {
        register("sip:201@desk", 60, "c1", 1, T0);
        register("sip:201@mobile", 60, "c2", 1, T0);
        register("sip:201@desk", 0, "c1", 2, T0);
        assertThat(location.lookup("201", T0)).extracting(Binding::contactUri).containsExactly("sip:201@mobile");
        location.register("201", List.of(), true, PHONE, "udp", "c3", 1, T0);
        assertThat(location.lookup("201", T0)).isEmpty();
    }

    @Test
    void tooManyContacts_isRefusedAtomically() {
        register("sip:201@a", 60, "a", 1, T0);
        register("sip:201@b", 60, "b", 1, T0);
        register("sip:201@c", 60, "c", 1, T0);
        assertThat(register("sip:201@d", 60, "d", 1, T0)).isEqualTo(new Outcome.TooManyContacts(3));
        assertThat(location.lookup("201", T0)).hasSize(3);
    }
}
