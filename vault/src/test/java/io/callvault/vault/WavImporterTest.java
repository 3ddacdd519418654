package io.callvault.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.core.AudioEncoding;
import io.callvault.core.AudioFormat;
import io.callvault.vault.spi.RecordingQuery;
import io.callvault.vault.spi.RecordingRow;
import io.callvault.vault.wav.InvalidWavException;
import io.callvault.vault.wav.WavWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WavImporterTest {
    @TempDir
    Path dir;

    enum Case {
        PCM_8K_MONO(new AudioFormat(AudioEncoding.PCM_S16LE, 8000, 1)),
        PCM_8K_STEREO(AudioFormat.STEREO_8K),
        PCM_16K_MONO(new AudioFormat(AudioEncoding.PCM_S16LE, 16000, 1)),
        PCM_16K_STEREO(AudioFormat.STEREO_16K),
        MULAW_MONO(new AudioFormat(AudioEncoding.MULAW, 8000, 1)),
        ALAW_STEREO(new AudioFormat(AudioEncoding.ALAW, 8000, 2));

        final AudioFormat format;

        Case(AudioFormat format) {
            this.format = format;
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void importThenExport_isBitExact(Case c) throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(c.format, 2.5);
        byte[] wav = concat(WavWriter.header(c.format, audio.length), audio);

        RecordingRow row = importBytes(f, wav);

        assertThat(row.format()).isEqualTo(c.format);
        assertThat(row.durationMillis()).isEqualTo(2500);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RecordingReader r = f.vault.open(row.id())) {
            r.writeWav(out);
        }
        assertThat(out.toByteArray()).isEqualTo(wav);
    }

    @Test
    void extraChunksAndExtensibleFormat_areAccepted() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] audio = VaultFixture.audio(AudioFormat.STEREO_8K, 1);
        byte[] list = concat("LIST".getBytes(), le32(5), "abcde".getBytes(), new byte[1]);
        byte[] fmt = extensibleFmt();
        byte[] body = concat("WAVE".getBytes(), fmt, list, "data".getBytes(), le32(audio.length), audio);
        byte[] wav = concat("RIFF".getBytes(), le32(body.length), body);
        RecordingRow row = importBytes(f, wav);
        assertThat(f.readAll(row)).isEqualTo(audio);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-wav", "float", "truncated-header", "truncated-data", "empty-data", "8bit-pcm",
            "three-channels", "odd-rate"})
    void badInput_isRefusedWithAReason_andNothingIsStored(String kind) throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] good = concat(WavWriter.header(AudioFormat.STEREO_8K, 8000), new byte[8000]);
        byte[] bad = switch (kind) {
            case "not-wav" -> "ID3 this is an mp3".getBytes();
            case "float" -> patch16(good, 20, 3);
            case "truncated-header" -> Arrays.copyOf(good, 30);
            case "truncated-data" -> Arrays.copyOf(good, 4000);
            case "empty-data" -> WavWriter.header(AudioFormat.STEREO_8K, 0);
            case "8bit-pcm" -> patch16(good, 34, 8);
            case "three-channels" -> patch16(good, 22, 3);
            case "odd-rate" -> patch32(good, 24, 11025);
            default -> throw new IllegalArgumentException(kind);
        };
        assertThatThrownBy(() -> importBytes(f, bad)).isInstanceOf(InvalidWavException.class)
                .hasMessageNotContaining("\n").message().isNotBlank();
        assertThat(f.catalog.search(RecordingQuery.all())).isEmpty();
        assertThat(f.blobs.list("")).isEmpty();
        assertThat(f.blobs.pendingKeys()).isEmpty();
    }

    @Test
    void shortTextFile_isCalledNotAWav() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        assertThatThrownBy(() -> importBytes(f, "host1\n".getBytes())).isInstanceOf(InvalidWavException.class)
                .hasMessageStartingWith("not a WAV file");
    }

    @Test
    void dataShorterThanDeclared_onAStreamOfUnknownSize_leavesOnlyATombstone() throws Exception {
        VaultFixture f = new VaultFixture(dir);
        byte[] wav = Arrays.copyOf(concat(WavWriter.header(AudioFormat.STEREO_8K, 80000), new byte[80000]), 40000);
        assertThatThrownBy(() -> new WavImporter(f.vault).importWav(new ByteArrayInputStream(wav), -1,
                VaultFixture::meta)).isInstanceOf(InvalidWavException.class).hasMessageContaining("truncated");
        assertThat(f.catalog.search(RecordingQuery.all())).isEmpty();
        assertThat(f.blobs.list("")).isEmpty();
        assertThat(f.blobs.pendingKeys()).isEmpty();
    }

    private static RecordingRow importBytes(VaultFixture f, byte[] wav) throws Exception {
        return new WavImporter(f.vault).importWav(new ByteArrayInputStream(wav), wav.length, VaultFixture::meta);
    }

    private static byte[] extensibleFmt() {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(48).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("fmt ".getBytes()).putInt(40).putShort((short) 0xFFFE).putShort((short) 2).putInt(8000).putInt(32000)
                .putShort((short) 4).putShort((short) 16).putShort((short) 22).putShort((short) 16).putInt(3)
                .putShort((short) 1).put(new byte[14]);
        return b.array();
    }

    private static byte[] patch16(byte[] in, int off, int value) {
        byte[] out = in.clone();
        out[off] = (byte) value;
        out[off + 1] = (byte) (value >> 8);
        return out;
    }

    private static byte[] patch32(byte[] in, int off, int value) {
        byte[] out = patch16(in, off, value & 0xFFFF);
        return patch16(out, off + 2, value >>> 16);
    }

    private static byte[] le32(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
