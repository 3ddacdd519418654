package io.callvault.vault;

import io.callvault.testkit.CountingBlobStore;
import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.testkit.InMemoryBlobStore;
import io.callvault.testkit.InMemoryCatalog;
import io.callvault.vault.keys.LocalKeyring;
import io.callvault.vault.keys.MasterSecret;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;

/** A vault on in-memory stores and a real keyring in a temp directory, plus audio and blob helpers. */
final class VaultFixture {
    final CountingBlobStore blobs = new CountingBlobStore(new InMemoryBlobStore());
    final InMemoryCatalog catalog = new InMemoryCatalog();
    final LocalKeyring keyring;
    final Vault vault;

    VaultFixture(Path dir) throws Exception {
        keyring = LocalKeyring.create(dir.resolve("keyring.properties"), MasterSecret.generate("test"));
        vault = new Vault(blobs, catalog, keyring, new WriterLocks(dir.resolve("locks")), InstantSource.system());
    }

    static NewRecording meta(AudioFormat format) {
        return new NewRecording("call-1", Party.of("+14155550123"), Party.of("+442071838750"), Direction.IN,
                "alice", Instant.parse("2026-11-30T09:15:00Z"), format, Map.of("purpose", "qa"));
    }

    /** Deterministic, non-repeating audio: a stereo sweep with a counter mixed in, so no two frames match. */
    static byte[] audio(AudioFormat format, double seconds) {
        int frames = (int) (format.sampleRate() * seconds);
        ByteBuffer b = ByteBuffer.allocate(frames * format.bytesPerFrame()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < format.channels(); c++) {
                double t = (double) i / format.sampleRate();
                short s = (short) (8000 * Math.sin(2 * Math.PI * (300 + 50 * c + 40 * t) * t) + (i * 7 + c) % 97);
                if (format.bytesPerFrame() / format.channels() == 2) {
                    b.putShort(s);
                } else {
                    b.put((byte) (s >> 8));
                }
            }
        }
        return b.array();
    }

    RecordingRow record(AudioFormat format, byte[] audio) throws Exception {
        RecordingWriter w = vault.startRecording(meta(format), Vault.SyncPolicy.EVERY_SECOND);
        int chunk = format.bytesPerFrame() * format.sampleRate() / 50; // 20 ms, like RTP
        for (int off = 0; off < audio.length; off += chunk) {
            w.write(audio, off, Math.min(chunk, audio.length - off));
        }
        return w.seal();
    }

    byte[] readAll(RecordingRow row) throws Exception {
        try (RecordingReader r = vault.open(row.id())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            r.copyVerified(out);
            return out.toByteArray();
        }
    }

    byte[] blobBytes(String key) throws IOException {
        try (SeekableByteChannel ch = blobs.open(key)) {
            ByteBuffer b = ByteBuffer.allocate((int) ch.size());
            while (b.hasRemaining() && ch.read(b) >= 0) {
                // fill
            }
            return b.array();
        }
    }

    void replaceBlob(String key, byte[] bytes) throws IOException {
        BlobSink sink = blobs.create(key);
        sink.write(ByteBuffer.wrap(bytes));
        sink.commit();
    }
}
