package io.callvault.vault.governance;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.store.sql.SqlCatalog;
import io.callvault.testkit.FakeScheduler;
import io.callvault.testkit.InMemoryBlobStore;
import io.callvault.vault.GovernanceRules;
import io.callvault.vault.NewRecording;
import io.callvault.vault.RecordingWriter;
import io.callvault.vault.Vault;
import io.callvault.vault.WriterLocks;
import io.callvault.vault.access.Actor;
import io.callvault.vault.audit.AuditTrail;
import io.callvault.vault.audit.CheckpointSigner;
import io.callvault.vault.dsar.DataSubjectRequests;
import io.callvault.vault.hold.LegalHolds;
import io.callvault.vault.keys.LocalKeyring;
import io.callvault.vault.keys.MasterSecret;
import io.callvault.vault.retention.Retention;
import io.callvault.vault.spi.Party;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.access.Role;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Every governance service wired the way the server wires them, on a real SQLite catalog, an in-memory
 * blob store, a real keyring and a fake clock the test moves ({@link #time}).
 */
public final class GovernanceFixture {
    public static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    public static final Actor CAROL = actor("carol", Role.COMPLIANCE);
    public static final Actor DAVE = actor("dave", Role.COMPLIANCE);
    public static final Actor ALICE_AGENT = actor("alice", Role.AGENT);
    public static final Actor AUDITOR = actor("erin", Role.AUDITOR);
    public static final Actor SCHEDULER = new Actor("retention", Set.of(Role.COMPLIANCE), Set.of(), null, "scheduler");

    public final Path dbFile;
    public final FakeScheduler time = new FakeScheduler(T0);
    public final SqlCatalog catalog;
    public final Vault vault;
    public final CheckpointSigner signer = CheckpointSigner.generate();
    public final AuditTrail audit;
    public final LegalHolds holds;
    public final Retention retention;
    public final DataSubjectRequests dsars;

    public GovernanceFixture(Path dir) throws Exception {
        dbFile = dir.resolve("catalog.db");
        catalog = SqlCatalog.sqlite(dbFile);
        LocalKeyring keyring = LocalKeyring.create(dir.resolve("keyring.properties"), MasterSecret.generate("test"));
        vault = new Vault(new InMemoryBlobStore(), catalog, keyring, new WriterLocks(dir.resolve("locks")),
                time.clock());
        audit = new AuditTrail(catalog.auditLog(), catalog.checkpoints(), signer, time.clock());
        holds = new LegalHolds(catalog.holds(), catalog, audit, time.clock());
        retention = new Retention(catalog.retention(), catalog, vault, holds, audit, time.clock());
        dsars = new DataSubjectRequests(catalog.dsars(), vault, holds, catalog.retention(), catalog.decisions(), audit,
                time.clock());
        vault.govern(new GovernanceRules(holds, retention));
    }

    public static Actor actor(String name, Role role) {
        return new Actor(name, Set.of(role), Set.of(), null, "192.0.2.7");
    }

    /** A sealed recording of {@code seconds} of stereo 8 kHz audio between two numbers. */
    public RecordingRow record(String caller, String callee, Instant startedAt, Map<String, String> tags,
                               double seconds) throws Exception {
        AudioFormat format = AudioFormat.STEREO_8K;
        RecordingWriter w = vault.startRecording(new NewRecording("call-" + startedAt, Party.of(caller),
                Party.of(callee), Direction.IN, "alice", startedAt, format, tags), Vault.SyncPolicy.AT_SEAL);
        w.write(audio(format, seconds), 0, (int) (format.bytesPerSecond() * seconds));
        return w.seal();
    }

    public RecordingRow record(String caller, Instant startedAt) throws Exception {
        return record(caller, "+442071838750", startedAt, Map.of(), 0.5);
    }

    public static byte[] audio(AudioFormat format, double seconds) {
        byte[] b = new byte[(int) (format.bytesPerSecond() * seconds)];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (i * 31 + i / 97);
        }
        return b;
    }

    /** A raw JDBC connection to the catalog's SQLite file, for tampering the way an attacker with the file would. */
    public Connection rawDatabase() throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + dbFile);
    }

    public void close() throws Exception {
        vault.close();
    }
}
