package io.callvault.media.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Forwarding cost of the relay against the same packets sent socket-to-socket, in one JVM on 127.0.0.1:
 * 200 calls, each phone sending 50 packets/s (20 ms PCMU, 172 bytes) both ways, for 10 s after a 3 s
 * warm-up. Latency is one-way, send {@code nanoTime} (written into the payload) to receive {@code nanoTime};
 * "added" is relay minus direct. CPU is the relay's event-loop threads (per forwarded packet) and the whole
 * process (per delivered packet, which includes the load generator). Prints a Markdown table.
 *
 * <p>Not a test (tag {@code benchmark}, excluded from the normal run); speed is reported, never asserted:
 * <pre>
 * ./mvnw -q -pl media test -Dcallvault.test.excludedGroups=none -Dgroups=benchmark \
 *     -Dtest=RelayBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dcallvault.test.redirectOutput=false
 * </pre>
 * Add {@code -Drelay.bench.transport=NIO} (or EPOLL) and {@code -Drelay.bench.ioThreads=N} to compare; add
 * {@code -DargLine="--enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"} to measure
 * with Netty's Unsafe and cleaner paths, which JDK 25 denies by default (the production launcher should
 * pass the same flags).
 */
@Tag("benchmark")
class RelayBenchmark {
    private static final int CALLS = 200;
    private static final int PPS = 50;
    private static final int SLOTS_PER_TICK = 20;
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    private static final Duration RUN = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(1);
    private static final String RELAY_THREADS = "callvault-media-relay";

    /** One measured run. */
    record Result(long sent, long received, long[] latencies, long relayCpuNanos, long relayAllocatedBytes,
            long processCpuNanos) {
        long percentile(double p) {
            return latencies.length == 0 ? 0 : latencies[(int) Math.min(latencies.length - 1, p * latencies.length)];
        }
    }

    @Test
    void relayVersusDirect_printsLatencyAndCpuTable() throws Exception {
        List<DatagramChannel> phones = new ArrayList<>();
        RelayConfig config = RelayConfig.defaults(UdpPeer.LOOPBACK).withPorts(28000, 28999)
                .withTransport(RelayTransport.valueOf(System.getProperty("relay.bench.transport", "AUTO")))
                .withIoThreads(Integer.getInteger("relay.bench.ioThreads", 0));
        try (MediaRelay relay = new MediaRelay(config)) {
            InetSocketAddress[] direct = new InetSocketAddress[2 * CALLS];
            InetSocketAddress[] relayed = new InetSocketAddress[2 * CALLS];
            for (int i = 0; i < 2 * CALLS; i++) {
                DatagramChannel phone = DatagramChannel.open().bind(new InetSocketAddress(UdpPeer.LOOPBACK, 0));
                phone.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
                phone.configureBlocking(false);
                phones.add(phone);
            }
            for (int call = 0; call < CALLS; call++) {
                InetSocketAddress alice = (InetSocketAddress) phones.get(2 * call).getLocalAddress();
                InetSocketAddress bob = (InetSocketAddress) phones.get(2 * call + 1).getLocalAddress();
                RelaySession session = relay.openSession("bench-" + call, RelayChain.none());
                session.setRemote(Leg.A, alice);
                session.setRemote(Leg.B, bob);
                direct[2 * call] = bob;
                direct[2 * call + 1] = alice;
                relayed[2 * call] = session.localRtp(Leg.A);
                relayed[2 * call + 1] = session.localRtp(Leg.B);
            }

            run(phones, relayed, WARM_UP);
            Result baseline = run(phones, direct, RUN);
            Result through = run(phones, relayed, RUN);

            System.out.println(table(relay.transport(), config.effectiveIoThreads(), baseline, through));
            assertThat(through.received()).isPositive();
        } finally {
            for (DatagramChannel phone : phones) {
                phone.close();
            }
        }
    }

    /** Sends from every phone at {@link #PPS} to its target while one selector thread receives everything. */
    private static Result run(List<DatagramChannel> phones, InetSocketAddress[] targets, Duration duration)
            throws Exception {
        long expected = (long) phones.size() * PPS * duration.toSeconds();
        Receiver receiver = new Receiver(phones, (int) (expected + expected / 10));
        Thread receiving = Thread.ofPlatform().name("bench-receiver").start(receiver);
        long relayCpu = relayThreadCpu();
        long relayAllocated = relayThreadAllocated();
        long processCpu = processCpu();

        long sent = send(phones, targets, duration);
        long drainUntil = System.nanoTime() + DRAIN.toNanos();
        while (receiver.count < sent && System.nanoTime() < drainUntil) {
            LockSupport.parkNanos(1_000_000);
        }
        receiver.stop = true;
        receiving.join();

        long[] latencies = Arrays.copyOf(receiver.latencies, receiver.count);
        Arrays.sort(latencies);
        return new Result(sent, receiver.count, latencies, relayThreadCpu() - relayCpu,
                relayThreadAllocated() - relayAllocated, processCpu() - processCpu);
    }

    /**
     * One tick every 20 ms, spread over {@link #SLOTS_PER_TICK} slots so the phones are not all in phase.
     * Bytes 12-19 of each packet carry the send time.
     */
    private static long send(List<DatagramChannel> phones, InetSocketAddress[] targets, Duration duration)
            throws IOException {
        ByteBuffer packet = ByteBuffer.allocateDirect(172);
        long tickNanos = 1_000_000_000L / PPS;
        long slotNanos = tickNanos / SLOTS_PER_TICK;
        int perSlot = (phones.size() + SLOTS_PER_TICK - 1) / SLOTS_PER_TICK;
        long start = System.nanoTime();
        long ticks = duration.toNanos() / tickNanos;
        long sent = 0;
        for (long tick = 0; tick < ticks; tick++) {
            for (int slot = 0; slot < SLOTS_PER_TICK; slot++) {
                long due = start + tick * tickNanos + slot * slotNanos;
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                for (int i = slot * perSlot; i < Math.min(phones.size(), (slot + 1) * perSlot); i++) {
                    packet.clear();
                    packet.put(0, (byte) 0x80).put(1, (byte) 0).putShort(2, (short) tick).putInt(8, i);
                    packet.putLong(12, System.nanoTime());
                    sent += phones.get(i).send(packet, targets[i]) > 0 ? 1 : 0;
                }
            }
        }
        return sent;
    }

    /** Drains every phone socket on one thread and records send-to-receive nanoseconds. */
    private static final class Receiver implements Runnable {
        private final List<DatagramChannel> phones;
        final long[] latencies;
        volatile int count;
        volatile boolean stop;

        Receiver(List<DatagramChannel> phones, int capacity) {
            this.phones = phones;
            this.latencies = new long[capacity];
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            try (Selector selector = Selector.open()) {
                List<SelectionKey> keys = new ArrayList<>();
                for (DatagramChannel phone : phones) {
                    keys.add(phone.register(selector, SelectionKey.OP_READ));
                }
                int received = 0;
                while (!stop) {
                    selector.select(10);
                    for (SelectionKey key : selector.selectedKeys()) {
                        DatagramChannel phone = (DatagramChannel) key.channel();
                        buffer.clear();
                        while (phone.receive(buffer) != null) {
                            long now = System.nanoTime();
                            if (buffer.position() >= 20 && received < latencies.length) {
                                latencies[received++] = now - buffer.getLong(12);
                            }
                            buffer.clear();
                        }
                    }
                    selector.selectedKeys().clear();
                    count = received;
                }
                keys.forEach(SelectionKey::cancel);
                selector.selectNow();
            } catch (IOException e) {
                throw new IllegalStateException("benchmark receiver failed", e);
            }
        }
    }

    private static String table(RelayTransport transport, int ioThreads, Result direct, Result relay) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n%d calls x 2 directions x %d pps, %d s, %s with %d event loop(s), %d cores%n%n",
                CALLS, PPS, RUN.toSeconds(), transport, ioThreads, Runtime.getRuntime().availableProcessors()));
        t.append("| measure | direct | relay | added |\n|---|---|---|---|\n");
        row(t, "packets sent", direct.sent(), relay.sent(), "%d");
        row(t, "packets lost", direct.sent() - direct.received(), relay.sent() - relay.received(), "%d");
        String[] names = {"p50", "p90", "p99", "p99.9"};
        double[] ranks = {0.5, 0.9, 0.99, 0.999};
        for (int i = 0; i < ranks.length; i++) {
            row(t, "one-way latency " + names[i] + ", µs", direct.percentile(ranks[i]) / 1000.0,
                    relay.percentile(ranks[i]) / 1000.0, "%.1f");
        }
        row(t, "process CPU per delivered packet, µs", perPacketMicros(direct.processCpuNanos(), direct.received()),
                perPacketMicros(relay.processCpuNanos(), relay.received()), "%.2f");
        t.append(String.format(Locale.ROOT, "| relay event-loop CPU per forwarded packet, µs | | %.2f | |%n",
                perPacketMicros(relay.relayCpuNanos(), relay.received())));
        t.append(String.format(Locale.ROOT, "| relay event-loop allocation per forwarded packet, bytes | | %.0f | |%n",
                relay.received() == 0 ? 0.0 : (double) relay.relayAllocatedBytes() / relay.received()));
        t.append(String.format(Locale.ROOT, "| relay event-loop CPU, share of one core | | %.1f %% | |%n",
                100.0 * relay.relayCpuNanos() / RUN.toNanos()));
        return t.toString();
    }

    private static void row(StringBuilder t, String name, double direct, double relay, String format) {
        String cell = "| %s | " + format + " | " + format + " | " + format + " |%n";
        if (format.equals("%d")) {
            t.append(String.format(Locale.ROOT, cell, name, (long) direct, (long) relay, (long) (relay - direct)));
        } else {
            t.append(String.format(Locale.ROOT, cell, name, direct, relay, relay - direct));
        }
    }

    private static double perPacketMicros(long cpuNanos, long packets) {
        return packets == 0 ? 0 : cpuNanos / 1000.0 / packets;
    }

    private static long relayThreadCpu() {
        var threads = ManagementFactory.getThreadMXBean();
        return relayThreadIds().stream().mapToLong(threads::getThreadCpuTime).filter(n -> n > 0).sum();
    }

    private static long relayThreadAllocated() {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return relayThreadIds().stream().mapToLong(threads::getThreadAllocatedBytes).filter(n -> n > 0).sum();
    }

    private static List<Long> relayThreadIds() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(RELAY_THREADS))
                .map(Thread::threadId)
                .toList();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
