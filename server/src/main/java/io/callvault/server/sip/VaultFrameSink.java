package io.callvault.server.sip;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.sip.b2bua.MediaAnchor;
import io.callvault.media.record.FrameSink;
import io.callvault.vault.NewRecording;
import io.callvault.vault.RecordingWriter;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.Party;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the recorder's frames off the relay thread and streams them into the vault on a virtual thread of
 * its own, so encryption and fsync never stall packet forwarding. Frames are batched into half-second
 * blocks before they are queued (one allocation and one wake-up per half second per call instead of 25);
 * the queue is bounded at about a minute of audio, and if storage falls that far behind, blocks are
 * dropped and counted rather than letting memory grow.
 *
 * <p>Threading: {@link #write} is called by the recorder under its call's lock; {@link #seal} by the
 * thread that finished the recorder, after the last write.
 */
final class VaultFrameSink implements FrameSink {
    private static final Logger LOG = LoggerFactory.getLogger(VaultFrameSink.class);
    private static final byte[] END = new byte[0];
    private static final int BATCH_BYTES = AudioFormat.STEREO_8K.bytesPerSecond() / 2;
    private static final int MAX_QUEUED = 120; // half-second blocks: one minute

    private final LinkedBlockingQueue<byte[]> queue = new LinkedBlockingQueue<>(MAX_QUEUED);
    private final RecordingWriter writer;
    private final io.callvault.vault.spi.Catalog catalog;
    private final String label;
    private final Thread thread;
    private volatile long dropped;
    private byte[] batch = new byte[BATCH_BYTES];
    private int filled;
    private volatile Exception failure;

    io.callvault.core.RecordingId recordingId() {
        return writer.id();
    }

    private VaultFrameSink(RecordingWriter writer, io.callvault.vault.spi.Catalog catalog, String label) {
        this.writer = writer;
        this.catalog = catalog;
        this.label = label;
        this.thread = Thread.ofVirtual().name("rec-" + label).start(this::drain);
    }

    static VaultFrameSink start(Vault vault, MediaAnchor.Participants p, Instant answeredAt) throws Exception {
        PhoneNumber caller = number(p.caller());
        PhoneNumber callee = number(p.callee());
        Direction direction = p.direction();
        String agent = direction == Direction.IN ? p.callee() : p.caller();
        String callerName = blankToNull(p.callerName());
        if (callerName == null && caller == UNKNOWN && p.caller() != null) {
            callerName = p.caller().length() > 200 ? p.caller().substring(0, 200) : p.caller();
        }
        NewRecording meta = new NewRecording(p.callId(), new Party(caller, callerName),
                new Party(callee, blankToNull(p.calleeName())), direction, agent, answeredAt, AudioFormat.STEREO_8K,
                Map.of());
        RecordingWriter writer = vault.startRecording(meta, Vault.SyncPolicy.EVERY_SECOND);
        LOG.info("{}: recording {} started", p.label(), writer.id());
        return new VaultFrameSink(writer, vault.catalog(), p.label());
    }

    @Override
    public void write(ByteBuffer frames) {
        while (frames.hasRemaining()) {
            int n = Math.min(frames.remaining(), batch.length - filled);
            frames.get(batch, filled, n);
            filled += n;
            if (filled == batch.length) {
                enqueue(batch);
                batch = new byte[BATCH_BYTES];
                filled = 0;
            }
        }
    }

    private void enqueue(byte[] block) {
        if (!queue.offer(block)) {
            dropped++;
        }
    }

    private void drain() {
        try {
            while (true) {
                byte[] frames = queue.take();
                if (frames == END) {
                    return;
                }
                if (failure == null) {
                    writer.write(frames, 0, frames.length);
                }
            }
        } catch (Exception e) {
            failure = e;
            LOG.error("{}: recording {} failed while writing: {}", label, writer.id(), e.toString());
        }
    }

    /** Writes what is queued, then seals the recording. Called once, when the call ends. */
    void seal() {
        try {
            if (filled > 0) {
                enqueue(java.util.Arrays.copyOf(batch, filled));
                filled = 0;
            }
            queue.put(END);
            if (!thread.join(java.time.Duration.ofSeconds(30))) {
                LOG.error("{}: recording {} is still writing after 30 s; it will be recovered at the next start",
                        label, writer.id());
                return;
            }
            if (failure != null) {
                writer.abort("recording failed: " + failure.getMessage(), "system:recorder");
                return;
            }
            var row = writer.seal();
            LOG.info("{}: recording {} sealed ({} ms{})", label, row.id(), row.durationMillis(),
                    dropped > 0 ? ", " + dropped + " half-second blocks dropped because storage fell behind" : "");
        } catch (Exception e) {
            LOG.error("{}: recording {} could not be sealed: {}", label, writer.id(), e.toString());
        }
    }

    /**
     * Stores a segment of this recording (a pause, a masked digit) in the background, off the media thread;
     * a failure is logged. Segments name no digits.
     */
    void segment(io.callvault.vault.spi.Segment segment) {
        Thread.ofVirtual().name("segment-" + label).start(() -> {
            try {
                catalog.addSegment(writer.id(), segment);
            } catch (Exception e) {
                LOG.warn("{}: segment {} of recording {} not stored: {}", label, segment.kind(), writer.id(),
                        e.toString());
            }
        });
    }

    /**
     * Throws away everything written and crypto-shreds the recording (a tombstone with the reason stays,
     * no audio): for a party who declined recording after it had started. Called once, instead of seal.
     */
    void discard(String reason) {
        try {
            filled = 0;
            queue.clear();
            queue.put(END);
            thread.join(java.time.Duration.ofSeconds(30));
            writer.abort(reason, "system:consent");
            LOG.info("{}: recording {} discarded: {}", label, writer.id(), reason);
        } catch (Exception e) {
            LOG.error("{}: recording {} could not be discarded: {}", label, writer.id(), e.toString());
        }
    }

    /**
     * The party's number, or {@link #UNKNOWN} when it is neither E.164 nor an extension (an anonymous or
     * malformed caller id from a trunk): the call is still recorded, with the raw text as display name.
     */
    static PhoneNumber number(String text) {
        try {
            return PhoneNumber.of(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            return UNKNOWN;
        }
    }

    static final PhoneNumber UNKNOWN = PhoneNumber.of("00");

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
