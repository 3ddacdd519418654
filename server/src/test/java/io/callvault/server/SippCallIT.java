package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.Harness;
import io.callvault.server.peers.Sipp;
import io.callvault.vault.RecordingReader;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.spi.RecordingState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIPp at both ends of a call through a live callvault: a SIPp UAS registers as extension 202 (digest,
 * 401) and a SIPp UAC calls it as 201 (digest, 407), each streaming its own test sentence as PCMU. The
 * decrypted recording must last as long as the call and hold the caller on the left, the callee on the
 * right. Refused calls (callee not registered, callee busy) reach the caller with their status and leave
 * no recording.
 */
class SippCallIT {
    private static final int CALL_MS = 9000;

    @TempDir
    Path dir;

    @Test
    void sippCallsRegisteredSippUas_callIsRecordedWithEachPartyOnItsChannel() throws Exception {
        Path audio = Harness.audio();
        Harness.run(List.of("sox", "-D", audio.resolve("caller_speech.wav").toString(), "-t", "ul",
                dir.resolve("caller.ul").toString()), 30);
        Harness.run(List.of("sox", "-D", audio.resolve("callee_speech.wav").toString(), "-t", "ul",
                dir.resolve("callee.ul").toString()), 30);
        try (LiveServer server = start()) {
            int uasPort = registerCallee(server);
            try (Sipp uas = Sipp.start(dir, "uas", Sipp.harnessScenario("uas_play.xml"), 60, "-p",
                    String.valueOf(uasPort), "-mp", String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1").awaitBound(uasPort);
                 Sipp uac = call(server, "uac_auth_media.xml", "-d", String.valueOf(CALL_MS))) {
                assertThat(uac.awaitExit(40)).as(() -> report(uac, server)).isZero();
                assertThat(uas.awaitExit(15)).as(() -> report(uas, server)).isZero();
            }
            server.awaitLog("sealed", 30);
        }
        List<RecordingRow> rows = recordings();
        assertThat(rows).hasSize(1);
        RecordingRow row = rows.getFirst();
        assertThat(row.state()).isEqualTo(RecordingState.SEALED);
        assertThat(row.caller().number().e164()).isEqualTo("201");
        assertThat(row.callee().number().e164()).isEqualTo("202");
        assertThat(row.durationMillis()).isBetween(CALL_MS - 1000L, CALL_MS + 1000L);

        Path wav = dir.resolve("recording.wav");
        try (Vault vault = Services.openVault(config(), Map.of()); RecordingReader r = vault.open(row.id());
             OutputStream out = Files.newOutputStream(wav)) {
            r.writeWav(out);
        }
        Harness.assertContains(audio.resolve("caller_speech.wav"), Harness.channel(wav, 1, dir.resolve("left.wav")), 1);
        Harness.assertContains(audio.resolve("callee_speech.wav"), Harness.channel(wav, 2, dir.resolve("right.wav")), 1);
    }

    @Test
    void calleeNotRegistered_callerGets480_andNothingIsRecorded() throws Exception {
        try (LiveServer server = start(); Sipp uac = call(server, "uac_auth_rejected.xml")) {
            assertThat(uac.awaitExit(30)).as(() -> report(uac, server)).isZero();
            assertThat(uac.logs()).contains("final response 480");
        }
        assertThat(recordings()).isEmpty();
    }

    @Test
    void calleeBusy_callerGets486_andNothingIsRecorded() throws Exception {
        try (LiveServer server = start()) {
            int uasPort = registerCallee(server);
            try (Sipp uas = Sipp.start(dir, "uas", Sipp.scenario("uas_busy.xml"), 60, "-p", String.valueOf(uasPort),
                    "-m", "1").awaitBound(uasPort);
                 Sipp uac = call(server, "uac_auth_rejected.xml")) {
                assertThat(uac.awaitExit(30)).as(() -> report(uac, server)).isZero();
                assertThat(uac.logs()).contains("final response 486");
                assertThat(uas.awaitExit(15)).as(() -> report(uas, server)).isZero();
            }
        }
        assertThat(recordings()).isEmpty();
    }

    /**
     * A live server with media ports of its own in 30000-30999: servers of tests running in parallel
     * share LiveServer's default range, and SIPp's ports come from 20000-29999.
     */
    private LiveServer start() throws Exception {
        int media = Sipp.freeUdpPorts(16, 30_000, 30_999);
        return LiveServer.start(dir, "media.port_min = " + media, "media.port_max = " + (media + 15));
    }

    /** Registers 202 from a fresh port and returns it: callvault sends 202's calls where REGISTER came from. */
    private int registerCallee(LiveServer server) throws Exception {
        int port = Sipp.freeUdpPorts(1);
        try (Sipp reg = Sipp.start(dir, "register", Sipp.scenario("register.xml"), 30, server.proxy(), "-p",
                String.valueOf(port), "-s", "202", "-ap", LiveServer.PASSWORD_B, "-m", "1", "-recv_timeout", "10000")) {
            assertThat(reg.awaitExit(30)).as(() -> report(reg, server)).isZero();
        }
        return port;
    }

    /** 201 calls 202 through the server with one of our UAC scenarios. */
    private Sipp call(LiveServer server, String scenario, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of(server.proxy(), "-key", "to_uri",
                "sip:202@" + server.proxy(), "-auth_uri", "202@" + server.proxy(), "-s", "201", "-ap",
                LiveServer.PASSWORD_A, "-p", String.valueOf(Sipp.freeUdpPorts(1)), "-mp",
                String.valueOf(Sipp.freeUdpPorts(4)), "-m", "1", "-recv_timeout", "15000"));
        args.addAll(List.of(extra));
        return Sipp.start(dir, "uac", Sipp.scenario(scenario), 45, args.toArray(String[]::new));
    }

    /** What a failed call assertion shows: SIPp's errors, screen and messages, then the server's log. */
    private static String report(Sipp sipp, LiveServer server) {
        try {
            return sipp.report() + "\n--- callvault log:\n" + server.process.output();
        } catch (IOException e) {
            return "(no report: " + e + ")";
        }
    }

    private ServerConfig config() throws Exception {
        return ServerConfig.load(dir.resolve("callvault.properties"), Map.of());
    }

    /** Every recording in the catalog; read after the server stopped. */
    private List<RecordingRow> recordings() throws Exception {
        try (Vault vault = Services.openVault(config(), Map.of())) {
            return vault.catalog().search(RecordingQuery.all());
        }
    }
}
