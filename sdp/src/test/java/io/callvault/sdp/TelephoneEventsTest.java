package io.callvault.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TelephoneEventsTest {

    @Test
    void eventLists_parseAndPrintMerged() {
        assertThat(TelephoneEvents.parse("0-15")).contains(TelephoneEvents.DTMF);
        assertThat(TelephoneEvents.parse("0-16")).contains(TelephoneEvents.DTMF_AND_FLASH);
        assertThat(TelephoneEvents.parse("0-11,12,13-15,16").orElseThrow()).hasToString("0-16");
        assertThat(TelephoneEvents.parse(" 0-9, 32 ,36").orElseThrow()).hasToString("0-9,32,36");
        assertThat(TelephoneEvents.parse("0-15,66,70-255").orElseThrow().contains(255)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "15-0", "0-256", "a-b", "0-15,", "-5", "1--2", "0x10"})
    void malformedEventList_isEmpty(String fmtp) {
        assertThat(TelephoneEvents.parse(fmtp)).isEmpty();
    }

    @Test
    void intersection_narrowsToBothSides() {
        TelephoneEvents offered = TelephoneEvents.parse("0-15,32-49").orElseThrow();

        assertThat(offered.intersect(TelephoneEvents.DTMF_AND_FLASH)).isEqualTo(TelephoneEvents.DTMF);
        assertThat(TelephoneEvents.range(32, 49).intersect(TelephoneEvents.DTMF).isEmpty()).isTrue();
    }
}
