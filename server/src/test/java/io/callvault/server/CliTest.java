package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import io.callvault.vault.wav.WavWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end, in-process, on embedded defaults (SQLite + files) in a temp data directory. */
class CliTest {
    @TempDir
    Path dir;
    Path config;
    Path data;

    @BeforeEach
    void setUp() throws Exception {
        data = dir.resolve("data");
        config = dir.resolve("callvault.properties");
        Files.writeString(config, "data_dir = " + data + "\n");
    }

    Cli.Result run(String... args) {
        return new Cli(config).run(args);
    }

    private Path wav(AudioFormat fmt, double seconds) throws Exception {
        byte[] audio = TestAudio.slice(new AudioFormat(AudioEncoding.PCM_S16LE, 8000, 1), 0,
                (int) (fmt.bytesPerSecond() * seconds));
        Path file = dir.resolve("in-" + fmt.sampleRate() + "-" + fmt.channels() + ".wav");
        Files.write(file, concat(WavWriter.header(fmt, audio.length), audio));
        return file;
    }

    @Test
    void importListShowExportDelete_roundTrip() throws Exception {
        Path in = wav(AudioFormat.STEREO_16K, 2.0);
        Cli.Result imp = run("import", in.toString(), "--caller", "+14155550123", "--callee", "+442071838750",
                "--started-at", "2026-11-30T09:15:00Z", "--direction", "out", "--agent", "alice", "--tag", "purpose=qa");
        assertThat(imp.exit()).as(imp.err()).isZero();
        String id = imp.out().strip();
        assertThat(id).matches("[0-9a-f-]{36}");

        Cli.Result list = run("recordings", "list", "--party", "+442071838750");
        assertThat(list.out()).contains(id).contains("+14155550123").contains("purpose=qa").contains("0:00:02.0");
        assertThat(run("recordings", "list", "--party", "+15550000000").out()).doesNotContain(id);
        assertThat(run("recordings", "list", "--tag", "purpose=qa", "--since", "2026-11-30", "--json").out())
                .contains("\"id\" : \"" + id + "\"");
        assertThat(run("recordings", "list", "--until", "2026-11-30T09:00:00Z").out()).doesNotContain(id);

        Cli.Result show = run("recordings", "show", id, "--json");
        assertThat(show.out()).contains("\"sha256\"").contains("\"state\" : \"sealed\"").contains("\"keyId\" : \"kek-");

        Path out = dir.resolve("out.wav");
        Cli.Result exp = run("recordings", "export", id, "--out", out.toString());
        assertThat(exp.exit()).as(exp.err()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));

        Cli.Result del = run("recordings", "delete", id, "--reason", "test over");
        assertThat(del.exit()).as(del.err()).isZero();
        assertThat(run("recordings", "list").out()).doesNotContain(id);
        Cli.Result gone = run("recordings", "show", id);
        assertThat(gone.exit()).isEqualTo(1);
        assertThat(gone.err()).contains("deleted").contains("test over");
    }

    @Test
    void afterImport_noFileUnderTheDataDirectoryHoldsAnyRunOfTheAudio() throws Exception {
        Path in = wav(AudioFormat.STEREO_8K, 3.0);
        byte[] wav = Files.readAllBytes(in);
        assertThat(run("import", in.toString(), "--caller", "+14155550123", "--callee", "+14155550124").exit()).isZero();

        java.util.Set<Long> windows = new java.util.HashSet<>();
        java.nio.ByteBuffer audio = java.nio.ByteBuffer.wrap(wav, 44, wav.length - 44).slice();
        for (int i = 0; i + 8 <= audio.capacity(); i += 2) {
            windows.add(audio.getLong(i));
        }
        java.util.List<Path> files;
        try (var walk = Files.walk(data)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.toString().endsWith(".cvr")).anyMatch(f -> f.endsWith("catalog.db"));
        for (Path file : files) {
            java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(Files.readAllBytes(file));
            for (int i = 0; i + 8 <= bytes.capacity(); i++) {
                if (windows.contains(bytes.getLong(i))) {
                    throw new AssertionError(file + " holds an 8-byte run of the imported audio at offset " + i);
                }
            }
        }
    }

    @Test
    void badImports_areRefusedWithOneLine_exit2_andStoreNothing() throws Exception {
        Path notWav = dir.resolve("notes.txt");
        Files.writeString(notWav, "hello");
        Path good = wav(AudioFormat.STEREO_8K, 1.0);
        Path truncated = dir.resolve("truncated.wav");
        Files.write(truncated, Arrays.copyOf(Files.readAllBytes(good), 30));

        for (String[] args : new String[][] {
                {"import", notWav.toString(), "--caller", "+14155550123", "--callee", "+14155550124"},
                {"import", truncated.toString(), "--caller", "+14155550123", "--callee", "+14155550124"},
                {"import", good.toString(), "--caller", "0044 20 7183", "--callee", "+14155550124"},
                {"import", good.toString(), "--caller", "+14155550123", "--callee", "+14155550124", "--started-at", "yesterday"},
                {"import", good.toString(), "--caller", "+14155550123", "--callee", "+14155550124", "--direction", "sideways"},
                {"import", dir.resolve("missing.wav").toString(), "--caller", "+14155550123", "--callee", "+14155550124"}}) {
            Cli.Result r = run(args);
            assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
            assertThat(r.err().strip()).startsWith("callvault: ").doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(data).doesNotExist();
    }

    @Test
    void rotateKeys_keepsImportedRecordingsExportable() throws Exception {
        Path in = wav(AudioFormat.STEREO_8K, 1.0);
        String id = run("import", in.toString(), "--caller", "+14155550123", "--callee", "+14155550124").out().strip();
        Cli.Result rot = run("keys", "rotate");
        assertThat(rot.exit()).as(rot.err()).isZero();
        assertThat(rot.out()).contains("1 data key(s) re-wrapped");
        Path out = dir.resolve("after-rotation.wav");
        assertThat(run("recordings", "export", id, "--out", out.toString()).exit()).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(in));
        assertThat(run("keys", "status").out()).contains("primary, 1 data key(s)").contains("0 data key(s)");
    }

    @Test
    void extensions_addListRemove_neverShowingThePassword() throws Exception {
        Cli.Result add = run("extension", "add", "201", "--name", "Alice", "--location", "US-CA", "--flag", "pci",
                "--generate-password");
        assertThat(add.exit()).as(add.err()).isZero();
        String password = add.out().lines().filter(l -> l.startsWith("password: ")).findFirst().orElseThrow()
                .substring("password: ".length());
        assertThat(password).hasSize(20);
        Cli.Result list = run("extension", "list");
        assertThat(list.out()).contains("201").contains("Alice").contains("US-CA").contains("pci")
                .doesNotContain(password);
        try (var catalog = Services.openCatalogOnly(io.callvault.server.config.ServerConfig.load(config, java.util.Map.of()))) {
            var e = catalog.directory().extension("201").orElseThrow();
            assertThat(e.ha1Md5()).isEqualTo(io.callvault.server.directory.DigestCredentials.ha1("MD5", "201",
                    "callvault", password));
        }
        assertThat(run("extension", "add", "202", "--location", "California", "--generate-password").exit()).isEqualTo(2);
        assertThat(run("extension", "remove", "201").exit()).isZero();
        assertThat(run("extension", "remove", "201").exit()).isEqualTo(2);
        assertThat(run("extension", "list").out()).doesNotContain("Alice");
    }

    @Test
    void invalidSetting_namesKeyValueOriginAndWhatIsAllowed() throws Exception {
        Files.writeString(config, "data_dir = " + data + "\nhttp.port = eighty\n");
        Cli.Result r = run("config", "show");
        assertThat(r.exit()).isNotZero();
        assertThat(r.err()).contains("http.port").contains("'eighty'").contains(config.toString())
                .contains("1 to 65535");
        Files.writeString(config, "data_dir = " + data + "\nhtp.port = 80\n");
        assertThat(run("config", "show").err()).contains("unknown setting(s) [htp.port]");
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
