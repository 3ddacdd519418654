package io.callvault.media.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/** Records what a {@link StereoRecorder} writes, copying each buffer as the {@link FrameSink} contract asks. */
final class CaptureSink implements FrameSink {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    final List<Integer> writes = new ArrayList<>();

    @Override
    public void write(ByteBuffer frames) {
        assertThat(frames.order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
        byte[] copy = new byte[frames.remaining()];
        frames.get(copy);
        writes.add(copy.length);
        bytes.writeBytes(copy);
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** Stereo frames written so far. */
    int frames() {
        return bytes.size() / 4;
    }

    /** The samples of one channel, 0 = caller, 1 = callee. */
    short[] channel(int channel) {
        ByteBuffer b = ByteBuffer.wrap(bytes()).order(ByteOrder.LITTLE_ENDIAN);
        short[] out = new short[frames()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.getShort(4 * i + 2 * channel);
        }
        return out;
    }
}
