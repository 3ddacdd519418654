package io.callvault.media.announce;

import static io.callvault.media.announce.Harness.copy;
import static io.callvault.media.announce.Harness.decode;
import static io.callvault.media.announce.Harness.payload;
import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.media.codec.G711;
import io.callvault.media.record.PayloadKind;
import io.callvault.media.record.PayloadMap;
import io.callvault.media.relay.Leg;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each leg hears while the prompt plays and after, and how playback ends. */
class AnnouncementPlaybackTest {
    private final Harness h = new Harness();
    private final Prompt prompt = Harness.tone(1000);

    /** Sends {@code samples}-sample packets from A (toward B) until B has the whole prompt; returns B's audio. */
    private short[] playToB(Announcement a, G711 codec, int samples) {
        int packets = (prompt.sampleCount() + samples - 1) / samples;
        short[] heard = new short[packets * samples];
        for (int p = 0; p < packets; p++) {
            assertThat(h.heard).as("no end before packet %d", p).isEmpty();
            ByteBuffer packet = h.audio(Leg.A, codec.payloadType(), samples);
            assertThat(h.send(a, Leg.A, packet)).isTrue();
            System.arraycopy(decode(codec, payload(packet)), 0, heard, p * samples, samples);
            h.advance(Duration.ofNanos(samples * 125_000L));
        }
        return heard;
    }

    @ParameterizedTest(name = "{0} {1}-sample packets")
    @CsvSource({"ULAW, 160", "ULAW, 240", "ALAW, 160", "ALAW, 240"})
    void promptPackets_reachTheAnnouncedLegInOrderWithinQuantisationError(G711 codec, int samples) {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());
        a.start();

        short[] heard = playToB(a, codec, samples);

        for (int i = 0; i < prompt.sampleCount(); i++) {
            int x = prompt.sample(i);
            assertThat(heard[i]).as("sample %d", i).isEqualTo(codec.decode(codec.encode(x)));
            assertThat(Math.abs(heard[i] - x)).as("error of sample %d", i).isLessThanOrEqualTo(Math.abs(x) / 16 + 64);
        }
        for (int i = prompt.sampleCount(); i < heard.length; i++) {
            assertThat(heard[i]).as("silence after the prompt, sample %d (A-law has no zero: ±8)", i)
                    .isEqualTo(codec.decode(codec.encode(0)));
        }
        assertThat(h.heard("completed")).hasSize(1);
        assertThat(a.stats().replaced()).isEqualTo(heard.length / samples);
    }

    @Test
    void nonAnnouncedLeg_hearsSilenceDuringPlaybackAndTheRealAudioAfter() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());
        a.start();

        ByteBuffer during = h.audio(Leg.B, 8, 160);
        assertThat(h.send(a, Leg.B, during)).isTrue();
        assertThat(payload(during)).containsOnly(G711.ALAW.encode(0));
        assertThat(decode(G711.ALAW, payload(during))).as("A-law silence").containsOnly((short) 8);
        ByteBuffer pcmu = h.audio(Leg.B, 0, 160);
        h.send(a, Leg.B, pcmu);
        assertThat(payload(pcmu)).containsOnly((byte) 0xFF);

        playToB(a, G711.ULAW, 160);
        ByteBuffer after = h.audio(Leg.B, 8, 160);
        byte[] sent = copy(after);
        assertThat(h.send(a, Leg.B, after)).isTrue();
        assertThat(copy(after)).isEqualTo(sent);
        assertThat(a.stats().silenced()).isEqualTo(2);
    }

    @Test
    void lastSample_completesExactlyOnce_thenPacketsPassUnchanged() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());
        a.start();
        h.advance(Duration.ofMillis(40));

        playToB(a, G711.ULAW, 160);

        assertThat(h.heard).hasSize(1);
        AnnouncementEvidence e = h.heard.getFirst().evidence();
        assertThat(h.heard.getFirst().kind()).isEqualTo("completed");
        assertThat(e.completed()).isTrue();
        assertThat(e.promptId()).isEqualTo(prompt.id());
        assertThat(e.promptSha256()).isEqualTo(prompt.sha256());
        assertThat(e.legs()).containsExactly(Leg.B);
        assertThat(e.samplesPlayed()).containsExactly(Map.entry(Leg.B, 1000));
        assertThat(e.startedAt()).isEqualTo(Harness.T0);
        assertThat(e.endedAt()).as("the packet with the last sample, the 7th after 40 ms")
                .isEqualTo(Harness.T0.plusMillis(40 + 6 * 20));
        assertThat(e.optedOut()).isFalse();
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);

        for (Leg from : Leg.values()) {
            for (ByteBuffer packet : new ByteBuffer[] {h.audio(from, 0, 160), h.event(from, 5, false, 0, 0),
                    h.audio(from, 13, 1)}) {
                byte[] sent = copy(packet);
                assertThat(h.send(a, from, packet)).isTrue();
                assertThat(copy(packet)).isEqualTo(sent);
            }
        }
        assertThat(h.heard).hasSize(1);
    }

    @Test
    void cancelMidway_reportsInterruptedWithTheSamplesPlayed() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());
        a.start();
        for (int i = 0; i < 3; i++) {
            h.send(a, Leg.A, h.audio(Leg.A, 0, 160));
            h.advance(Duration.ofMillis(20));
        }

        a.cancel();
        a.cancel();
        a.start();

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("interrupted");
        AnnouncementEvidence e = h.heard.getFirst().evidence();
        assertThat(e.completed()).isFalse();
        assertThat(e.samplesPlayed()).containsExactly(Map.entry(Leg.B, 480));
        assertThat(e.played(Leg.B)).isEqualTo(Duration.ofMillis(60));
        assertThat(e.endedAt()).isEqualTo(Harness.T0.plusMillis(60));
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
        ByteBuffer after = h.audio(Leg.A, 0, 160);
        byte[] sent = copy(after);
        assertThat(h.send(a, Leg.A, after)).isTrue();
        assertThat(copy(after)).isEqualTo(sent);
    }

    @Test
    void cancelBeforeStart_reportsNothing() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());

        a.cancel();
        a.start();

        assertThat(h.heard).isEmpty();
        assertThat(a.evidence()).isEmpty();
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
    }

    @Test
    void beforeStart_packetsPassUnchanged() {
        Announcement a = h.announcement(prompt, Set.of(Leg.A, Leg.B), Optional.empty());

        for (ByteBuffer packet : new ByteBuffer[] {h.audio(Leg.A, 0, 160), h.event(Leg.A, 9, false, 0, 0)}) {
            byte[] sent = copy(packet);
            assertThat(h.send(a, Leg.A, packet)).isTrue();
            assertThat(copy(packet)).isEqualTo(sent);
        }
        assertThat(a.phase()).isEqualTo(Announcement.Phase.READY);
        assertThat(a.stats()).isEqualTo(new AnnouncementStats(0, 0, 0));
    }

    @Test
    void nonAudioTowardAnnouncedLeg_droppedDuringPlayback() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.of(new OptOut('9', Duration.ofSeconds(3))));
        a.start();

        assertThat(h.send(a, Leg.A, h.event(Leg.A, 9, false, 0, 0))).as("telephone-event").isFalse();
        assertThat(h.send(a, Leg.A, h.audio(Leg.A, 13, 1))).as("comfort noise").isFalse();
        assertThat(h.send(a, Leg.A, h.audio(Leg.A, 96, 160))).as("unnegotiated type").isFalse();
        assertThat(h.send(a, Leg.A, ByteBuffer.wrap(new byte[] {1, 2, 3}))).as("not RTP").isFalse();
        assertThat(h.send(a, Leg.B, h.audio(Leg.B, 13, 1))).as("comfort noise toward A").isFalse();

        assertThat(a.stats()).isEqualTo(new AnnouncementStats(0, 0, 5));
        assertThat(h.heard).isEmpty();
        assertThat(a.phase()).isEqualTo(Announcement.Phase.PLAYING);
    }

    @Test
    void bothLegsAnnounced_eachHearsTheWholePrompt_completesWhenTheSlowerHasIt() {
        Announcement a = h.announcement(prompt, Set.of(Leg.A, Leg.B), Optional.empty());
        a.start();
        short[] toA = new short[1200];
        for (int p = 0; p < 5; p++) { // B sends 30 ms packets: 1200 samples toward A
            ByteBuffer packet = h.audio(Leg.B, 8, 240);
            h.send(a, Leg.B, packet);
            System.arraycopy(decode(G711.ALAW, payload(packet)), 0, toA, p * 240, 240);
        }
        assertThat(h.heard).as("B has heard nothing yet").isEmpty();
        ByteBuffer laterToA = h.audio(Leg.B, 8, 240);
        h.send(a, Leg.B, laterToA);
        assertThat(payload(laterToA)).as("A has heard it all; silence until B has too").containsOnly(G711.ALAW.encode(0));

        for (int p = 0; p < 6; p++) {
            h.send(a, Leg.A, h.audio(Leg.A, 0, 160));
        }
        assertThat(h.heard).isEmpty();
        h.send(a, Leg.A, h.audio(Leg.A, 0, 160));

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
        assertThat(h.heard.getFirst().evidence().samplesPlayed()).containsOnly(Map.entry(Leg.A, 1000),
                Map.entry(Leg.B, 1000));
        for (int i = 0; i < 1000; i++) {
            assertThat(toA[i]).as("sample %d toward A", i).isEqualTo(G711.ALAW.decode(G711.ALAW.encode(prompt.sample(i))));
        }
    }

    @Test
    void dynamicPayloadTypeAfterReInvite_isPlayedAsTheMapSays() {
        Announcement a = h.announcement(prompt, Set.of(Leg.B), Optional.empty());
        a.updatePayloadMap(Leg.A, new PayloadMap(Map.of(96, PayloadKind.PCMA)));
        a.start();

        ByteBuffer packet = h.audio(Leg.A, 96, 160);
        assertThat(h.send(a, Leg.A, packet)).isTrue();
        assertThat(h.send(a, Leg.A, h.audio(Leg.A, 0, 160))).as("PCMU is no longer negotiated").isFalse();

        assertThat(decode(G711.ALAW, payload(packet))[100])
                .isEqualTo(G711.ALAW.decode(G711.ALAW.encode(prompt.sample(100))));
    }

    @Test
    void alreadyComplete_startReportsCompletedAndEveryPacketPasses() {
        Announcement a = Announcement.alreadyComplete(h.time, h);
        ByteBuffer packet = h.audio(Leg.A, 0, 160);
        byte[] sent = copy(packet);

        a.start();

        assertThat(h.heard).extracting(Harness.Heard::kind).containsExactly("completed");
        AnnouncementEvidence e = h.heard.getFirst().evidence();
        assertThat(e.legs()).isEmpty();
        assertThat(e.promptId()).isEqualTo("none");
        assertThat(e.completed()).isTrue();
        assertThat(e.endedAt()).isEqualTo(e.startedAt());
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
        assertThat(h.send(a, Leg.A, packet)).isTrue();
        assertThat(copy(packet)).isEqualTo(sent);
        assertThat(a.stage().name()).isEqualTo("announcement");
    }

    @Test
    void listenerThatThrows_doesNotReachTheRelay() {
        Announcement a = new Announcement(Prompt.fromPcm("short", new short[100]), Set.of(Leg.B), Optional.empty(),
                Map.of(Leg.A, PayloadMap.STATIC, Leg.B, PayloadMap.STATIC), h.time, new AnnouncementListener() {
                    @Override
                    public void completed(AnnouncementEvidence evidence) {
                        throw new IllegalStateException("listener bug");
                    }

                    @Override
                    public void interrupted(AnnouncementEvidence evidence) {
                    }

                    @Override
                    public void optedOut(Leg leg, AnnouncementEvidence evidence) {
                    }
                });
        a.start();

        assertThat(h.send(a, Leg.A, h.audio(Leg.A, 0, 160))).isTrue();
        assertThat(a.phase()).isEqualTo(Announcement.Phase.FINISHED);
    }
}
