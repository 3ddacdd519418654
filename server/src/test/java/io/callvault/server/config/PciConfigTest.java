package io.callvault.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pci.* settings: defaults, and a clear message for each kind of bad value. */
class PciConfigTest {
    @TempDir
    Path dir;

    private ServerConfig load(String lines) throws Exception {
        Path file = dir.resolve("c.properties");
        Files.writeString(file, "data_dir = " + dir.resolve("data") + "\n" + lines + "\n");
        return ServerConfig.load(file, Map.of());
    }

    @Test
    void defaults_areThreeSecondDelayMaskingOnPciLinesAndStarCodes() throws Exception {
        ServerConfig.Pci pci = load("").pci();
        assertThat(pci.delay()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pci.resumeAfter()).isEqualTo(Duration.ofMillis(700));
        assertThat(pci.masksTowardAgent(true)).isTrue();
        assertThat(pci.masksTowardAgent(false)).isFalse();
        assertThat(pci.featurePause()).isEqualTo("*1");
        assertThat(pci.featureResume()).isEqualTo("*2");
        assertThat(pci.paymentNumbers()).isEmpty();
    }

    @Test
    void paymentNumbers_areNormalised() throws Exception {
        assertThat(load("pci.payment_numbers = +14155550100, 2999").pci().paymentNumbers())
                .containsExactlyInAnyOrder("+14155550100", "2999");
    }

    @Test
    void badValues_nameTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> load("pci.resume_after_ms = 5")).hasMessageContaining("pci.resume_after_ms")
                .hasMessageContaining("100 to 60000");
        assertThatThrownBy(() -> load("pci.feature_pause = 12")).hasMessageContaining("pci.feature_pause")
                .hasMessageContaining("a star and one digit");
        assertThatThrownBy(() -> load("pci.payment_numbers = pay-ivr")).hasMessageContaining("pci.payment_numbers")
                .hasMessageContaining("'pay-ivr' is neither");
        assertThatThrownBy(() -> load("pci.mask_toward_agent = sometimes")).hasMessageContaining("pci.mask_toward_agent");
        assertThatThrownBy(() -> load("pci.delay_seconds = 31")).hasMessageContaining("pci.delay_seconds");
    }
}
