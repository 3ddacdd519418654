package io.callvault.core;

import java.util.Objects;
import java.util.UUID;

/** Identifies one recording for its whole life, including after deletion (the tombstone keeps it). */
public record RecordingId(UUID value) implements Comparable<RecordingId> {
    public RecordingId {
        Objects.requireNonNull(value, "value");
    }

    public static RecordingId random() {
        return new RecordingId(UUID.randomUUID());
    }

    /** @throws IllegalArgumentException naming the bad text when it is not a UUID */
    public static RecordingId parse(String text) {
        try {
            return new RecordingId(UUID.fromString(text.trim()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a recording id (expected a UUID such as "
                    + "3f2c9a1e-8d4b-4c1a-9e2f-0b7d6c5a4e31): '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }

    /** By the text form, the order SQL sorts ids in. */
    @Override
    public int compareTo(RecordingId other) {
        return toString().compareTo(other.toString());
    }
}
