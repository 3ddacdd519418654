package io.callvault.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.vault.spi.RecordingRow;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTP ranges over the virtual WAV file (44-byte header + PCM). The recording is 3 s of 8 kHz stereo PCM:
 * 96 000 audio bytes, 96 044 WAV bytes. Its ciphertext segments hold audio [0, 16328), then 16368 bytes
 * each (docs/recording-format.md), so segment boundaries sit at WAV offsets 16372, 32740, 49108, 65476, 81844.
 */
class AudioRangeTest {
    static final int TOTAL = 96_044;

    @TempDir
    static Path dir;
    static ApiFixture f;
    static RecordingRow row;
    static byte[] original;
    static byte[] full;
    static String audio;

    @BeforeAll
    static void start() throws Exception {
        f = new ApiFixture(dir);
        original = TestAudio.wav(3);
        row = f.record("alice", "+14155550101", 3);
        audio = "/api/v1/recordings/" + row.id() + "/audio";
        Http.Response r = f.http.get(audio, f.bearer("cora"));
        assertThat(r.status()).isEqualTo(200);
        full = r.body();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    @Test
    void wholeFile_isTheImportedWavByteForByte() {
        Http.Response r = f.http.get(audio, f.bearer("alice"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Accept-Ranges")).contains("bytes");
        assertThat(r.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("audio/wav"));
        assertThat(r.header("Content-Length")).contains(Integer.toString(TOTAL));
        assertThat(r.header("Content-Disposition")).hasValueSatisfying(d -> assertThat(d).startsWith("inline"));
        assertThat(full).hasSize(TOTAL).isEqualTo(original);
    }

    @Test
    void download_comesAsAttachmentWithTheSameBytes() {
        Http.Response r = f.http.get(audio + "?download=true", f.bearer("cora"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains("attachment; filename=\"" + row.id() + ".wav\"");
        assertThat(r.body()).isEqualTo(full);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "bytes=0-43, 0, 43",                 // the header alone
            "bytes=40-50, 40, 50",               // across the header/PCM boundary
            "bytes=44-44, 44, 44",               // the first audio byte
            "bytes=16360-16390, 16360, 16390",   // across the segment 0/1 boundary (16372)
            "bytes=16372-32739, 16372, 32739",   // exactly segment 1
            "bytes=32700-49200, 32700, 49200",   // across two boundaries (32740, 49108)
            "bytes=81844-81844, 81844, 81844",   // first byte of the last segment
            "bytes=90000-, 90000, 96043",        // open-ended
            "bytes=0-, 0, 96043",                // open-ended from the start
            "bytes=-100, 95944, 96043",          // suffix
            "bytes=-999999, 0, 96043",           // suffix longer than the file
            "bytes=96043-96043, 96043, 96043",   // the last byte
            "bytes=1000-999999999, 1000, 96043", // end beyond the file is clamped
    })
    void range_returnsExactlyThoseBytes(String header, int first, int last) {
        Http.Response r = f.http.send("GET", audio, null, null, f.bearer("alice"), Map.of("Range", header));
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.header("Content-Range")).contains("bytes " + first + "-" + last + "/" + TOTAL);
        assertThat(r.header("Content-Length")).contains(Integer.toString(last - first + 1));
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(full, first, last + 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=96044-", "bytes=100000-100010", "bytes=-0"})
    void unsatisfiableRange_is416WithTheLength(String header) {
        Http.Response r = f.http.send("GET", audio, null, null, f.bearer("alice"), Map.of("Range", header));
        assertThat(r.status()).isEqualTo(416);
        assertThat(r.header("Content-Range")).contains("bytes */" + TOTAL);
        assertThat(r.errorCode()).isEqualTo("range_not_satisfiable");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=50-40", "bytes=0-1,5-6", "items=0-5", "bytes=abc"})
    void rangeThisServerDoesNotServe_isIgnoredAndTheWholeFileSent(String header) {
        Http.Response r = f.http.send("GET", audio, null, null, f.bearer("alice"), Map.of("Range", header));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(full);
    }

    @Test
    void rangeNearTheEndOfALongRecording_decryptsOnlyTheSegmentsItTouches() throws Exception {
        RecordingRow longOne = f.record("alice", "+14155550101", 20); // 640 000 audio bytes, about 40 segments
        String path = "/api/v1/recordings/" + longOne.id() + "/audio";
        long before = f.blobs.bytesRead();
        Http.Response r = f.http.send("GET", path, null, null, f.bearer("alice"), Map.of("Range", "bytes=600000-600099"));
        long read = f.blobs.bytesRead() - before;
        assertThat(r.status()).isEqualTo(206);
        assertThat(r.body()).isEqualTo(Arrays.copyOfRange(TestAudio.wav(20), 600_000, 600_100));
        assertThat(read).as("ciphertext bytes read for a 100-byte range").isLessThan(3 * 16_384 + 1024);
    }
}
