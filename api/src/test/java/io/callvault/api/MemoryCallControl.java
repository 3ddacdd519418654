package io.callvault.api;

import io.callvault.api.calls.CallControl;
import io.callvault.api.calls.LiveCallView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link CallControl} in memory for the API's tests, standing in for the server's registry of live calls:
 * calls are added by the test, and every pause and resume that changed something is kept as a line
 * ({@code pause call-1 api payment alice}) for assertions. Thread-safe.
 */
final class MemoryCallControl implements CallControl {
    private final Map<String, LiveCallView> byLabel = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();

    /** Adds a live call, answered at {@link ApiFixture#START}, not paused. */
    synchronized LiveCallView add(String label, String sipCallId, String caller, String callee, String agent,
                                  boolean recording) {
        LiveCallView call = new LiveCallView(label, sipCallId, caller, callee, agent, ApiFixture.START, recording,
                false);
        byLabel.put(label, call);
        return call;
    }

    /** The pauses and resumes made, in order: "pause label trigger reason by" or "resume label by". */
    synchronized List<String> changes() {
        return List.copyOf(changes);
    }

    @Override
    public synchronized List<LiveCallView> live() {
        return List.copyOf(byLabel.values());
    }

    @Override
    public synchronized Optional<LiveCallView> find(String ref) {
        return byLabel.values().stream().filter(c -> c.label().equals(ref) || c.sipCallId().equals(ref)).findFirst();
    }

    @Override
    public synchronized Result pause(String ref, String trigger, String reason, String by) {
        Optional<LiveCallView> call = find(ref);
        if (call.isEmpty()) {
            return Result.notLive();
        }
        LiveCallView c = call.get();
        if (!c.recording()) {
            return new Result(Outcome.NOT_RECORDING, c);
        }
        if (c.paused()) {
            return new Result(Outcome.ALREADY_PAUSED, c);
        }
        changes.add("pause " + c.label() + " " + trigger + " " + reason + " " + by);
        return new Result(Outcome.DONE, replace(c, true));
    }

    @Override
    public synchronized Result resume(String ref, String by) {
        Optional<LiveCallView> call = find(ref);
        if (call.isEmpty()) {
            return Result.notLive();
        }
        LiveCallView c = call.get();
        if (!c.recording()) {
            return new Result(Outcome.NOT_RECORDING, c);
        }
        if (!c.paused()) {
            return new Result(Outcome.NOT_PAUSED, c);
        }
        changes.add("resume " + c.label() + " " + by);
        return new Result(Outcome.DONE, replace(c, false));
    }

    private LiveCallView replace(LiveCallView c, boolean paused) {
        LiveCallView now = new LiveCallView(c.label(), c.sipCallId(), c.caller(), c.callee(), c.agent(),
                c.answeredAt(), c.recording(), paused);
        byLabel.put(c.label(), now);
        return now;
    }
}
