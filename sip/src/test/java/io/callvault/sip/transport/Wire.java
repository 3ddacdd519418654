package io.callvault.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.codec.SipParser;
import io.callvault.sip.codec.SipStreamFramer;
import io.callvault.sip.codec.StreamEvent;
import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Plain-socket SIP peers on 127.0.0.1 for the transport tests, with a 2 s read timeout everywhere. */
final class Wire {
    static final int TIMEOUT_MS = 2_000;
    static final SipParser PARSER = new SipParser(Limits.DEFAULTS);

    private Wire() {
    }

    /** A request with the given method; {@code sentBy} is what goes in the top Via (may differ from the socket). */
    static String request(String method, String transport, String sentBy, String branch) {
        return method + " sip:bob@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/" + transport + " " + sentBy + ";branch=" + branch + ";rport\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@127.0.0.1>;tag=a1\r\n"
                + "To: <sip:bob@127.0.0.1>\r\n"
                + "Call-ID: " + branch + "@127.0.0.1\r\n"
                + "CSeq: 1 " + method + "\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static SipResponse parseResponse(byte[] raw, int length) {
        ParseResult result = PARSER.parseDatagram(raw, 0, length);
        assertThat(result).as(new String(raw, 0, length, StandardCharsets.UTF_8))
                .isInstanceOf(ParseResult.Parsed.class);
        return (SipResponse) ((ParseResult.Parsed) result).message();
    }

    static SipResponse receive(DatagramSocket socket) throws IOException {
        byte[] buf = new byte[65_536];
        DatagramPacket packet = new DatagramPacket(buf, buf.length);
        socket.receive(packet);
        return parseResponse(buf, packet.getLength());
    }

    /** Reads a TCP connection through a framer; see {@link #next}. */
    static final class StreamReader {
        private final InputStream in;
        private final SipStreamFramer framer = new SipStreamFramer(PARSER);
        private final List<StreamEvent> pending = new ArrayList<>();

        StreamReader(Socket socket) throws IOException {
            socket.setSoTimeout(TIMEOUT_MS);
            this.in = socket.getInputStream();
        }

        /** The next framed event, or null at end of stream. */
        StreamEvent next() throws IOException {
            byte[] buf = new byte[8192];
            while (pending.isEmpty()) {
                int n = in.read(buf);
                if (n < 0) {
                    return null;
                }
                pending.addAll(framer.feed(ByteBuffer.wrap(buf, 0, n)));
            }
            return pending.remove(0);
        }

        SipMessage nextMessage() throws IOException {
            StreamEvent e = next();
            assertThat(e).isInstanceOf(StreamEvent.Message.class);
            ParseResult result = ((StreamEvent.Message) e).result();
            assertThat(result).isInstanceOf(ParseResult.Parsed.class);
            return ((ParseResult.Parsed) result).message();
        }

        SipResponse nextResponse() throws IOException {
            return (SipResponse) nextMessage();
        }

        /** Reads raw bytes (for the CRLF pong, which the framer skips). */
        byte[] readExactly(int n) throws IOException {
            return in.readNBytes(n);
        }
    }

    /** An RFC 4475 torture message from ../shared/testdata (CALLVAULT_REPO_ROOT is set by surefire). */
    static byte[] rfc4475(String file) {
        String root = System.getenv("CALLVAULT_REPO_ROOT");
        if (root == null || root.isBlank()) {
            throw new IllegalStateException("CALLVAULT_REPO_ROOT is not set; run the tests with ./mvnw, or export"
                    + " CALLVAULT_REPO_ROOT=/work/main");
        }
        try {
            return Files.readAllBytes(Path.of(root).resolve("../shared/testdata/rfc4475").resolve(file).normalize());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
