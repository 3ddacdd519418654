package io.callvault.api.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.api.errors.ApiException;
import org.junit.jupiter.api.Test;

class ByteRangeTest {
    static final long TOTAL = 1000;

    ByteRange parse(String header) throws ApiException {
        return ByteRange.parse(header, TOTAL).orElseThrow();
    }

    @Test
    void singleRanges_parseAsInclusiveBounds() throws ApiException {
        assertThat(parse("bytes=0-99")).isEqualTo(new ByteRange(0, 99, TOTAL));
        assertThat(parse("bytes=900-")).isEqualTo(new ByteRange(900, 999, TOTAL));
        assertThat(parse("bytes=-10")).isEqualTo(new ByteRange(990, 999, TOTAL));
        assertThat(parse("bytes=-5000")).isEqualTo(new ByteRange(0, 999, TOTAL));
        assertThat(parse("bytes=10-99999999999999999999999")).isEqualTo(new ByteRange(10, 999, TOTAL));
        assertThat(parse("Bytes= 5-5 ")).isEqualTo(new ByteRange(5, 5, TOTAL));
        assertThat(parse("bytes=0-99").contentRange()).isEqualTo("bytes 0-99/1000");
    }

    @Test
    void rangesNotServed_areIgnored() throws ApiException {
        for (String h : new String[] {null, "", "bytes=", "bytes=-", "bytes=5-1", "bytes=0-1,3-4", "items=0-1",
                "bytes=a-b"}) {
            assertThat(ByteRange.parse(h, TOTAL)).as(String.valueOf(h)).isEmpty();
        }
    }

    @Test
    void rangesSelectingNothing_are416WithTheLength() {
        for (String h : new String[] {"bytes=1000-", "bytes=1000-2000", "bytes=-0", "bytes=99999999999999999999-"}) {
            assertThatThrownBy(() -> ByteRange.parse(h, TOTAL)).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.status()).isEqualTo(416);
                assertThat(e.headers()).containsEntry("Content-Range", "bytes */1000");
            });
        }
    }
}
