package io.callvault.api.http;

import io.callvault.api.errors.ApiException;
import io.callvault.core.PhoneNumber;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Query parameters and text values parsed into domain values. A parameter of the wrong form is a 400
 * naming the parameter and the expected form; a value of the right form that the domain refuses is a 422.
 */
public final class Params {
    private Params() {
    }

    /** The single value of an optional parameter (blank counts as absent); 400 if it is repeated. */
    public static String optional(Context ctx, String name) throws ApiException {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' may be given once");
        }
        return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
    }

    /** An integer parameter in [min, max], or {@code dflt} when absent. */
    public static int intIn(Context ctx, String name, int min, int max, int dflt) throws ApiException {
        String text = optional(ctx, name);
        if (text == null) {
            return dflt;
        }
        try {
            int v = Integer.parseInt(text);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be an integer " + min + ".." + max
                + ", not '" + text + "'");
    }

    /** A long parameter of at least {@code min}, or {@code dflt} when absent. */
    public static long longAtLeast(Context ctx, String name, long min, long dflt) throws ApiException {
        String text = optional(ctx, name);
        if (text == null) {
            return dflt;
        }
        try {
            long v = Long.parseLong(text);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest("query parameter '" + name + "' must be an integer >= " + min + ", not '"
                + text + "'");
    }

    /** {@code true} or {@code false}, or {@code dflt} when absent. */
    public static boolean bool(Context ctx, String name, boolean dflt) throws ApiException {
        String text = optional(ctx, name);
        if (text == null) {
            return dflt;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("query parameter '" + name + "' must be true or false, not '"
                    + text + "'");
        };
    }

    /**
     * An ISO-8601 instant ({@code 2026-11-30T09:15:00Z}, offsets allowed) or a date (midnight UTC).
     *
     * @param what names the value in the error, e.g. "query parameter 'since'"
     */
    public static Instant instant(String text, String what) throws ApiException {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e2) {
                throw ApiException.badRequest(what + " must be an ISO-8601 time such as 2026-11-30T09:15:00Z or a "
                        + "date such as 2026-11-30, not '" + text + "'");
            }
        }
    }

    /**
     * A number in a query parameter, or null when absent. An unencoded '+' arrives as a space (form
     * encoding), so a value of a space and digits is read as '+' and digits rather than as an extension.
     */
    public static PhoneNumber numberParam(Context ctx, String name) throws ApiException {
        List<String> values = ctx.queryParams(name);
        if (values.size() > 1) {
            throw ApiException.badRequest("query parameter '" + name + "' may be given once");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        String raw = values.get(0);
        String text = raw.matches(" [1-9][0-9]*") ? "+" + raw.substring(1) : raw.strip();
        return number(text, "query parameter '" + name + "'");
    }

    /** An E.164 number ({@code +14155550123}) or extension, as the catalog stores them. */
    public static PhoneNumber number(String text, String what) throws ApiException {
        try {
            return PhoneNumber.of(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(what + ": " + e.getMessage());
        }
    }
}
