package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.server.config.ServerConfig;
import io.callvault.server.peers.BaresipPhone;
import io.callvault.server.peers.Harness;
import io.callvault.sip.auth.DigestClient;
import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.codec.SipParser;
import io.callvault.sip.message.Header;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.vault.spi.Trunk;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transfers callvault refuses, and that a refused REFER leaves the call as it was: a hand-written UA
 * (raw UDP) in a call with a baresip phone sends REFERs a softphone would not, and hangs up at the end.
 */
class TransferRefusalsIT {
    private static final int TRUNK_PORT = 5270;

    @TempDir
    Path dir;

    @Test
    void refersTheB2buaCannotHonour_areRefusedWithTheReason_andTheCallGoesOn() throws Exception {
        try (LiveServer server = LiveServer.start(dir); BaresipPhone bob = bob(server)) {
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                catalog.directory().putExtension(LiveServer.extension("203", "Dave", "dave-secret-203", server.cfg));
            }
            try (RawUa alice = new RawUa(server, 0)) {
                alice.call("201", LiveServer.PASSWORD_A, "202");
                assertThat(alice.requestFromElsewhere("REFER", "Refer-To: <sip:+14155550123@" + server.proxy()
                        + ">\r\n")).as("the dialog's identifiers, from another address")
                        .startsWith("SIP/2.0 403").contains("own address");
                assertThat(alice.request("REFER", "")).startsWith("SIP/2.0 400");
                String replaces = alice.request("REFER", "Refer-To: <sip:202@" + server.proxy()
                        + "?Replaces=abc%40host%3Bto-tag%3D1%3Bfrom-tag%3D2>\r\n");
                assertThat(replaces).startsWith("SIP/2.0 403").contains("attended transfer (Replaces) is not supported");
                assertThat(alice.request("REFER", "Refer-To: <sip:202@" + server.proxy() + ">\r\n"))
                        .as("Bob to Bob").startsWith("SIP/2.0 403").contains("cannot be transferred to itself");
                assertThat(alice.request("REFER", "Refer-To: <sip:203@" + server.proxy() + ">\r\n"))
                        .as("an extension that is not registered").startsWith("SIP/2.0 480");
                assertThat(alice.request("REFER", "Refer-To: <sip:+14155550123@" + server.proxy() + ">\r\n"))
                        .as("an outside number with no trunk to reach it").startsWith("SIP/2.0 404");
                assertThat(alice.request("REFER", "Refer-To: <tel:+14155550123>\r\n")).startsWith("SIP/2.0 416");
                // the call is still up: the phone hears Alice hang up
                assertThat(alice.request("BYE", "")).startsWith("SIP/2.0 200");
            }
            bob.awaitScript(15);
        }
    }

    @Test
    void aCallerFromTheTrunk_mayNotTransfer() throws Exception {
        try (LiveServer server = LiveServer.start(dir, LiveServer.withoutAnnouncements(dir));
             BaresipPhone bob = bob(server)) {
            try (var catalog = Services.openCatalogOnly(ServerConfig.load(server.config, Map.of()))) {
                catalog.directory().putTrunk(new Trunk("carrier", "127.0.0.1", TRUNK_PORT, "udp", "US",
                        Optional.empty(), Optional.empty(), Map.of("+14155550202", "202"), Instant.now()));
            }
            try (RawUa carrier = new RawUa(server, TRUNK_PORT)) {
                carrier.call("+14155550999", null, "+14155550202");
                assertThat(carrier.request("REFER", "Refer-To: <sip:+14155550123@" + server.proxy() + ">\r\n"))
                        .startsWith("SIP/2.0 403").contains("only an extension may transfer");
                assertThat(carrier.request("BYE", "")).startsWith("SIP/2.0 200");
            }
            bob.awaitScript(15);
        }
    }

    private BaresipPhone bob(LiveServer server) throws Exception {
        Path source = dir.resolve("bob-src.wav");
        Harness.run(List.of("bash", Harness.dir().resolve("pad_wav.sh").toString(),
                Harness.audio().resolve("callee_speech.wav").toString(), source.toString(), "60", "1"), 30);
        BaresipPhone bob = BaresipPhone.start(dir, "bob", 5262, 4562, source,
                server.account("202", LiveServer.PASSWORD_B, "auto"));
        LiveServer.awaitRegistered(bob, 20);
        bob.script("wait:CALL_ESTABLISHED:30", "wait:CALL_CLOSED:60");
        bob.awaitScriptRunning(10); // the raw UA's call is answered within milliseconds
        return bob;
    }

    /** A minimal UAC over raw UDP: one call (digest-authenticated if a password is given) and requests in it. */
    private static final class RawUa implements AutoCloseable {
        private final LiveServer server;
        private DatagramSocket socket;
        private final String local;
        private final String callId = "raw-" + System.nanoTime() + "@127.0.0.1";
        private final String fromTag = "raw" + System.nanoTime();
        private String from;
        private String to;
        private String target;
        private long cseq;
        private int branches;

        RawUa(LiveServer server, int port) throws Exception {
            this.server = server;
            this.socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", port));
            this.local = "127.0.0.1:" + socket.getLocalPort();
            socket.setSoTimeout(500);
        }

        /** Calls {@code dialled} as {@code user} and acknowledges the answer. */
        void call(String user, String password, String dialled) throws Exception {
            String uri = "sip:" + dialled + "@" + server.proxy();
            from = "<sip:" + user + "@" + server.proxy() + ">;tag=" + fromTag;
            to = "<" + uri + ">";
            target = uri;
            String sdp = "v=0\r\no=raw 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                    + "m=audio 40000 RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"
                    + "a=sendrecv\r\n";
            String inviteBranch = branch();
            SipResponse r = transact("INVITE", inviteBranch, "Content-Type: application/sdp\r\n", sdp);
            if (r.status() == 407) {
                send(ack(inviteBranch, r.headers().first("To").orElseThrow(), cseq));
                Header auth = new DigestClient(user, password).authorize(r, Method.INVITE, SipUri.parse(uri));
                r = transact("INVITE", branch(), auth.name() + ": " + auth.value() + "\r\nContent-Type: application/sdp\r\n",
                        sdp);
            }
            assertThat(r.status()).as("the call is answered").isEqualTo(200);
            to = r.headers().first("To").orElseThrow();
            target = r.contacts().getFirst().uri().toString();
            send(ack(branch(), to, cseq));
        }

        /** An in-dialog request; returns the final response's text. */
        String request(String method, String extraHeaders) throws Exception {
            return text(transact(method, branch(), extraHeaders, ""));
        }

        /** The same, sent by someone else who learnt the dialog's identifiers: from another local port. */
        String requestFromElsewhere(String method, String extraHeaders) throws Exception {
            try (DatagramSocket other = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
                other.setSoTimeout(500);
                DatagramSocket own = socket;
                socket = other;
                try {
                    return text(transact(method, branch(), extraHeaders, ""));
                } finally {
                    socket = own;
                }
            }
        }

        private static String text(SipResponse r) {
            StringBuilder text = new StringBuilder("SIP/2.0 " + r.status() + " " + r.reason() + "\r\n");
            r.headers().forEach(h -> text.append(h.name()).append(": ").append(h.value()).append("\r\n"));
            return text.toString();
        }

        private SipResponse transact(String method, String branch, String extraHeaders, String body) throws Exception {
            long number = ++cseq;
            String msg = method + " " + target + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + local + ";branch=" + branch + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: " + from + "\r\nTo: " + to + "\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: " + number + " " + method + "\r\nContact: <sip:raw@" + local + ">\r\n"
                    + extraHeaders + "Content-Length: " + body.length() + "\r\n\r\n" + body;
            for (int attempt = 0; attempt < 40; attempt++) {
                if (attempt % 4 == 0) {
                    send(msg);
                }
                Optional<SipResponse> r = receiveFinal(method, number);
                if (r.isPresent()) {
                    return r.get();
                }
            }
            throw new AssertionError("no final response to " + method);
        }

        /** The next final response to our request, skipping anything else (retransmissions, provisional). */
        private Optional<SipResponse> receiveFinal(String method, long number) throws Exception {
            long deadline = System.nanoTime() + 500_000_000L;
            byte[] buf = new byte[65_535];
            while (System.nanoTime() < deadline) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    socket.receive(p);
                } catch (SocketTimeoutException e) {
                    return Optional.empty();
                }
                ParseResult parsed = new SipParser(Limits.DEFAULTS).parseDatagram(p.getData(), 0, p.getLength());
                if (parsed instanceof ParseResult.Parsed ok && ok.message() instanceof SipResponse r
                        && r.status() >= 200 && r.cseq().method().name().equals(method) && r.cseq().number() == number) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }

        private String ack(String branch, String toHeader, long number) {
            return "ACK " + target + " SIP/2.0\r\nVia: SIP/2.0/UDP " + local + ";branch=" + branch + ";rport\r\n"
                    + "Max-Forwards: 70\r\nFrom: " + from + "\r\nTo: " + toHeader + "\r\nCall-ID: " + callId + "\r\n"
                    + "CSeq: " + number + " ACK\r\nContent-Length: 0\r\n\r\n";
        }

        private String branch() {
            return "z9hG4bKraw" + System.nanoTime() + "x" + (++branches);
        }

        private void send(String msg) throws Exception {
            byte[] bytes = msg.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, new InetSocketAddress("127.0.0.1", server.sipPort)));
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
