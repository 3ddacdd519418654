package io.callvault.vault;

import io.callvault.core.AudioFormat;
import io.callvault.core.Direction;
import io.callvault.vault.spi.Party;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** What is known about a recording when it starts; see RecordingRow for the field meanings. */
public record NewRecording(String callId, Party caller, Party callee, Direction direction, String agent,
                           Instant startedAt, AudioFormat format, Map<String, String> tags) {
    public NewRecording {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(callee, "callee");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(format, "format");
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        for (var t : tags.entrySet()) {
            Tags.check(t.getKey(), t.getValue());
        }
    }
}
