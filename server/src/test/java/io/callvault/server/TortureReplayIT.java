package io.callvault.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.testkit.SipCorpora;
import io.callvault.vault.Vault;
import io.callvault.vault.spi.RecordingQuery;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every RFC 4475 torture message and every PROTOS c07-sip INVITE is sent to a running server over UDP;
 * then the server must still answer OPTIONS and complete a normal recorded call between two softphones.
 */
class TortureReplayIT {
    @TempDir
    Path dir;

    @Test
    void tortureAndProtosCorpora_serverAnswersOrDrops_andThenStillCompletesACall() throws Exception {
        try (LiveServer server = LiveServer.start(dir); DatagramSocket socket = new DatagramSocket(
                new InetSocketAddress("127.0.0.1", 0))) {
            InetSocketAddress target = new InetSocketAddress("127.0.0.1", server.sipPort);
            int sent = 0;
            for (String file : SipCorpora.rfc4475Files()) {
                send(socket, SipCorpora.rfc4475(file), target);
                sent++;
            }
            for (SipCorpora.ProtosCase c : SipCorpora.protosCases()) {
                send(socket, c.invite(), target);
                if (++sent % 100 == 0) {
                    Thread.sleep(20); // bounded rate: about 5 000 datagrams/s at most
                    drain(socket);
                }
            }
            assertThat(sent).isGreaterThan(4500);
            drain(socket);
            assertThat(options(socket, target)).startsWith("SIP/2.0 200");
            assertThat(server.process.process.isAlive()).isTrue();

            server.call(8, null);
            server.awaitLog("sealed", 30);
        }
        try (Vault vault = Services.openVault(io.callvault.server.config.ServerConfig.load(
                dir.resolve("callvault.properties"), Map.of()), Map.of())) {
            assertThat(vault.catalog().search(RecordingQuery.all())).hasSize(1);
        }
    }

    private static void send(DatagramSocket socket, byte[] datagram, InetSocketAddress to) throws Exception {
        int length = Math.min(datagram.length, 65_507);
        socket.send(new DatagramPacket(datagram, length, to));
    }

    /** Reads and discards whatever answers are waiting (400s, 404s, 407s...). */
    private static void drain(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(1);
        byte[] buf = new byte[65_535];
        try {
            while (true) {
                socket.receive(new DatagramPacket(buf, buf.length));
            }
        } catch (SocketTimeoutException e) {
            // nothing more waiting
        }
    }

    private static String options(DatagramSocket socket, InetSocketAddress to) throws Exception {
        String local = "127.0.0.1:" + socket.getLocalPort();
        String msg = "OPTIONS sip:" + to.getHostString() + ":" + to.getPort() + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP " + local + ";branch=z9hG4bKalive1;rport\r\nMax-Forwards: 70\r\n"
                + "From: <sip:probe@" + local + ">;tag=probe\r\nTo: <sip:" + to.getHostString() + ">\r\n"
                + "Call-ID: alive-1@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n";
        byte[] bytes = msg.getBytes(StandardCharsets.US_ASCII);
        socket.setSoTimeout(5000);
        for (int attempt = 0; attempt < 3; attempt++) {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
            byte[] buf = new byte[65_535];
            DatagramPacket p = new DatagramPacket(buf, buf.length);
            try {
                while (true) {
                    socket.receive(p);
                    String reply = new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII);
                    if (reply.contains("alive-1@127.0.0.1")) {
                        return reply;
                    }
                }
            } catch (SocketTimeoutException e) {
                // retry
            }
        }
        return "no answer";
    }
}
