package io.callvault.server.cli;

import io.callvault.core.Direction;
import io.callvault.core.PhoneNumber;
import io.callvault.core.RecordingId;
import io.callvault.server.Main.UsageException;
import io.callvault.vault.Tags;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Parsing of command-line values into domain values; every failure is a UsageException naming the option. */
final class Inputs {
    private Inputs() {
    }

    /** An ISO-8601 instant (2026-11-30T09:15:00Z, offsets allowed) or a date (midnight UTC). */
    static Instant instant(String text, String option) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw new UsageException(option + ": not an ISO-8601 time such as 2026-11-30T09:15:00Z or a date "
                        + "such as 2026-11-30: '" + text + "'");
            }
        }
    }

    static Direction direction(String text) {
        try {
            return Direction.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--direction: " + e.getMessage());
        }
    }

    static PhoneNumber number(String text, String option) {
        try {
            return PhoneNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(option + ": " + e.getMessage());
        }
    }

    static RecordingId id(String text) {
        try {
            return RecordingId.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static Map<String, String> tags(List<String> pairs) {
        try {
            return Tags.parse(pairs);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--tag: " + e.getMessage());
        }
    }
}
