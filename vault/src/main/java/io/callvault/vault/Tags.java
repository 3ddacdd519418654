package io.callvault.vault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Rules for recording tags: short lower-case keys, values of printable text. */
public final class Tags {
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_.-]{0,63}");

    private Tags() {
    }

    /** @throws IllegalArgumentException naming the bad key or value */
    public static void check(String key, String value) {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad tag key '" + key + "': use 1-64 characters a-z 0-9 _ . -, "
                    + "starting with a letter");
        }
        if (value == null || value.length() > 256 || value.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("bad value for tag '" + key + "': at most 256 printable characters");
        }
    }

    /** Parses "key=value" strings as given on a command line. */
    public static Map<String, String> parse(List<String> pairs) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (String pair : pairs == null ? List.<String>of() : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("bad tag '" + pair + "': expected key=value");
            }
            String key = pair.substring(0, eq).strip();
            String value = pair.substring(eq + 1).strip();
            check(key, value);
            tags.put(key, value);
        }
        return tags;
    }
}
