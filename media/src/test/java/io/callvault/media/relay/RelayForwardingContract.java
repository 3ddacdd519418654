package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every transport must do with real UDP on 127.0.0.1: forward both ways byte for byte, count, observe,
 * rewrite, close. Subclassed once per {@link RelayTransport}, the way Netty runs its transport suite.
 */
abstract class RelayForwardingContract {
    /** A softphone: an RTP socket and an RTCP socket. */
    record Phone(UdpPeer rtp, UdpPeer rtcp) {}

    final FakeNanoClock clock = new FakeNanoClock();
    final List<AutoCloseable> toClose = new ArrayList<>();
    MediaRelay relay;
    Phone alice;
    Phone bob;

    abstract RelayTransport transport();

    /** A range of its own per subclass, below the ephemeral ports. */
    abstract int firstPort();

    @BeforeEach
    void startRelay() {
        relay = startRelay(firstPort(), firstPort() + 99);
        alice = phone();
        bob = phone();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    @Test
    void rtpBothDirections_arriveByteExact() {
        RelaySession call = callWithSdp(RelayChain.none());

        for (int seq = 1; seq <= 20; seq++) {
            byte[] sent = Packets.rtp(0xA11CE, seq);
            alice.rtp().send(call.localRtp(Leg.A), sent);
            assertThat(bob.rtp().receive()).isEqualTo(sent);
            byte[] reply = Packets.rtp(0xB0B, seq);
            bob.rtp().send(call.localRtp(Leg.B), reply);
            assertThat(alice.rtp().receive()).isEqualTo(reply);
        }
    }

    @Test
    void rtcpBothDirections_arriveByteExact() {
        RelaySession call = callWithSdp(RelayChain.none());

        alice.rtcp().send(call.localRtcp(Leg.A), Packets.rtcp(0xA11CE));
        bob.rtcp().send(call.localRtcp(Leg.B), Packets.rtcp(0xB0B));

        assertThat(bob.rtcp().receive()).isEqualTo(Packets.rtcp(0xA11CE));
        assertThat(alice.rtcp().receive()).isEqualTo(Packets.rtcp(0xB0B));
        assertThat(call.localRtcp(Leg.A).getPort()).isEqualTo(call.localRtp(Leg.A).getPort() + 1);
    }

    @Test
    void unknownRemote_dropsAndCountsUntilSdpArrives() {
        RelaySession call = relay.openSession("no-sdp-yet", RelayChain.none());

        for (int seq = 1; seq <= 3; seq++) {
            alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, seq));
        }
        Eventually.await("3 drops", () -> call.stats(Leg.A).rtp().dropped(DropReason.NO_REMOTE) == 3);
        call.setRemote(Leg.B, bob.rtp().address(), bob.rtcp().address());
        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 4));

        assertThat(Packets.sequence(bob.rtp().receive())).isEqualTo(4);
        StreamStats a = call.stats(Leg.A).rtp();
        assertThat(a.packetsIn()).isEqualTo(4);
        assertThat(a.packetsForwarded()).isEqualTo(1);
        assertThat(a.droppedTotal()).isEqualTo(3);
    }

    @Test
    void observer_seesEveryRtpPacketWithItsLegBeforeForwarding() {
        record Seen(Leg leg, byte[] bytes, long arrival, boolean readOnly) {}
        ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();
        RelaySession call = callWithSdp(RelayChain.observing("tap",
                (leg, packet, arrival) -> seen.add(new Seen(leg, copy(packet), arrival, packet.isReadOnly()))));

        for (int seq = 1; seq <= 10; seq++) {
            alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(0xA, seq));
            bob.rtp().send(call.localRtp(Leg.B), Packets.rtp(0xB, seq));
            bob.rtp().receive();
            alice.rtp().receive();
        }
        alice.rtcp().send(call.localRtcp(Leg.A), Packets.rtcp(0xA));
        alice.rtp().send(call.localRtp(Leg.A), Packets.rtcp(0xA)); // rtcp-mux: RTCP on the RTP port
        bob.rtcp().receive();
        bob.rtp().receive();

        assertThat(seen).hasSize(20).allSatisfy(s -> {
            assertThat(Packets.ssrc(s.bytes())).isEqualTo(s.leg() == Leg.A ? 0xA : 0xB);
            assertThat(s.bytes()).isEqualTo(Packets.rtp(Packets.ssrc(s.bytes()), Packets.sequence(s.bytes())));
            assertThat(s.arrival()).isEqualTo(clock.getAsLong());
            assertThat(s.readOnly()).isTrue();
        });
        assertThat(seen.stream().filter(s -> s.leg() == Leg.A).map(s -> Packets.sequence(s.bytes())))
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void counters_matchTraffic() {
        RelaySession call = callWithSdp(RelayChain.none());

        for (int seq = 1; seq <= 7; seq++) {
            alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, seq));
            bob.rtp().receive();
        }
        for (int i = 0; i < 2; i++) {
            bob.rtcp().send(call.localRtcp(Leg.B), Packets.rtcp(2));
            alice.rtcp().receive();
        }

        LegStats a = call.stats(Leg.A);
        LegStats b = call.stats(Leg.B);
        assertThat(a.rtp().packetsIn()).isEqualTo(7);
        assertThat(a.rtp().bytesIn()).isEqualTo(7 * 172);
        assertThat(a.rtp().packetsForwarded()).isEqualTo(7);
        assertThat(a.rtp().bytesForwarded()).isEqualTo(7 * 172);
        assertThat(a.rtp().latchedSource()).isEqualTo(alice.rtp().address());
        assertThat(a.rtp().lastAcceptedNanos()).hasValue(clock.getAsLong());
        assertThat(b.rtcp().packetsIn()).isEqualTo(2);
        assertThat(b.rtcp().bytesForwarded()).isEqualTo(16);
        assertThat(b.rtp().packetsIn()).isZero();
        assertThat(a.rtcp().packetsIn()).isZero();
        for (StreamStats s : List.of(a.rtp(), a.rtcp(), b.rtp(), b.rtcp())) {
            assertThat(s.droppedTotal()).isZero();
            assertThat(s.socketErrors()).isZero();
        }
    }

    @Test
    void rewriteBeforeObserve_forwardsAndRecordsRewrittenBytes() {
        ConcurrentLinkedQueue<byte[]> recorded = new ConcurrentLinkedQueue<>();
        RelaySession call = callWithSdp(RelayChain.of(
                new RelayStage.Rewrite("mask", (leg, packet, arrival) -> {
                    for (int i = packet.position() + 12; i < packet.limit(); i++) {
                        packet.put(i, (byte) 0xFF); // µ-law silence
                    }
                    return true;
                }),
                new RelayStage.Observe("tap", (leg, packet, arrival) -> recorded.add(copy(packet)))));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 1));

        byte[] received = bob.rtp().receive();
        assertThat(received).hasSize(172).startsWith(Arrays.copyOf(Packets.rtp(1, 1), 12));
        assertThat(Arrays.copyOfRange(received, 12, 172)).containsOnly((byte) 0xFF);
        assertThat(recorded).singleElement().isEqualTo(received);
    }

    @Test
    void rewriterRefusal_dropsAndCounts() {
        RelaySession call = callWithSdp(RelayChain.of(new RelayStage.Rewrite("odd-out",
                (leg, packet, arrival) -> (packet.getShort(packet.position() + 2) & 1) == 0)));

        for (int seq = 1; seq <= 6; seq++) {
            alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, seq));
        }

        assertThat(List.of(bob.rtp().receive(), bob.rtp().receive(), bob.rtp().receive()))
                .extracting(Packets::sequence).containsExactly(2, 4, 6);
        assertThat(call.stats(Leg.A).rtp().dropped(DropReason.STAGE)).isEqualTo(3);
    }

    @Test
    void failingObserver_isCountedAndPacketStillForwarded() {
        RelaySession call = callWithSdp(RelayChain.observing("broken-tap", (leg, packet, arrival) -> {
            throw new IllegalStateException("tap bug");
        }));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 2));

        assertThat(Packets.sequence(bob.rtp().receive())).isEqualTo(1);
        assertThat(Packets.sequence(bob.rtp().receive())).isEqualTo(2);
        assertThat(call.stats(Leg.A).rtp().stageErrors()).isEqualTo(2);
    }

    @Test
    void failingRewriter_failsClosed() {
        RelaySession call = callWithSdp(RelayChain.of(new RelayStage.Rewrite("broken-mask", (leg, packet, arrival) -> {
            if (leg == Leg.A) {
                throw new IllegalStateException("mask bug");
            }
            return true;
        })));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        bob.rtp().send(call.localRtp(Leg.B), Packets.rtp(2, 1));

        assertThat(Packets.ssrc(alice.rtp().receive())).isEqualTo(2);
        Eventually.await("the failed packet dropped", () -> call.stats(Leg.A).rtp().dropped(DropReason.STAGE) == 1);
        assertThat(call.stats(Leg.A).rtp().stageErrors()).isEqualTo(1);
        assertThat(call.stats(Leg.A).rtp().packetsForwarded()).isZero();
    }

    @Test
    void malformedPackets_areDroppedAndCounted() {
        RelaySession call = callWithSdp(RelayChain.none());

        alice.rtp().send(call.localRtp(Leg.A), "hello".getBytes(StandardCharsets.US_ASCII));
        alice.rtp().send(call.localRtp(Leg.A), new byte[20]); // a STUN binding request starts with 0x00
        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 9));

        assertThat(Packets.sequence(bob.rtp().receive())).isEqualTo(9);
        assertThat(call.stats(Leg.A).rtp().dropped(DropReason.MALFORMED)).isEqualTo(2);
    }

    @Test
    void close_releasesPortsAndIsIdempotent() {
        RelaySession call = callWithSdp(RelayChain.none());
        assertThat(relay.portPairsInUse()).isEqualTo(2);

        call.close();
        call.close();

        assertThat(call.isClosed()).isTrue();
        assertThat(relay.portPairsInUse()).isZero();
        assertThat(relay.openSessions()).isZero();
        RelaySession next = relay.openSession("next", RelayChain.none());
        next.setRemote(Leg.B, bob.rtp().address());
        alice.rtp().send(next.localRtp(Leg.A), Packets.rtp(1, 1));
        assertThat(Packets.sequence(bob.rtp().receive())).isEqualTo(1);
    }

    @Test
    void noMediaFor_measuresFromLastRtpOnRelayClock() {
        RelaySession call = callWithSdp(RelayChain.none());
        clock.advance(Duration.ofSeconds(3));
        assertThat(call.noMediaFor()).isEqualTo(Duration.ofSeconds(3));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        bob.rtp().receive();
        clock.advance(Duration.ofSeconds(10));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtcp(1)); // rtcp-mux keeps flowing on hold
        bob.rtp().receive();

        assertThat(call.noMediaFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(call.noMediaFor(Leg.A)).isEqualTo(Duration.ofSeconds(10));
        assertThat(call.noMediaFor(Leg.B)).isEqualTo(Duration.ofSeconds(13));
    }

    @Test
    void openSessionOnRelayThread_isRefused() {
        AtomicReference<RuntimeException> refused = new AtomicReference<>();
        RelaySession call = callWithSdp(RelayChain.observing("nested-open", (leg, packet, arrival) -> {
            try {
                relay.openSession("nested", RelayChain.none());
            } catch (IllegalStateException e) {
                refused.set(e);
            }
        }));

        alice.rtp().send(call.localRtp(Leg.A), Packets.rtp(1, 1));
        bob.rtp().receive();

        assertThat(refused.get()).hasMessageContaining("not a relay event loop");
    }

    @Test
    void poolTooSmallForSecondCall_failsAndKeepsFirstCallsPortsOnly() {
        MediaRelay small = startRelay(firstPort() + 200, firstPort() + 205);
        small.openSession("first", RelayChain.none());

        assertThatThrownBy(() -> small.openSession("second", RelayChain.none()))
                .isInstanceOf(PortPoolExhaustedException.class)
                .hasMessageContaining("3 pairs, 3 in use");
        Eventually.await("the half-open call's ports back", () -> small.portPairsInUse() == 2);
        assertThat(small.openSessions()).isEqualTo(1);
    }

    @Test
    void injectedPacket_runsTheStagesAsFromItsLeg_andReachesTheOtherLeg() {
        List<Leg> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        RelaySession call = callWithSdp(RelayChain.of(new RelayStage.Rewrite("mark", (leg, packet, now) -> {
            seen.add(leg);
            packet.put(packet.position() + 12, (byte) 0x42);
            return true;
        })));
        byte[] made = Packets.rtp(0xCA11, 7);
        call.inject(Leg.B, made);
        byte[] got = alice.rtp().receive();
        assertThat(got).hasSize(made.length);
        assertThat(got[12]).isEqualTo((byte) 0x42);
        assertThat(seen).containsExactly(Leg.B);
    }

    @Test
    void pacingStream_sendsTwentyMillisecondSilencePackets_inSequence_untilClosed() {
        RelaySession call = callWithSdp(RelayChain.none());
        ManualScheduler scheduler = new ManualScheduler();
        var stream = io.callvault.media.announce.PacingStream.start(call, Leg.B, 8, scheduler);
        for (int i = 0; i < 4; i++) {
            assertThat(scheduler.next()).isEqualTo(java.time.Duration.ofMillis(20));
            scheduler.runNext();
        }
        java.util.List<byte[]> got = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            got.add(alice.rtp().receive());
        }
        stream.close();
        assertThat(scheduler.pendingCancelled()).isTrue();
        for (int i = 0; i < 5; i++) {
            byte[] p = got.get(i);
            assertThat(p).hasSize(172);
            assertThat(p[1] & 0x7F).as("PCMA").isEqualTo(8);
            assertThat((p[1] & 0x80) != 0).as("marker on the first only").isEqualTo(i == 0);
            int seq = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
            int firstSeq = ((got.get(0)[2] & 0xFF) << 8) | (got.get(0)[3] & 0xFF);
            assertThat(seq).isEqualTo((firstSeq + i) & 0xFFFF);
            long ts = java.nio.ByteBuffer.wrap(p, 4, 4).getInt() & 0xFFFFFFFFL;
            long firstTs = java.nio.ByteBuffer.wrap(got.get(0), 4, 4).getInt() & 0xFFFFFFFFL;
            assertThat((ts - firstTs) & 0xFFFFFFFFL).isEqualTo(160L * i);
            assertThat(java.util.Arrays.copyOfRange(p, 12, 172)).containsOnly((byte) 0xD5);
        }
    }

    /** Runs scheduled tasks by hand; its nano clock advances to each task's due time. */
    static final class ManualScheduler implements io.callvault.core.time.Scheduler {
        private long nanos;
        private java.time.Duration nextDelay;
        private Runnable nextTask;
        private boolean cancelled;

        @Override
        public Cancellable schedule(java.time.Duration delay, Runnable task) {
            nextDelay = delay;
            nextTask = task;
            cancelled = false;
            return () -> {
                cancelled = true;
                return true;
            };
        }

        java.time.Duration next() {
            return nextDelay;
        }

        void runNext() {
            nanos += nextDelay.toNanos();
            nextTask.run();
        }

        boolean pendingCancelled() {
            return cancelled;
        }

        @Override
        public java.time.InstantSource clock() {
            return java.time.InstantSource.system();
        }

        @Override
        public long nanoTime() {
            return nanos;
        }
    }

    MediaRelay startRelay(int first, int last) {
        MediaRelay started = new MediaRelay(RelayConfig.defaults(UdpPeer.LOOPBACK)
                .withPorts(first, last).withIoThreads(2).withTransport(transport()), clock);
        toClose.add(started);
        assertThat(started.transport()).isEqualTo(transport());
        return started;
    }

    Phone phone() {
        Phone phone = new Phone(new UdpPeer(), new UdpPeer());
        toClose.add(phone.rtp());
        toClose.add(phone.rtcp());
        return phone;
    }

    RelaySession callWithSdp(RelayChain chain) {
        RelaySession call = relay.openSession("call-" + toClose.size(), chain);
        call.setRemote(Leg.A, alice.rtp().address(), alice.rtcp().address());
        call.setRemote(Leg.B, bob.rtp().address(), bob.rtcp().address());
        return call;
    }

    static byte[] copy(ByteBuffer packet) {
        byte[] bytes = new byte[packet.remaining()];
        packet.duplicate().get(bytes);
        return bytes;
    }
}
