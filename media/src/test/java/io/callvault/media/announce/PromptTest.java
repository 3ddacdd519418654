package io.callvault.media.announce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.callvault.media.codec.G711;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Loading prompts: what is accepted, what is refused and how the refusal reads. */
class PromptTest {
    private static final String CONVERT = "convert it with: sox in.wav -r 8000 -c 1 -b 16 out.wav";

    private static byte[] shippedFile() throws IOException {
        try (InputStream in = Prompt.class.getResourceAsStream("/io/callvault/media/announce/recording-notice-en.wav")) {
            return in.readAllBytes();
        }
    }

    @Test
    void builtInEnglish_loadsAndLastsThreeToNineSeconds() {
        Prompt en = Prompt.builtIn("en");

        assertThat(en.id()).isEqualTo("builtin:recording-notice-en");
        assertThat(en.duration()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(9));
        assertThat(en.sha256()).matches("[0-9a-f]{64}");
        int peak = 0;
        for (short s : en.samples()) {
            peak = Math.max(peak, Math.abs(s));
        }
        assertThat(peak).as("peak near -3 dBFS").isBetween(16_000, 32_767);
    }

    @Test
    void shippedFile_acceptedByFromWav() throws IOException {
        Prompt p = Prompt.fromWav("operator-copy", shippedFile());

        assertThat(p.sha256()).isEqualTo(Prompt.builtIn("en").sha256());
        assertThat(p.sampleCount()).isEqualTo(Prompt.builtIn("en").sampleCount());
    }

    @Test
    void muLawFile_decodesToThePcmItHolds() {
        short[] pcm = Prompt.builtIn("en").samples();
        byte[] codes = new byte[pcm.length];
        G711.ULAW.encode(pcm, 0, pcm.length, ByteBuffer.wrap(codes));

        Prompt p = Prompt.fromWav("mulaw", Wavs.g711(Wavs.ULAW, codes));

        short[] expected = new short[codes.length];
        G711.ULAW.decode(ByteBuffer.wrap(codes), expected, 0);
        assertThat(p.samples()).isEqualTo(expected);
        assertThat(p.sha256()).as("hash of the decoded PCM").isEqualTo(Prompt.fromPcm("pcm", expected).sha256());
    }

    @Test
    void aLawFile_decodesToThePcmItHolds() {
        byte[] codes = {(byte) 0xD5, 0x55, (byte) 0xAA, 0x2A};

        Prompt p = Prompt.fromWav("alaw", Wavs.g711(Wavs.ALAW, codes));

        assertThat(p.samples()).containsExactly(G711.ALAW.decode(0xD5), G711.ALAW.decode(0x55),
                G711.ALAW.decode(0xAA), G711.ALAW.decode(0x2A));
    }

    @Test
    void extensiblePcmWithOddListChunk_accepted() {
        ByteBuffer fmt = Wavs.fmt(Wavs.EXTENSIBLE, 8000, 1, 16, 40);
        fmt.putShort(16, (short) 22).putShort(18, (short) 16).putShort(24, (short) Wavs.PCM);
        byte[] data = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putShort((short) 1000)
                .putShort((short) -1000).array();

        Prompt p = Prompt.fromWav("ext", Wavs.riff(Wavs.chunk("fmt ", fmt.array()), Wavs.chunk("LIST", new byte[3]),
                Wavs.chunk("data", data)));

        assertThat(p.samples()).containsExactly((short) 1000, (short) -1000);
    }

    @Test
    void sixteenKilohertzStereo_refusedWithWhatIsWrongAndHowToConvert() {
        byte[] wav = Wavs.pcm16(16000, 2, new short[320]);

        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("wide", wav))
                .withMessage("prompt must be 8000 Hz mono, 16-bit PCM or 8-bit G.711 µ-law/A-law; this file is "
                        + "16000 Hz stereo 16-bit PCM — " + CONVERT);
    }

    @Test
    void sixteenKilohertz_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("wide", Wavs.pcm16(16000, 1, new short[8])))
                .withMessageContaining("this file is 16000 Hz mono 16-bit PCM").withMessageEndingWith(CONVERT);
    }

    @Test
    void stereo_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("two", Wavs.pcm16(8000, 2, new short[8])))
                .withMessageContaining("this file is 8000 Hz stereo 16-bit PCM").withMessageEndingWith(CONVERT);
    }

    @Test
    void eightBitPcm_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Prompt.fromWav("8bit", Wavs.wav(Wavs.PCM, 8000, 1, 8, new byte[16])))
                .withMessageContaining("this file is 8000 Hz mono 8-bit PCM").withMessageEndingWith(CONVERT);
    }

    @Test
    void floatWav_refused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Prompt.fromWav("float", Wavs.wav(3, 8000, 1, 32, new byte[16])))
                .withMessageContaining("32-bit float").withMessageEndingWith(CONVERT);
    }

    @Test
    void damagedFiles_refusedWithTheReason() {
        byte[] good = Wavs.pcm16(8000, 1, new short[100]);

        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("mp3", "ID3\u0004 not a wav".getBytes()))
                .withMessageStartingWith("not a WAV file");
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("cut", Arrays.copyOf(good, 100)))
                .withMessage("truncated WAV: chunk 'data' declares 200 bytes but only 56 follow");
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("cut", Arrays.copyOf(good, 30)))
                .withMessageContaining("truncated WAV");
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("empty", Wavs.pcm16(8000, 1, new short[0])))
                .withMessageContaining("no audio");
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("order",
                Wavs.riff(Wavs.chunk("data", new byte[4]), Wavs.chunk("fmt ", Wavs.fmt(1, 8000, 1, 16, 16).array()))))
                .withMessageContaining("data chunk comes before the fmt chunk");
    }

    @Test
    void longerThanTwoMinutes_refused() {
        byte[] wav = Wavs.g711(Wavs.ULAW, new byte[Prompt.MAX_SAMPLES + 1]);

        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.fromWav("long", wav))
                .withMessageContaining("at most 120 s");
    }

    @Test
    void unknownOrMalformedLanguage_refused() {
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.builtIn("xx"))
                .withMessageContaining("no built-in recording notice for language 'xx'")
                .withMessageContaining("Prompt.fromWav");
        assertThatIllegalArgumentException().isThrownBy(() -> Prompt.builtIn("../../secret"))
                .withMessageContaining("not a language tag");
    }

    @Test
    void emptyPrompt_hashesToTheSha256OfNothing() {
        assertThat(Prompt.EMPTY.sha256()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Prompt.fromPcm("one", new short[] {0x0102}).sha256()).as("little-endian: bytes 02 01")
                .isEqualTo("25dfd29c09617dcc9852281c030e5b3037a338a4712a42a21c907f259c6412a0");
    }
}
