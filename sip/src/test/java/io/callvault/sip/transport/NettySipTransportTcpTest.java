package io.callvault.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.codec.SipSerializer;
import io.callvault.sip.message.Method;
import io.callvault.sip.message.NameAddr;
import io.callvault.sip.message.SipCallId;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.SipUri;
import io.callvault.sip.message.Via;
import io.callvault.sip.transaction.ClientListener;
import io.callvault.sip.transaction.TransactionLayer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The TCP half: framing, the connection surviving bad messages, and outgoing connections. */
class NettySipTransportTcpTest extends LoopbackFixture {

    private Socket connect() throws IOException {
        Socket socket = new Socket();
        socket.connect(transport.localAddress(TransportKind.TCP), Wire.TIMEOUT_MS);
        return socket;
    }

    private static String options(String branch) {
        return Wire.request("OPTIONS", "TCP", "127.0.0.1", branch);
    }

    @Test
    void tcpRequest_isAnsweredOverTheSameConnection() throws IOException {
        try (Socket phone = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(phone);
            phone.getOutputStream().write(Wire.bytes(options("z9hG4bKtcp1")));
            SipResponse ok = in.nextResponse();
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.topVia().rport()).hasValue(phone.getLocalPort());
            assertThat(requestPeers).containsExactly(Peer.tcp((InetSocketAddress) phone.getLocalSocketAddress()));
        }
    }

    @Test
    void pipelinedAndSplitMessages_areFramedOneByOne() throws IOException {
        try (Socket phone = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(phone);
            OutputStream out = phone.getOutputStream();
            out.write(Wire.bytes(options("z9hG4bKp1") + options("z9hG4bKp2")));
            byte[] third = Wire.bytes(options("z9hG4bKp3"));
            out.write(third, 0, 40);
            out.flush();
            out.write(third, 40, third.length - 40);
            for (String branch : new String[] {"z9hG4bKp1", "z9hG4bKp2", "z9hG4bKp3"}) {
                assertThat(in.nextResponse().topVia().branch()).contains(branch);
            }
        }
    }

    @Test
    void tortureMessagesOnAConnection_areAnswered_andTheConnectionStays() throws IOException {
        try (Socket phone = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(phone);
            OutputStream out = phone.getOutputStream();
            out.write(Wire.bytes(options("z9hG4bKt1")));
            out.write(Wire.rfc4475("mismatch01.dat"));
            out.write(Wire.rfc4475("wsinv.dat"));
            out.write(Wire.bytes(options("z9hG4bKt2")));
            assertThat(in.nextResponse().status()).isEqualTo(200);
            SipResponse mismatch = in.nextResponse();
            assertThat(mismatch.status()).isEqualTo(400);
            assertThat(mismatch.reason()).contains("CSeq method INVITE");
            SipResponse wsinv = in.nextResponse();
            assertThat(wsinv.status()).isEqualTo(486);
            assertThat(wsinv.callId().value()).isEqualTo("wsinv.ndaksdj@192.0.2.1");
            assertThat(in.nextResponse().topVia().branch()).contains("z9hG4bKt2");
        }
        assertThat(transport.counters().snapshot().framingFailures()).isZero();
    }

    @Test
    void framingFailure_isAnsweredThenClosesOnlyThatConnection() throws IOException {
        try (Socket broken = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(broken);
            String noLength = options("z9hG4bKnolen").replace("Content-Length: 0\r\n", "");
            broken.getOutputStream().write(Wire.bytes(noLength));
            SipResponse answer = in.nextResponse();
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.reason()).contains("Content-Length is missing");
            assertThat(in.next()).isNull();
        }
        try (Socket fine = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(fine);
            fine.getOutputStream().write(Wire.bytes(options("z9hG4bKafter")));
            assertThat(in.nextResponse().status()).isEqualTo(200);
        }
        assertThat(transport.counters().snapshot().framingFailures()).isEqualTo(1);
    }

    @Test
    void keepAlivePing_getsAPong() throws IOException {
        try (Socket phone = connect()) {
            Wire.StreamReader in = new Wire.StreamReader(phone);
            phone.getOutputStream().write(Wire.bytes("\r\n\r\n"));
            assertThat(new String(in.readExactly(2), StandardCharsets.US_ASCII)).isEqualTo("\r\n");
            phone.getOutputStream().write(Wire.bytes(options("z9hG4bKalive")));
            assertThat(in.nextResponse().status()).isEqualTo(200);
        }
    }

    @Test
    void outgoingRequests_shareOneConnection_andTheResponseComesBackOnIt() throws Exception {
        try (ServerSocket trunk = new ServerSocket(0, 4, LoopbackFixture.LOOPBACK)) {
            trunk.setSoTimeout(Wire.TIMEOUT_MS);
            Peer to = Peer.tcp((InetSocketAddress) trunk.getLocalSocketAddress());
            CompletableFuture<SipResponse> answered = new CompletableFuture<>();
            layer.send(outgoing(Method.OPTIONS), to, listener(answered));
            SipRequest second = outgoing(Method.MESSAGE);
            transport.send(second, to);
            try (Socket accepted = trunk.accept()) {
                Wire.StreamReader in = new Wire.StreamReader(accepted);
                SipRequest first = (SipRequest) in.nextMessage();
                assertThat(first.method()).isEqualTo(Method.OPTIONS);
                assertThat(((SipRequest) in.nextMessage()).method()).isEqualTo(Method.MESSAGE);
                accepted.getOutputStream().write(SipSerializer.serialize(SipResponse.to(first, 200, "OK", "trunk")));
                assertThat(answered.get(Wire.TIMEOUT_MS, TimeUnit.MILLISECONDS).status()).isEqualTo(200);
            }
        }
        assertThat(transport.counters().snapshot().connectionsOpened()).isEqualTo(1);
    }

    @Test
    void connectionRefused_failsTheSend_andTheClientTransaction() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, LoopbackFixture.LOOPBACK)) {
            closedPort = probe.getLocalPort();
        }
        Peer nobody = Peer.tcp(new InetSocketAddress(LoopbackFixture.LOOPBACK, closedPort));
        assertThatThrownBy(() -> transport.sendAsync(outgoing(Method.OPTIONS), nobody).toCompletableFuture()
                .get(Wire.TIMEOUT_MS, TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IOException.class);
        CompletableFuture<IOException> failed = new CompletableFuture<>();
        layer.send(outgoing(Method.OPTIONS), nobody, new ClientListener() {
            @Override
            public void onResponse(SipResponse response) {
            }

            @Override
            public void onTimeout() {
            }

            @Override
            public void onTransportError(IOException error) {
                failed.complete(error);
            }
        });
        assertThat(failed.get(Wire.TIMEOUT_MS, TimeUnit.MILLISECONDS)).isNotNull();
    }

    private SipRequest outgoing(Method method) {
        InetSocketAddress local = transport.localAddress(TransportKind.TCP);
        return SipRequest.builder(method, SipUri.parse("sip:trunk@127.0.0.1"))
                .via(Via.of("TCP", "127.0.0.1", local.getPort(), TransactionLayer.newBranch()))
                .from(NameAddr.parse("<sip:callvault@127.0.0.1>;tag=cv1"))
                .to(NameAddr.parse("<sip:trunk@127.0.0.1>"))
                .callId(new SipCallId(TransactionLayer.newBranch() + "@127.0.0.1"))
                .cseq(1)
                .build();
    }

    private static ClientListener listener(CompletableFuture<SipResponse> answered) {
        return new ClientListener() {
            @Override
            public void onResponse(SipResponse response) {
                answered.complete(response);
            }

            @Override
            public void onTimeout() {
                answered.completeExceptionally(new AssertionError("timeout"));
            }

            @Override
            public void onTransportError(IOException error) {
                answered.completeExceptionally(error);
            }
        };
    }
}
