package io.callvault.media.dtmf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LuhnTest {
    /** Card networks' published test numbers, and ISO/IEC 7812's worked example. */
    @ParameterizedTest
    @ValueSource(strings = {"4111111111111111", "4012888888881881", "4222222222222", "5555555555554444",
            "5105105105105100", "378282246310005", "371449635398431", "6011111111111117", "3530111333300000",
            "30569309025904", "6304000000000000", "79927398713", "0"})
    void knownValidNumbers_pass(String number) {
        assertThat(Luhn.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4111111111111112", "4111111111111121", "5555555555554440", "79927398710",
            "79927398711", "378282246310006", "", "4111-1111", "41111111111111x1"})
    void alteredOrMalformedNumbers_fail(String number) {
        assertThat(Luhn.isValid(number)).isFalse();
    }

    @Test
    void checkDigit_completesThePayload() {
        assertThat(Luhn.checkDigit("7992739871")).isEqualTo(3);
        assertThat(Luhn.checkDigit("411111111111111")).isEqualTo(1);
        assertThatThrownBy(() -> Luhn.checkDigit("12a")).hasMessageContaining("position 2");
    }

    @Test
    void runningSum_agreesWithTheTextbookCheck_onEveryPrefix() {
        java.util.Random random = new java.util.Random(4733);
        for (int trial = 0; trial < 2000; trial++) {
            Luhn.Sum sum = new Luhn.Sum();
            StringBuilder digits = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                int d = random.nextInt(10);
                sum.add(d);
                digits.append(d);
                assertThat(sum.isValid()).as(digits.toString()).isEqualTo(textbook(digits));
                assertThat(sum.length()).isEqualTo(i + 1);
            }
        }
    }

    /** Right to left, doubling every second digit. */
    private static boolean textbook(CharSequence digits) {
        int total = 0;
        for (int i = digits.length() - 1, k = 0; i >= 0; i--, k++) {
            int d = digits.charAt(i) - '0';
            if (k % 2 == 1) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            total += d;
        }
        return total % 10 == 0;
    }
}
