package io.callvault.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.callvault.sip.codec.Limits;
import io.callvault.sip.codec.ParseResult;
import io.callvault.sip.message.Body;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/** The UDP half, the transport's lifecycle, and the full path through the transaction layer. */
class NettySipTransportUdpTest extends LoopbackFixture {

    private void sendUdp(DatagramSocket socket, byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, transport.localAddress(TransportKind.UDP)));
    }

    @Test
    void ioImplementation_isEpollWhereAvailable() {
        assertThat(transport.ioName()).isEqualTo(expectedIoName());
    }

    @Test
    void udpRequest_isAnsweredAtItsSourceAddress_withReceivedAndRport() throws IOException {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            phone.setSoTimeout(Wire.TIMEOUT_MS);
            sendUdp(phone, Wire.bytes(Wire.request("OPTIONS", "UDP", "127.0.0.1:5999", "z9hG4bKudp1")));
            SipResponse ok = Wire.receive(phone);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.topVia().received()).contains("127.0.0.1");
            assertThat(ok.topVia().rport()).hasValue(phone.getLocalPort());
            assertThat(requestPeers).containsExactly(Peer.udp((InetSocketAddress) phone.getLocalSocketAddress()));
        }
        assertThat(transport.localAddress(TransportKind.UDP).getPort())
                .isEqualTo(transport.localAddress(TransportKind.TCP).getPort());
    }

    @Test
    void udpTortureMessagesInTheMiddle_areAnsweredOrDropped_andTheSocketLivesOn() throws IOException {
        try (DatagramSocket phone = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            phone.setSoTimeout(Wire.TIMEOUT_MS);
            sendUdp(phone, Wire.bytes(Wire.request("OPTIONS", "UDP", "127.0.0.1", "z9hG4bKfirst")));
            sendUdp(phone, Wire.rfc4475("clerr.dat"));
            sendUdp(phone, Wire.rfc4475("badinv01.dat"));
            sendUdp(phone, Wire.bytes("\r\n\r\n"));
            sendUdp(phone, new byte[] {0x16, 0x03, 0x01, 0x00, (byte) 0xff, 0x00});
            sendUdp(phone, Wire.rfc4475("intmeth.dat"));
            sendUdp(phone, Wire.bytes(Wire.request("OPTIONS", "UDP", "127.0.0.1", "z9hG4bKlast")));

            assertThat(Wire.receive(phone).topVia().branch()).contains("z9hG4bKfirst");
            SipResponse clerr = Wire.receive(phone);
            assertThat(clerr.status()).isEqualTo(400);
            assertThat(clerr.reason()).contains("Content-Length");
            assertThat(clerr.callId().value()).startsWith("clerr.");
            SipResponse intmeth = Wire.receive(phone);
            assertThat(intmeth.status()).isEqualTo(200);
            assertThat(intmeth.callId().value()).startsWith("intmeth.");
            assertThat(Wire.receive(phone).topVia().branch()).contains("z9hG4bKlast");
        }
        TransportCounters.Snapshot counters = transport.counters().snapshot();
        assertThat(counters.parseFailures()).isEqualTo(3);
        assertThat(counters.keepAlives()).isEqualTo(1);
        assertThat(counters.messagesIn()).isEqualTo(3);
        assertThat(layer.stats().parseFailuresAnswered()).isEqualTo(1);
        assertThat(layer.stats().parseFailuresDropped()).isEqualTo(2);
    }

    @Test
    void udpMessageTooLargeForADatagram_isRefusedAtOnce() {
        SipRequest big = (SipRequest) ((ParseResult.Parsed) Wire.PARSER.parseDatagram(
                Wire.bytes(Wire.request("MESSAGE", "UDP", "127.0.0.1", "z9hG4bKbig")))).message();
        SipRequest tooBig = big.withBody("text/plain", Body.of(new byte[70_000]));
        Peer somewhere = Peer.udp(new InetSocketAddress(LOOPBACK, 9));
        assertThatThrownBy(() -> transport.send(tooBig, somewhere))
                .isInstanceOf(IOException.class).hasMessageContaining("TCP");
        assertThat(transport.counters().snapshot().sendFailures()).isEqualTo(1);
    }

    @Test
    void portInUse_failsToStart_withAReadableError() {
        int port = transport.localAddress(TransportKind.UDP).getPort();
        assertThatThrownBy(() -> NettySipTransport.start(LOOPBACK, port, Limits.DEFAULTS, layer))
                .isInstanceOf(BindException.class).hasMessageContaining("cannot bind SIP UDP on 127.0.0.1:" + port);
    }

    @Test
    void advertisedAddress_replacesTheBindAddressInLocalAddress() throws IOException {
        InetAddress advertised = InetAddress.ofLiteral("192.0.2.44");
        try (NettySipTransport other = NettySipTransport.start(LOOPBACK, 0, Limits.DEFAULTS, layer,
                NettySipTransport.Options.DEFAULTS.withAdvertisedAddress(advertised))) {
            assertThat(other.localAddress(TransportKind.TCP).getAddress()).isEqualTo(advertised);
            assertThat(other.localAddress(TransportKind.TCP).getPort()).isPositive();
        }
    }

    @Test
    void closedTransport_refusesToSend() {
        transport.close();
        Peer somewhere = Peer.udp(new InetSocketAddress(LOOPBACK, 9));
        assertThatThrownBy(() -> transport.send(SipResponse.to(
                (SipRequest) ((ParseResult.Parsed) Wire.PARSER.parseDatagram(Wire.bytes(
                        Wire.request("OPTIONS", "UDP", "127.0.0.1", "z9hG4bKc")))).message(), 200), somewhere))
                .isInstanceOf(IOException.class).hasMessageContaining("closed");
    }
}
