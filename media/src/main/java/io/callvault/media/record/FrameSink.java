package io.callvault.media.record;

import java.nio.ByteBuffer;

/**
 * Where {@link StereoRecorder} delivers the recording: interleaved stereo frames, 8000 Hz, 16-bit signed
 * little-endian, channel 0 the caller and channel 1 the callee ({@code AudioFormat.STEREO_8K}). The server
 * adapts this to the vault's {@code RecordingWriter}.
 *
 * <p>Contract: {@code frames} holds whole frames (a multiple of 4 bytes) from its position to its limit,
 * normally 20 ms (640 bytes), less for the last write of a call. The buffer belongs to the recorder and is
 * reused after the call returns: the sink must consume or copy it before returning and must not keep it.
 * Calls come from the recorder's thread, in timeline order, never concurrently. An exception thrown here
 * propagates to the caller of the recorder; the frame being written is then lost but the timeline stays
 * consistent.
 */
@FunctionalInterface
public interface FrameSink {
    void write(ByteBuffer frames);
}
