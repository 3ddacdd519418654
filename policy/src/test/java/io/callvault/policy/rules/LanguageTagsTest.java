package io.callvault.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical language tags announcements are named by. */
class LanguageTagsTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"de, de", "de-AT, de", "es-419, es", "zh-Hant-TW, zh", "fil, fil", "sr-Latn, sr"})
    void canonicalTag_isValid_andHasItsPrimaryLanguage(String tag, String primary) {
        assertThat(LanguageTags.require(tag)).isEqualTo(tag);
        assertThat(LanguageTags.primary(tag)).isEqualTo(primary);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
      DE          | 'DE' is not a language tag; write de
      de-at       | 'de-at' is not a language tag; write de-AT
      zh-hant-tw  | 'zh-hant-tw' is not a language tag; write zh-Hant-TW
      de_AT       | 'de_AT' is not a language tag; write a BCP 47 tag
      german      | 'german' is not a language tag; write a BCP 47 tag
      dx          | unknown language 'dx' in 'dx'; two-letter languages are ISO 639-1 codes
      fr-XX       | unknown region 'XX' in 'fr-XX'
      """)
    void otherSpelling_isRefusedSayingWhatToWrite(String tag, String message) {
        assertThatThrownBy(() -> LanguageTags.require(tag)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
        assertThat(LanguageTags.isValid(tag)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"", "de-", "-de", "de-AT-x-private", "en-GB-oed"})
    void malformedTag_isRefused(String tag) {
        assertThat(LanguageTags.isValid(tag)).isFalse();
        assertThat(LanguageTags.isValid(null)).isFalse();
    }
}
