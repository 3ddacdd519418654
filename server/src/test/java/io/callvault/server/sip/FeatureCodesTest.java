package io.callvault.server.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FeatureCodesTest {
    private final AtomicLong now = new AtomicLong();
    private final FeatureCodes codes = new FeatureCodes("*1", "*2", now::get);

    @Test
    void starThenDigit_pausesAndResumes_andBothKeysAreSwallowed() {
        assertThat(codes.key('*')).isEqualTo(new FeatureCodes.Verdict(FeatureCodes.Action.NONE, true));
        assertThat(codes.key('1')).isEqualTo(new FeatureCodes.Verdict(FeatureCodes.Action.PAUSE, true));
        assertThat(codes.key('*').swallow()).isTrue();
        assertThat(codes.key('2').action()).isEqualTo(FeatureCodes.Action.RESUME);
    }

    @Test
    void digitsWithoutAStar_orAfterTheWindow_orOtherCodes_passThrough() {
        assertThat(codes.key('1')).isEqualTo(FeatureCodes.Verdict.PASS);
        codes.key('*');
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(codes.key('1')).isEqualTo(FeatureCodes.Verdict.PASS);
        codes.key('*');
        assertThat(codes.key('5')).isEqualTo(FeatureCodes.Verdict.PASS);
    }

    @Test
    void noCodesConfigured_everythingPasses() {
        FeatureCodes none = new FeatureCodes("", "", now::get);
        assertThat(none.key('*')).isEqualTo(FeatureCodes.Verdict.PASS);
        assertThat(none.key('1')).isEqualTo(FeatureCodes.Verdict.PASS);
    }
}
