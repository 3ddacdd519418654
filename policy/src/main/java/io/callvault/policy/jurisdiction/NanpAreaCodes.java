package io.callvault.policy.jurisdiction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * callvault's own table of North American Numbering Plan area codes: which US state, Canadian province or
 * NANP country each +1 code belongs to. libphonenumber's geocoder is not used: its output is prose ("Washington
 * State") that changes with each release, not an ISO 3166-2 code.
 *
 * <p>The built-in table is the resource {@code nanp-area-codes.txt} beside this class (format in its header
 * and in docs/policy-rules.md). Instances are immutable and thread-safe.
 */
public final class NanpAreaCodes {
    private static final String RESOURCE = "nanp-area-codes.txt";
    private static final NanpAreaCodes BUILT_IN = parse(RESOURCE, readResource());

    private final Map<String, AreaCode> codes;

    private NanpAreaCodes(Map<String, AreaCode> codes) {
        this.codes = Collections.unmodifiableMap(codes);
    }

    /** The table shipped with callvault. */
    public static NanpAreaCodes builtIn() {
        return BUILT_IN;
    }

    /**
     * Parses a table in the documented format.
     *
     * @param name used in error messages
     * @throws IllegalArgumentException naming {@code name:line} and what is wrong with the line
     */
    public static NanpAreaCodes parse(String name, String text) {
        Map<String, AreaCode> codes = new TreeMap<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String note = hash < 0 ? "" : line.substring(hash + 1);
            String data = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (data.isEmpty()) {
                continue;
            }
            String where = name + ":" + (i + 1) + ": ";
            String[] fields = data.split("\\s+");
            if (fields.length != 3 || !(fields[2].equals("geo") || fields[2].equals("nongeo"))) {
                throw new IllegalArgumentException(where + "expected 'NPA LOCATION geo|nongeo', found '" + data + "'");
            }
            try {
                Location location = fields[1].equals("NANP") ? Location.UNKNOWN : Location.parse(fields[1]);
                AreaCode code = new AreaCode(fields[0], location, fields[2].equals("geo"), note);
                if (codes.putIfAbsent(code.npa(), code) != null) {
                    throw new IllegalArgumentException("area code " + code.npa() + " is listed twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + e.getMessage(), e);
            }
        }
        return new NanpAreaCodes(codes);
    }

    /** The row for a three-digit area code, or empty when the table does not list it. */
    public Optional<AreaCode> lookup(String npa) {
        return Optional.ofNullable(codes.get(npa));
    }

    /** Every row, ordered by area code. */
    public Map<String, AreaCode> all() {
        return codes;
    }

    private static String readResource() {
        try (InputStream in = NanpAreaCodes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the policy jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + RESOURCE, e);
        }
    }
}
