package io.callvault.server.calls;

import static org.assertj.core.api.Assertions.assertThat;

import io.callvault.api.calls.CallControl.Outcome;
import io.callvault.api.calls.CallControl.Result;
import io.callvault.api.calls.LiveCallView;
import io.callvault.server.sip.LiveCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adapter over fake live-call handles: lookups, views, and each refusal told apart. */
class LiveCallControlTest {
    static final Instant ANSWERED = Instant.parse("2026-11-30T09:00:00Z");

    /** A handle that behaves as the media session's does: pause only when recording and not paused. */
    static final class FakeHandle implements LiveCalls.Handle {
        final String label;
        final String sipCallId;
        boolean recording;
        boolean paused;
        final List<String> calls = new ArrayList<>();

        FakeHandle(String label, String sipCallId, boolean recording) {
            this.label = label;
            this.sipCallId = sipCallId;
            this.recording = recording;
        }

        @Override
        public String label() {
            return label;
        }

        @Override
        public String sipCallId() {
            return sipCallId;
        }

        @Override
        public String caller() {
            return "+14155550101";
        }

        @Override
        public String callee() {
            return "201";
        }

        @Override
        public String agent() {
            return "201";
        }

        @Override
        public Instant answeredAt() {
            return ANSWERED;
        }

        @Override
        public boolean paused() {
            return recording && paused;
        }

        @Override
        public boolean recording() {
            return recording;
        }

        @Override
        public boolean pause(String trigger, String reason, String by) {
            calls.add("pause " + trigger + " " + reason + " " + by);
            if (!recording || paused) {
                return false;
            }
            paused = true;
            return true;
        }

        @Override
        public boolean resume(String by) {
            calls.add("resume " + by);
            if (!recording || !paused) {
                return false;
            }
            paused = false;
            return true;
        }
    }

    final FakeHandle recorded = new FakeHandle("call-1", "a84b4c76e66710@pc33.example.com", true);
    final FakeHandle unrecorded = new FakeHandle("call-2", "77f0e1@pbx.example", false);
    final LiveCallControl control = new LiveCallControl(this::find, () -> List.of(recorded, unrecorded));

    private Optional<LiveCalls.Handle> find(String ref) {
        return List.<LiveCalls.Handle>of(recorded, unrecorded).stream()
                .filter(h -> h.label().equals(ref) || h.sipCallId().equals(ref)).findFirst();
    }

    @Test
    void liveAndFind_showEachHandleAsAView() {
        assertThat(control.live()).containsExactly(
                new LiveCallView("call-1", recorded.sipCallId, "+14155550101", "201", "201", ANSWERED, true, false),
                new LiveCallView("call-2", unrecorded.sipCallId, "+14155550101", "201", "201", ANSWERED, false, false));
        assertThat(control.find("a84b4c76e66710@pc33.example.com")).map(LiveCallView::label).contains("call-1");
        assertThat(control.find("call-2")).map(LiveCallView::recording).contains(false);
        assertThat(control.find("call-9")).isEmpty();
    }

    @Test
    void pauseThenResume_passesTriggerReasonAndActor_andReturnsTheNewState() {
        Result paused = control.pause("call-1", "api", "payment", "alice");
        Result resumed = control.resume("call-1", "alice");

        assertThat(paused.outcome()).isEqualTo(Outcome.DONE);
        assertThat(paused.call().paused()).isTrue();
        assertThat(resumed.outcome()).isEqualTo(Outcome.DONE);
        assertThat(resumed.call().paused()).isFalse();
        assertThat(recorded.calls).containsExactly("pause api payment alice", "resume alice");
    }

    @Test
    void pausePausedCall_isAlreadyPaused_andResumeUnpausedCall_isNotPaused() {
        control.pause("call-1", "api", "payment", "alice");

        assertThat(control.pause("call-1", "api", "payment", "sam").outcome()).isEqualTo(Outcome.ALREADY_PAUSED);
        control.resume("call-1", "alice");
        assertThat(control.resume("call-1", "alice").outcome()).isEqualTo(Outcome.NOT_PAUSED);
    }

    @Test
    void pauseOrResumeUnrecordedCall_isNotRecording() {
        assertThat(control.pause("call-2", "api", "payment", "bob").outcome()).isEqualTo(Outcome.NOT_RECORDING);
        assertThat(control.resume("call-2", "bob").outcome()).isEqualTo(Outcome.NOT_RECORDING);
    }

    @Test
    void pauseOrResumeUnknownCall_isNotLive_withoutAView() {
        Result pause = control.pause("call-9", "api", "payment", "alice");

        assertThat(pause.outcome()).isEqualTo(Outcome.NOT_LIVE);
        assertThat(pause.call()).isNull();
        assertThat(control.resume("nobody@example", "alice").outcome()).isEqualTo(Outcome.NOT_LIVE);
    }
}
