package io.callvault.server.calls;

import io.callvault.api.calls.CallControl;
import io.callvault.api.calls.LiveCallView;
import io.callvault.server.sip.LiveCalls;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The API's {@link CallControl} over the SIP server's {@link LiveCalls}: each call's controls are its
 * media session's pause gate. Stateless and thread-safe; whatever concurrency a call's handle allows holds
 * here too.
 *
 * <p>A handle answers a refused pause or resume with a bare {@code false}; the reason is read back from the
 * handle just after (not recorded, else already paused, or not paused). A call that ends in between is
 * reported as its last state, which the caller cannot tell from a refusal just before the end anyway.
 */
public final class LiveCallControl implements CallControl {
    private final Function<String, Optional<LiveCalls.Handle>> find;
    private final Supplier<List<LiveCalls.Handle>> all;

    public LiveCallControl(LiveCalls calls) {
        this(Objects.requireNonNull(calls, "calls")::find, calls::all);
    }

    /** Over any registry: {@code find} as {@link LiveCalls#find}, {@code all} as {@link LiveCalls#all}. */
    LiveCallControl(Function<String, Optional<LiveCalls.Handle>> find, Supplier<List<LiveCalls.Handle>> all) {
        this.find = Objects.requireNonNull(find, "find");
        this.all = Objects.requireNonNull(all, "all");
    }

    @Override
    public List<LiveCallView> live() {
        return all.get().stream().map(LiveCallControl::view).toList();
    }

    @Override
    public Optional<LiveCallView> find(String ref) {
        return find.apply(ref).map(LiveCallControl::view);
    }

    @Override
    public Result pause(String ref, String trigger, String reason, String by) {
        Optional<LiveCalls.Handle> found = find.apply(ref);
        if (found.isEmpty()) {
            return Result.notLive();
        }
        LiveCalls.Handle call = found.get();
        if (call.pause(trigger, reason, by)) {
            return new Result(Outcome.DONE, view(call));
        }
        LiveCallView now = view(call);
        return new Result(now.recording() ? Outcome.ALREADY_PAUSED : Outcome.NOT_RECORDING, now);
    }

    @Override
    public Result resume(String ref, String by) {
        Optional<LiveCalls.Handle> found = find.apply(ref);
        if (found.isEmpty()) {
            return Result.notLive();
        }
        LiveCalls.Handle call = found.get();
        if (call.resume(by)) {
            return new Result(Outcome.DONE, view(call));
        }
        LiveCallView now = view(call);
        return new Result(now.recording() ? Outcome.NOT_PAUSED : Outcome.NOT_RECORDING, now);
    }

    /** Paused is read before recording, so a view never shows a pause without a recording. */
    private static LiveCallView view(LiveCalls.Handle call) {
        boolean paused = call.paused();
        boolean recording = paused || call.recording();
        return new LiveCallView(call.label(), call.sipCallId(), call.caller(), call.callee(), call.agent(),
                call.answeredAt(), recording, paused);
    }
}
