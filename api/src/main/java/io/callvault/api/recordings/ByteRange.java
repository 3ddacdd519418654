package io.callvault.api.recordings;

import io.callvault.api.errors.ApiException;
import io.callvault.api.errors.ErrorCodes;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a representation of {@code total} bytes, inclusive at both ends, from an HTTP
 * {@code Range} header (RFC 9110 §14). Supported: a single range {@code bytes=a-b}, {@code bytes=a-} and the
 * suffix {@code bytes=-n}. A header this server does not serve as a range — another unit, several ranges,
 * a malformed spec, {@code b < a} — is ignored, as §14.2 permits, and the whole representation is sent.
 * A well-formed range that selects nothing ({@code a >= total}, {@code -0}) is 416.
 */
record ByteRange(long first, long last, long total) {
    private static final Pattern SPEC = Pattern.compile("(\\d*)-(\\d*)");
    /** More digits than a long holds are read as "beyond any file". */
    private static final int MAX_DIGITS = 18;

    ByteRange {
        if (first < 0 || last < first || last >= total) {
            throw new IllegalArgumentException("bad range " + first + "-" + last + "/" + total);
        }
    }

    long length() {
        return last - first + 1;
    }

    /** The Content-Range header value, {@code bytes a-b/total}. */
    String contentRange() {
        return "bytes " + first + "-" + last + "/" + total;
    }

    /**
     * @return the range to send, or empty to send everything
     * @throws ApiException 416 {@code range_not_satisfiable} with {@code Content-Range: bytes * /total}
     */
    static Optional<ByteRange> parse(String header, long total) throws ApiException {
        if (header == null) {
            return Optional.empty();
        }
        String h = header.strip();
        if (!h.toLowerCase(Locale.ROOT).startsWith("bytes=")) {
            return Optional.empty();
        }
        Matcher m = SPEC.matcher(h.substring(6).strip());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        if (m.group(1).isEmpty()) {
            long suffix = number(m.group(2));
            if (suffix == 0) {
                throw unsatisfiable(total);
            }
            return Optional.of(new ByteRange(Math.max(0, total - suffix), total - 1, total));
        }
        long first = number(m.group(1));
        long last = m.group(2).isEmpty() ? Long.MAX_VALUE : number(m.group(2));
        if (last < first) {
            return Optional.empty();
        }
        if (first >= total) {
            throw unsatisfiable(total);
        }
        return Optional.of(new ByteRange(first, Math.min(last, total - 1), total));
    }

    private static long number(String digits) {
        return digits.length() > MAX_DIGITS ? Long.MAX_VALUE : Long.parseLong(digits);
    }

    private static ApiException unsatisfiable(long total) {
        return new ApiException(416, ErrorCodes.RANGE_NOT_SATISFIABLE, "the range starts beyond the end of the "
                + total + "-byte file").withHeader("Content-Range", "bytes */" + total);
    }
}
