package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a live server answers to requests it must refuse, sent as raw UDP datagrams. */
class SipEdgeCasesIT {
    private static final AtomicInteger IDS = new AtomicInteger();
    @TempDir
    static Path dir;
    private static LiveServer server;

    @BeforeAll
    static void start() throws Exception {
        server = LiveServer.start(dir);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void options_isAnswered200WithAllow() throws Exception {
        String reply = send("OPTIONS", "sip:" + server.proxy(), "");
        assertThat(reply).startsWith("SIP/2.0 200").contains("Allow: INVITE").contains("Allow: BYE").contains("Allow: REGISTER");
    }

    @Test
    void inviteRequiring100rel_isRefused420WithUnsupported() throws Exception {
        String reply = send("INVITE", "sip:202@" + server.proxy(), "Require: 100rel\r\n");
        assertThat(reply).startsWith("SIP/2.0 420").contains("Unsupported: 100rel");
    }

    @Test
    void inviteWithoutCredentials_isChallenged407() throws Exception {
        String reply = send("INVITE", "sip:202@" + server.proxy(), "");
        assertThat(reply).startsWith("SIP/2.0 407").contains("Proxy-Authenticate: Digest realm=\"callvault\"");
    }

    @Test
    void registerForAnUnknownExtension_is404() throws Exception {
        String reply = send("REGISTER", "sip:" + server.proxy(), "", "sip:999@" + server.proxy());
        assertThat(reply).startsWith("SIP/2.0 404");
    }

    @Test
    void registerWithoutCredentials_isChallenged401() throws Exception {
        String reply = send("REGISTER", "sip:" + server.proxy(), "", "sip:201@" + server.proxy());
        assertThat(reply).startsWith("SIP/2.0 401").contains("WWW-Authenticate: Digest");
    }

    @Test
    void byeForAnUnknownDialog_is481() throws Exception {
        String reply = send("BYE", "sip:callvault@" + server.proxy(), "", null, ";tag=nosuchdialog");
        assertThat(reply).startsWith("SIP/2.0 481");
    }

    private static String send(String method, String uri, String extra) throws Exception {
        return send(method, uri, extra, null);
    }

    private static String send(String method, String uri, String extra, String to) throws Exception {
        return send(method, uri, extra, to, "");
    }

    private static String send(String method, String uri, String extra, String to, String toTag) throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            String local = "127.0.0.1:" + socket.getLocalPort();
            int id = IDS.incrementAndGet();
            String msg = method + " " + uri + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP " + local + ";branch=z9hG4bKedge" + id + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:201@" + server.proxy() + ">;tag=edge" + id + "\r\n"
                    + "To: <" + (to == null ? uri : to) + ">" + toTag + "\r\n"
                    + "Call-ID: edge-" + id + "@127.0.0.1\r\n"
                    + "CSeq: 1 " + method + "\r\n"
                    + "Contact: <sip:201@" + local + ">\r\n"
                    + extra + "Content-Length: 0\r\n\r\n";
            byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
            InetSocketAddress to2 = new InetSocketAddress("127.0.0.1", server.sipPort);
            socket.setSoTimeout(3000);
            for (int attempt = 0; attempt < 3; attempt++) {
                socket.send(new DatagramPacket(bytes, bytes.length, to2));
                byte[] buf = new byte[65_535];
                try {
                    while (true) {
                        DatagramPacket p = new DatagramPacket(buf, buf.length);
                        socket.receive(p);
                        String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.UTF_8);
                        if (!reply.startsWith("SIP/2.0 100")) {
                            return reply;
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // retransmit
                }
            }
            return "no answer";
        }
    }
}
