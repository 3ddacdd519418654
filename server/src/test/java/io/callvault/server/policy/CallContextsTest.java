package io.callvault.server.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.Direction;
import io.callvault.policy.CallContext;
import io.callvault.policy.Decision;
import io.callvault.policy.Policy;
import io.callvault.policy.RecordPreference;
import io.callvault.policy.jurisdiction.Location;
import io.callvault.policy.jurisdiction.Resolution;
import io.callvault.server.config.ServerConfig;
import io.callvault.testkit.InMemoryDirectory;
import io.callvault.vault.spi.Extension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Call contexts from the extensions directory and the configuration, as live calls and policy explain get them. */
class CallContextsTest {
    @TempDir
    Path dir;
    Path configFile;
    final InMemoryDirectory directory = new InMemoryDirectory();

    @BeforeEach
    void setUp() throws Exception {
        configFile = dir.resolve("callvault.properties");
        Files.writeString(configFile, "data_dir = " + dir.resolve("data") + "\n");
    }

    private ServerConfig config(Map<String, String> env) throws Exception {
        return ServerConfig.load(configFile, env);
    }

    private static Extension extension(String number, String location, Set<String> flags) {
        return new Extension(number, "Ext " + number, "callvault", "0".repeat(32), "0".repeat(64), location, flags,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    void extensionWithLocation_isTheOfficeLocation_andItsFlagsApply() throws Exception {
        directory.putExtension(extension("2100", "US-CA", Set.of("hipaa")));

        CallContext c = CallContexts.forCall("2100", "+4930123456", Direction.OUT, directory, config(Map.of()), null);

        assertThat(c.officeLocation()).isEqualTo(Location.parse("US-CA"));
        assertThat(c.lineFlags()).containsExactly("hipaa");
        assertThat(c.externalBlobStore()).isFalse();
        assertThat(c.recordPreference()).isEqualTo(RecordPreference.NO_PREFERENCE);
        Decision d = Policy.builtIn().decide(c);
        assertThat(d.inputs().caller().how()).isEqualTo(Resolution.OFFICE_LOCATION);
        assertThat(d.inputs().caller().location()).isEqualTo(Location.parse("US-CA"));
    }

    @Test
    void extensionsInTwoPlaces_leaveTheOfficeLocationUnknown_andUnionTheirFlags() throws Exception {
        directory.putExtension(extension("2100", "US-CA", Set.of("hipaa")));
        directory.putExtension(extension("2200", "DE", Set.of("pci")));

        CallContext c = CallContexts.forCall("2100", "2200", Direction.INTERNAL, directory, config(Map.of()), "");

        assertThat(c.officeLocation()).isEqualTo(Location.UNKNOWN);
        assertThat(c.lineFlags()).containsExactly("hipaa", "pci");
    }

    @Test
    void unknownExtensionOrUnreadableLocation_givesNoOfficeLocation() throws Exception {
        directory.putExtension(extension("2300", "California", Set.of()));

        assertThat(CallContexts.forCall("2300", "+4930123456", Direction.OUT, directory, config(Map.of()), null)
                .officeLocation()).isEqualTo(Location.UNKNOWN);
        assertThat(CallContexts.forCall("2999", "+4930123456", Direction.OUT, directory, config(Map.of()), null)
                .officeLocation()).isEqualTo(Location.UNKNOWN);
    }

    @Test
    void s3BlobStore_isExternal_withTheConfiguredAgreement() throws Exception {
        ServerConfig s3 = config(Map.of("CALLVAULT_BLOBS_STORE", "s3", "CALLVAULT_BLOBS_S3_ENDPOINT",
                "http://127.0.0.1:9000", "CALLVAULT_BLOBS_S3_BUCKET", "recordings", "CALLVAULT_BLOBS_S3_ACCESS_KEY",
                "key", "CALLVAULT_BLOBS_S3_SECRET_KEY", "secret", "CALLVAULT_POLICY_BLOB_STORE_BAA", "true"));

        CallContext c = CallContexts.forCall("+4930123456", "+14155550123", Direction.IN, directory, s3, "off");

        assertThat(c.externalBlobStore()).isTrue();
        assertThat(c.baaRecorded()).isTrue();
        assertThat(c.recordPreference()).isEqualTo(RecordPreference.OFF);
    }

    @Test
    void badNumberOrRecordPreference_isRefused() {
        assertThatThrownBy(() -> CallContexts.forCall("anonymous", "+4930123456", Direction.IN, directory,
                config(Map.of()), null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("anonymous");
        assertThatThrownBy(() -> CallContexts.forCall("+4930123456", "2100", Direction.IN, directory,
                config(Map.of()), "maybe")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recordpref");
    }
}
