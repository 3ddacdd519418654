package io.callvault.media.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Compares with sox where it is installed (skipped otherwise). Decoding must match on every code. Encoding
 * matches at the centre of every quantization interval; sox rounds 16-bit input to 14/13 bits where the
 * G.191 reference truncates (one's complement for negatives), so inputs within 2 (µ-law) or 4 (A-law) of a
 * decision threshold may land on the neighbouring code. Dither is off ({@code -D}) so the comparison is exact.
 */
class G711SoxTest {

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(G711.class)
    void soxDecoding_isIdenticalOnEveryCode(G711 law) throws Exception {
        byte[] codes = new byte[256];
        for (int c = 0; c < 256; c++) {
            codes[c] = (byte) c;
        }

        ByteBuffer pcm = ByteBuffer.wrap(sox(codes, "-e", encoding(law), "-b", "8", "-e", "signed", "-b", "16"))
                .order(ByteOrder.LITTLE_ENDIAN);

        for (int c = 0; c < 256; c++) {
            assertThat(pcm.getShort()).as("%s code 0x%02x", law, c).isEqualTo(law.decode(c));
        }
    }

    @ParameterizedTest
    @EnumSource(G711.class)
    void soxEncoding_differsOnlyWithinTheIgnoredBitsOfAThreshold(G711 law) throws Exception {
        ByteBuffer pcm = ByteBuffer.allocate(2 * 65536).order(ByteOrder.LITTLE_ENDIAN);
        for (int s = Short.MIN_VALUE; s <= Short.MAX_VALUE; s++) {
            pcm.putShort((short) s);
        }

        byte[] theirs = sox(pcm.array(), "-e", "signed", "-b", "16", "-e", encoding(law), "-b", "8");

        int tolerance = law == G711.ULAW ? 2 : 4;
        for (int s = Short.MIN_VALUE + tolerance; s <= Short.MAX_VALUE - tolerance; s++) {
            byte ours = law.encode(s);
            if (ours != theirs[s - Short.MIN_VALUE]) {
                assertThat(law.encode(s - tolerance) != ours || law.encode(s + tolerance) != ours)
                        .as("%s sample %d differs from sox away from any threshold", law, s).isTrue();
            }
        }
        for (int code = 0; code < 256; code++) {
            int centre = law.decode(code);
            assertThat(theirs[centre - Short.MIN_VALUE]).as("%s centre of code 0x%02x", law, code)
                    .isEqualTo(law.encode(centre));
        }
    }

    private static String encoding(G711 law) {
        return law == G711.ULAW ? "u-law" : "a-law";
    }

    /** Runs sox raw-to-raw: {@code in} options (encoding, bits) then {@code out} options. */
    private byte[] sox(byte[] input, String... formats) throws Exception {
        Path in = Files.write(temp.resolve("in.raw"), input);
        Path out = temp.resolve("out.raw");
        List<String> command = new ArrayList<>(List.of("sox", "-D", "-t", "raw", "-r", "8000", "-c", "1", "-L"));
        command.addAll(List.of(formats).subList(0, 4));
        command.addAll(List.of(in.toString(), "-t", "raw", "-L"));
        command.addAll(List.of(formats).subList(4, 8));
        command.add(out.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(temp.resolve("sox.log")
                    .toFile()).start();
        } catch (IOException e) {
            assumeTrue(false, "sox is not installed");
            throw e;
        }
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("sox finished").isTrue();
        assertThat(process.exitValue()).as("sox exit status; " + Files.readString(temp.resolve("sox.log"))).isZero();
        return Files.readAllBytes(out);
    }
}
