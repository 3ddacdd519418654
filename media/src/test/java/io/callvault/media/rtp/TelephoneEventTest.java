package io.callvault.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TelephoneEventTest {

    @Test
    void rfc4733Payload_readsEventEndVolumeDuration() {
        // Key '#' (11), end bit, reserved bit set (must be ignored), volume 10, duration 1280 (160 ms).
        ByteBuffer payload = ByteBuffer.wrap(HexFormat.of().parseHex("0bca0500"));

        TelephoneEvent e = TelephoneEvent.read(payload).orElseThrow();

        assertThat(e).isEqualTo(new TelephoneEvent(11, true, 10, 1280));
        assertThat(e.label()).isEqualTo("#");
        assertThat(e.isDtmf()).isTrue();
        assertThat(payload.position()).isZero();
    }

    @Test
    void write_producesTheWireFormatWithReservedBitClear() {
        ByteBuffer out = ByteBuffer.allocate(4);

        new TelephoneEvent(5, false, 63, 65535).write(out);

        assertThat(HexFormat.of().formatHex(out.array())).isEqualTo("053fffff");
        assertThat(TelephoneEvent.read(out.flip())).contains(new TelephoneEvent(5, false, 63, 65535));
    }

    @Test
    void labels_coverKeysFlashAndOthers() {
        assertThat(new TelephoneEvent(10, false, 0, 0).label()).isEqualTo("*");
        assertThat(new TelephoneEvent(15, false, 0, 0).label()).isEqualTo("D");
        assertThat(new TelephoneEvent(16, false, 0, 0).label()).isEqualTo("flash");
        assertThat(new TelephoneEvent(16, false, 0, 0).isDtmf()).isFalse();
        assertThat(new TelephoneEvent(66, false, 0, 0).label()).isEqualTo("event 66");
    }

    @Test
    void shortPayload_isEmptyAndBadValuesAreRefused() {
        assertThat(TelephoneEvent.read(ByteBuffer.wrap(new byte[3]))).isEmpty();
        assertThatThrownBy(() -> new TelephoneEvent(256, false, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, 64, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TelephoneEvent(1, false, 0, 65536)).isInstanceOf(IllegalArgumentException.class);
    }
}
