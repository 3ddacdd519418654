package io.callvault.sip.message;

import java.util.Objects;

/**
 * One header field value: {@code name} is canonical ({@link HeaderNames#canonical}), {@code value} is
 * unfolded text without leading or trailing SP/HTAB and without CR or LF, so writing
 * {@code name + ": " + value} and reading it back gives the same header.
 */
public record Header(String name, String value) {

    public Header {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        name = HeaderNames.canonical(name);
        value = SipGrammar.trimLws(value);
        SipGrammar.checkText(value, "value of header " + name);
    }

    /** True when this header has the given name, compact and long forms alike, ignoring case. */
    public boolean is(String otherName) {
        return name.equalsIgnoreCase(HeaderNames.canonical(otherName));
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
