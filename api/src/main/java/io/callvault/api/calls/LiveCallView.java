package io.callvault.api.calls;

import java.time.Instant;
import java.util.Objects;

/**
 * One live call as the API shows it.
 *
 * @param label      callvault's call label ({@code call-…}), what its recording is filed under
 * @param sipCallId  the caller's SIP Call-ID, what a payment application or CRM on the phone system sees
 * @param caller     the caller's extension or E.164 number
 * @param callee     the callee's extension or E.164 number
 * @param agent      the business's side: the extension or number of the agent
 * @param answeredAt when the call was answered
 * @param recording  whether the call is recorded (paused or not)
 * @param paused     whether its recording is paused now; never true when not recording
 */
public record LiveCallView(String label, String sipCallId, String caller, String callee, String agent,
                           Instant answeredAt, boolean recording, boolean paused) {
    public LiveCallView {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(sipCallId, "sipCallId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(answeredAt, "answeredAt");
        if (paused && !recording) {
            throw new IllegalArgumentException("call " + label + " cannot be paused without being recorded");
        }
    }
}
