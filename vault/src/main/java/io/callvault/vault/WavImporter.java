package io.callvault.vault;

import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.InvalidWavException;
import io.callvault.vault.wav.WavHeader;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;

/**
 * Imports an existing WAV recording. The header is validated completely before anything is stored, so a
 * file that is not a WAV, has an unsupported encoding or a truncated header leaves no trace. The audio
 * frames are stored as they are (no transcoding), so an export returns them bit-exact.
 */
public final class WavImporter {
    private static final int CHUNK = 64 * 1024;

    private final Vault vault;

    public WavImporter(Vault vault) {
        this.vault = vault;
    }

    /**
     * @param totalSize size of the input if known, else -1 (then a short data chunk is only found at its
     *                  end, and the half-stored recording is discarded with a tombstone)
     * @param metadata  builds the recording's metadata once the format is known
     */
    public RecordingRow importWav(InputStream in, long totalSize, Function<AudioFormat, NewRecording> metadata)
            throws InvalidWavException, VaultException, IOException {
        WavHeader header = WavHeader.read(in, totalSize);
        RecordingWriter writer = vault.startRecording(metadata.apply(header.format()), Vault.SyncPolicy.AT_SEAL);
        try {
            int frame = header.format().bytesPerFrame();
            byte[] buf = new byte[CHUNK / frame * frame];
            long left = header.dataLength();
            while (left > 0) {
                int n = in.readNBytes(buf, 0, (int) Math.min(buf.length, left));
                if (n < Math.min(buf.length, left)) {
                    throw new InvalidWavException("truncated WAV: the data chunk declares " + header.dataLength()
                            + " bytes but the input ends after " + (header.dataLength() - left + n));
                }
                writer.write(buf, 0, n);
                left -= n;
            }
            return writer.seal();
        } catch (InvalidWavException | IOException | RuntimeException e) {
            writer.abort("import failed: " + e.getMessage(), "system:import");
            throw e;
        }
    }
}
