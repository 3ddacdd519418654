package io.callvault.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The shared protocol corpora: RFC 4475 torture messages and PROTOS c07-sip test cases, found through
 * {@code $CALLVAULT_REPO_ROOT/../shared/testdata} (surefire sets CALLVAULT_REPO_ROOT). They are read in
 * place and never copied into the repository.
 */
public final class SipCorpora {
    private SipCorpora() {
    }

    public static Path sharedTestdata() {
        String root = System.getenv("CALLVAULT_REPO_ROOT");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("CALLVAULT_REPO_ROOT is not set. Run the tests with ./mvnw (surefire sets"
                    + " it to the repository root), or export it, e.g. CALLVAULT_REPO_ROOT=/work/main");
        }
        Path dir = Path.of(root).resolve("../shared/testdata").normalize();
        if (!Files.isDirectory(dir.resolve("rfc4475")) || !Files.isRegularFile(dir.resolve(
                "protos-c07-sip/c07-sip-r2-testcases.zip"))) {
            throw new IllegalStateException("shared test data is missing: expected " + dir + "/rfc4475/*.dat and "
                    + dir + "/protos-c07-sip/c07-sip-r2-testcases.zip (CALLVAULT_REPO_ROOT=" + root + ")");
        }
        return dir;
    }

    public static byte[] rfc4475(String file) {
        try {
            return Files.readAllBytes(sharedTestdata().resolve("rfc4475").resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of every RFC 4475 .dat file, sorted. */
    public static List<String> rfc4475Files() {
        try (Stream<Path> files = Files.list(sharedTestdata().resolve("rfc4475"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dat")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One PROTOS case: its number and the INVITE with placeholders replaced by loopback values. */
    public record ProtosCase(int number, byte[] invite) {
        @Override
        public String toString() {
            return String.format("PROTOS %07d", number);
        }
    }

    /**
     * Every PROTOS c07-sip case in number order. Each zip entry is {@code <decimal length> SP <bytes>}
     * records (INVITE, then the teardown); lengths count bytes before placeholder substitution, so the
     * records are split first and the placeholders replaced afterwards, Content-Length last.
     */
    public static List<ProtosCase> protosCases() {
        return ProtosHolder.CASES;
    }

    /** Read once per test JVM (about 37 MB), on first use. */
    private static final class ProtosHolder {
        static final List<ProtosCase> CASES = List.copyOf(readProtosCases());
    }

    private static List<ProtosCase> readProtosCases() {
        Path zip = sharedTestdata().resolve("protos-c07-sip/c07-sip-r2-testcases.zip");
        List<ProtosCase> out = new ArrayList<>(4_600);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                String name = entry.getName();
                if (entry.isDirectory() || !name.contains("/testcases/")) {
                    continue;
                }
                int number = Integer.parseInt(name.substring(name.lastIndexOf('/') + 1));
                byte[] raw;
                try (var in = file.getInputStream(entry)) {
                    raw = in.readAllBytes();
                }
                out.add(new ProtosCase(number, substitute(firstRecord(raw, name), number)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort((a, b) -> Integer.compare(a.number(), b.number()));
        return out;
    }

    private static byte[] firstRecord(byte[] raw, String name) {
        int sp = 0;
        while (sp < raw.length && raw[sp] != ' ') {
            sp++;
        }
        int length = Integer.parseInt(new String(raw, 0, sp, StandardCharsets.US_ASCII));
        if (sp + 1 + length > raw.length) {
            throw new IllegalStateException(name + ": record length " + length + " exceeds the entry");
        }
        byte[] pdu = new byte[length];
        System.arraycopy(raw, sp + 1, pdu, 0, length);
        return pdu;
    }

    private static byte[] substitute(byte[] pdu, int number) {
        byte[] out = replace(pdu, "<To>", "callee@127.0.0.1");
        out = replace(out, "<From>", "protos@127.0.0.1");
        out = replace(out, "<From-Address>", "127.0.0.1");
        out = replace(out, "<From-IP>", "127.0.0.1");
        out = replace(out, "<Local-Port>", "5060");
        out = replace(out, "<Call-ID>", Integer.toString(number));
        out = replace(out, "<Branch-ID>", String.format("%06d", number));
        out = replace(out, "<CSeq>", "1");
        out = replace(out, "<Teardown-Method>", "CANCEL");
        int head = indexOf(out, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        int bodyLength = head < 0 ? 0 : out.length - head - 4;
        return replace(out, "<Content-Length>", Integer.toString(bodyLength));
    }

    private static byte[] replace(byte[] in, String placeholder, String value) {
        byte[] from = placeholder.getBytes(StandardCharsets.US_ASCII);
        byte[] to = value.getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(in, from, 0);
        if (at < 0) {
            return in;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length + 64);
        int pos = 0;
        while (at >= 0) {
            out.write(in, pos, at - pos);
            out.writeBytes(to);
            pos = at + from.length;
            at = indexOf(in, from, pos);
        }
        out.write(in, pos, in.length - pos);
        return out.toByteArray();
    }

    private static int indexOf(byte[] hay, byte[] needle, int from) {
        outer:
        for (int i = from; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
