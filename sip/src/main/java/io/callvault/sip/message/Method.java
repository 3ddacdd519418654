package io.callvault.sip.message;

import java.util.Objects;

/**
 * A request method: any token (RFC 3261 §7.1, §25.1 {@code Method = INVITEm / ... / extension-method}).
 * Methods are case-sensitive, so {@code invite} is an extension method, not INVITE. Extension methods
 * such as RFC 4475's {@code !interesting-Method0123456789_*+`.%indeed'~} are ordinary values; a '%' in
 * a method is a character, never an escape.
 */
public record Method(String name) {
    public static final Method INVITE = new Method("INVITE");
    public static final Method ACK = new Method("ACK");
    public static final Method BYE = new Method("BYE");
    public static final Method CANCEL = new Method("CANCEL");
    public static final Method OPTIONS = new Method("OPTIONS");
    public static final Method REGISTER = new Method("REGISTER");
    public static final Method PRACK = new Method("PRACK");
    public static final Method SUBSCRIBE = new Method("SUBSCRIBE");
    public static final Method NOTIFY = new Method("NOTIFY");
    public static final Method PUBLISH = new Method("PUBLISH");
    public static final Method INFO = new Method("INFO");
    public static final Method REFER = new Method("REFER");
    public static final Method MESSAGE = new Method("MESSAGE");
    public static final Method UPDATE = new Method("UPDATE");

    public Method {
        Objects.requireNonNull(name, "name");
        if (!SipGrammar.isToken(name)) {
            throw new SipParseException("method '" + SipGrammar.shown(name)
                    + "' is not a token (RFC 3261 §25.1: letters, digits and"
                    + " -.!%*_+`'~)");
        }
    }

    public static Method of(String name) {
        return new Method(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
