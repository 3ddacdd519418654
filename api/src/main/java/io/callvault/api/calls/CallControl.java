package io.callvault.api.calls;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls going on now whose recording can be paused and resumed (card payments: PCI DSS keeps card
 * numbers out of recordings), as the API controls them. Implemented by the server over its registry of live
 * calls; the API decides who may act on which call, the implementation only acts.
 *
 * <p>A call is referred to by {@code ref}: callvault's call label ({@code call-…}) or the caller's SIP
 * Call-ID, exactly as given (no decoding, case-sensitive). A call is live from the moment it is answered
 * until it ends. Implementations are thread-safe; a pause or resume is in effect for the audio that arrives
 * after the method returns.
 */
public interface CallControl {

    /** The live calls, the earliest answered first; a snapshot. */
    List<LiveCallView> live();

    /** The live call {@code ref} names, or empty when no live call has that label or Call-ID. */
    Optional<LiveCallView> find(String ref);

    /**
     * Pauses the recording of the call from now on. Pausing a paused call changes nothing (ALREADY_PAUSED).
     *
     * @param trigger what asked for it, e.g. {@code api}; kept with the pause in the recording's evidence
     * @param reason  why, e.g. {@code payment}; kept likewise
     * @param by      who asked: a username, or the trigger's own name
     * @return DONE, NOT_LIVE, NOT_RECORDING or ALREADY_PAUSED, with the call as it is afterwards
     */
    Result pause(String ref, String trigger, String reason, String by);

    /**
     * Resumes the paused recording of the call. Resuming a call that is not paused changes nothing.
     *
     * @param by who asked
     * @return DONE, NOT_LIVE, NOT_RECORDING or NOT_PAUSED, with the call as it is afterwards
     */
    Result resume(String ref, String by);

    /** What a pause or resume did. */
    enum Outcome {
        /** The recording is now paused (resumed). */
        DONE,
        /** No live call has that label or Call-ID (it never existed, or has ended). */
        NOT_LIVE,
        /** The call is live but not recorded, so there is nothing to pause or resume. */
        NOT_RECORDING,
        /** Pause of a call whose recording is paused already. */
        ALREADY_PAUSED,
        /** Resume of a call whose recording is not paused. */
        NOT_PAUSED
    }

    /**
     * @param call the call after the attempt; null exactly when the outcome is {@link Outcome#NOT_LIVE}
     */
    record Result(Outcome outcome, LiveCallView call) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            if ((call == null) != (outcome == Outcome.NOT_LIVE)) {
                throw new IllegalArgumentException("a result names its call unless the call is not live, not "
                        + outcome + " with " + call);
            }
        }

        public static Result notLive() {
            return new Result(Outcome.NOT_LIVE, null);
        }
    }
}
