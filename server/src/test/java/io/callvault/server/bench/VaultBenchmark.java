package io.callvault.server.bench;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.store.fs.FileBlobStore;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.vault.NewRecording;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.RecordingWriter;
import io.callvault.vault.Vault;
import io.callvault.vault.WriterLocks;
import io.callvault.vault.keys.LocalKeyring;
import io.callvault.vault.keys.MasterSecret;
import io.callvault.vault.spi.BlobSink;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Vault throughput against the same bytes written and read unencrypted through the same blob store, in
 * the same run, plus how many live 8 kHz stereo streams one core can encrypt. Not a pass/fail test: run
 * it with scripts/bench-vault.sh and copy the table into docs/benchmarks.md.
 */
@Tag("benchmark")
class VaultBenchmark {
    private static final int ROUNDS = 5;
    private static final int MIB = 1 << 20;
    private static final int TOTAL = 256 * MIB;
    private static final int CHUNK = 64 * 1024;

    @TempDir
    Path dir;

    @Test
    void throughput() throws Exception {
        byte[] data = new byte[TOTAL];
        new Random(42).nextBytes(data);
        FileBlobStore blobs = new FileBlobStore(dir.resolve("blobs"));
        try (Vault vault = new Vault(blobs, SqlCatalog.sqlite(dir.resolve("catalog.db")),
                LocalKeyring.create(dir.resolve("keyring"), MasterSecret.generate("bench")),
                new WriterLocks(dir.resolve("locks")), InstantSource.system())) {
            List<double[]> rows = new ArrayList<>();
            for (int round = 0; round < ROUNDS + 1; round++) { // the first round warms up the JIT
                double plainWrite = mibPerSecond(() -> writePlain(blobs, data));
                RecordingRow[] row = new RecordingRow[1];
                double vaultWrite = mibPerSecond(() -> row[0] = writeVault(vault, data));
                double plainRead = mibPerSecond(() -> readPlain(blobs));
                double vaultRead = mibPerSecond(() -> readVault(vault, row[0]));
                vault.delete(row[0].id(), "benchmark", "bench");
                blobs.delete("bench/plain");
                if (round > 0) {
                    rows.add(new double[] {plainWrite, vaultWrite, plainRead, vaultRead});
                }
            }
            double[] m = median(rows);
            double streams = streamsPerCore(vault);
            System.out.printf("%n| measure | unencrypted | vault | ratio |%n|---|---|---|---|%n");
            System.out.printf("| write, MiB/s (256 MiB, fsync at end) | %.0f | %.0f | %.2f |%n", m[0], m[1], m[0] / m[1]);
            System.out.printf("| read, MiB/s (full read + SHA-256 check) | %.0f | %.0f | %.2f |%n", m[2], m[3], m[2] / m[3]);
            System.out.printf("| 8 kHz stereo streams one core encrypts (20 ms frames) | | %.0f | |%n%n", streams);
        }
    }

    /** CPU time of one thread writing 20 ms frames into 50 concurrent recordings, as audio seconds per CPU second. */
    private static double streamsPerCore(Vault vault) throws Exception {
        AudioFormat fmt = AudioFormat.STEREO_8K;
        int frame = fmt.bytesPerSecond() / 50;
        byte[] audio = new byte[frame];
        new Random(7).nextBytes(audio);
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double best = 0;
        for (int round = 0; round < 3; round++) {
            List<RecordingWriter> writers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                writers.add(vault.startRecording(meta(fmt), Vault.SyncPolicy.EVERY_SECOND));
            }
            int seconds = 120;
            long start = cpu.getCurrentThreadCpuTime();
            for (int f = 0; f < seconds * 50; f++) {
                for (RecordingWriter w : writers) {
                    w.write(audio, 0, frame);
                }
            }
            double cpuSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
            for (RecordingWriter w : writers) {
                vault.delete(w.seal().id(), "benchmark", "bench");
            }
            best = Math.max(best, 50.0 * seconds / cpuSeconds);
        }
        return best;
    }

    private static NewRecording meta(AudioFormat fmt) {
        return new NewRecording(null, Party.of("+14155550123"), Party.of("+14155550124"), Direction.IN, null,
                Instant.now(), fmt, Map.of());
    }

    private static void writePlain(FileBlobStore blobs, byte[] data) throws Exception {
        BlobSink sink = blobs.create("bench/plain");
        for (int off = 0; off < data.length; off += CHUNK) {
            sink.write(ByteBuffer.wrap(data, off, CHUNK));
        }
        sink.commit();
    }

    private static RecordingRow writeVault(Vault vault, byte[] data) throws Exception {
        RecordingWriter w = vault.startRecording(meta(AudioFormat.STEREO_8K), Vault.SyncPolicy.AT_SEAL);
        for (int off = 0; off < data.length; off += CHUNK) {
            w.write(data, off, CHUNK);
        }
        return w.seal();
    }

    private static void readPlain(FileBlobStore blobs) throws Exception {
        try (SeekableByteChannel ch = blobs.open("bench/plain")) {
            ByteBuffer buf = ByteBuffer.allocate(CHUNK);
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            while (ch.read(buf.clear()) > 0) {
                sha.update(buf.flip());
            }
        }
    }

    private static void readVault(Vault vault, RecordingRow row) throws Exception {
        try (RecordingReader r = vault.open(row.id())) {
            r.copyVerified(OutputStream.nullOutputStream());
        }
    }

    interface Step {
        void run() throws Exception;
    }

    private static double mibPerSecond(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (double) TOTAL / MIB / ((System.nanoTime() - t0) / 1e9);
    }

    private static double[] median(List<double[]> rows) {
        double[] m = new double[rows.get(0).length];
        for (int c = 0; c < m.length; c++) {
            int col = c;
            double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
            m[c] = v[v.length / 2];
        }
        return m;
    }

}
