package io.callvault.vault.format;

import io.callvault.core.RecordingId;
import java.nio.ByteBuffer;
import java.util.UUID;

/**
 * The cleartext header at the start of every recording blob (docs/recording-format.md):
 * <pre>
 *   offset  size  field
 *   0       4     magic "CVRC"
 *   4       1     format version (1)
 *   5       16    recording id (UUID, most significant bits first)
 *   21      ...   Tink AES256-GCM-HKDF streaming ciphertext of the audio frames
 * </pre>
 * The 21 header bytes are also the associated data of the stream, so a blob cannot be moved to another
 * recording id or format version without every segment failing authentication.
 */
public record RecordingHeader(int formatVersion, RecordingId id) {
    public static final int CURRENT_VERSION = 1;
    public static final int LENGTH = 21;
    private static final byte[] MAGIC = {'C', 'V', 'R', 'C'};

    public RecordingHeader {
        if (formatVersion != CURRENT_VERSION) {
            throw new IllegalArgumentException("unsupported recording format version " + formatVersion
                    + " (this build reads version " + CURRENT_VERSION + ")");
        }
    }

    public static RecordingHeader current(RecordingId id) {
        return new RecordingHeader(CURRENT_VERSION, id);
    }

    public byte[] toBytes() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.put(MAGIC).put((byte) formatVersion);
        b.putLong(id.value().getMostSignificantBits()).putLong(id.value().getLeastSignificantBits());
        return b.array();
    }

    /** The associated data bound into every ciphertext segment. */
    public byte[] associatedData() {
        return toBytes();
    }

    /**
     * Parses the first {@link #LENGTH} bytes of a blob.
     *
     * @throws IllegalArgumentException saying what is wrong (not a recording, unknown version)
     */
    public static RecordingHeader parse(byte[] bytes) {
        if (bytes.length < LENGTH) {
            throw new IllegalArgumentException("blob is shorter than the " + LENGTH + "-byte recording header");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        byte[] magic = new byte[4];
        b.get(magic);
        if (!java.util.Arrays.equals(magic, MAGIC)) {
            throw new IllegalArgumentException("blob does not start with the recording magic 'CVRC'");
        }
        int version = b.get() & 0xff;
        UUID uuid = new UUID(b.getLong(), b.getLong());
        return new RecordingHeader(version, new RecordingId(uuid));
    }
}
