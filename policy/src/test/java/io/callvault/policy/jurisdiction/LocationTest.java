package io.callvault.policy.jurisdiction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LocationTest {
    @Test
    void subdivisionCode_parsesCountryAndSubdivision() {
        Location l = Location.parse("US-CA");
        assertThat(l.country()).isEqualTo("US");
        assertThat(l.subdivision()).isEqualTo("US-CA");
        assertThat(l.code()).isEqualTo("US-CA");
        assertThat(l.isKnown()).isTrue();
    }

    @Test
    void countryCode_hasNoSubdivision() {
        Location l = Location.parse("DE");
        assertThat(l.hasSubdivision()).isFalse();
        assertThat(l.code()).isEqualTo("DE");
    }

    @Test
    void unknown_isNotKnownAndPrintsAsUnknown() {
        assertThat(Location.UNKNOWN.isKnown()).isFalse();
        assertThat(Location.UNKNOWN.toString()).isEqualTo("unknown");
    }

    @Test
    void malformedCodes_rejectedWithExpectedForm() {
        assertThatThrownBy(() -> Location.parse("usa")).hasMessageContaining("ISO 3166-1 alpha-2");
        assertThatThrownBy(() -> Location.parse("US-")).hasMessageContaining("ISO 3166-2");
        assertThatThrownBy(() -> new Location("US", "CA-ON")).hasMessageContaining("a subdivision of US");
        assertThatThrownBy(() -> Location.parse("ZZ-AB")).hasMessageContaining("no subdivision");
    }
}
