package io.callvault.sip.message;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Header field names: canonical spellings, compact forms (RFC 3261 §7.3.3, §20 and the IANA SIP
 * parameters registry) and which fields hold comma-separated lists (§7.3.1). Lookups ignore case; a
 * compact form is the same field as its long form ({@code v} is {@code Via}).
 */
public final class HeaderNames {
    private static final Map<String, String> CANONICAL = new HashMap<>();
    private static final Map<String, String> COMPACT = Map.ofEntries(
            Map.entry("i", "Call-ID"), Map.entry("m", "Contact"), Map.entry("f", "From"), Map.entry("t", "To"),
            Map.entry("v", "Via"), Map.entry("l", "Content-Length"), Map.entry("c", "Content-Type"),
            Map.entry("k", "Supported"), Map.entry("s", "Subject"), Map.entry("e", "Content-Encoding"),
            Map.entry("o", "Event"), Map.entry("r", "Refer-To"), Map.entry("b", "Referred-By"),
            Map.entry("u", "Allow-Events"), Map.entry("x", "Session-Expires"), Map.entry("a", "Accept-Contact"),
            Map.entry("j", "Reject-Contact"), Map.entry("d", "Request-Disposition"), Map.entry("y", "Identity"),
            Map.entry("n", "Identity-Info"));

    /**
     * Fields whose grammar is {@code 1#element} (or {@code #element}), so a comma outside quotes and
     * angle brackets separates values. Not listed on purpose: Authorization and the *-Authenticate
     * fields (commas inside one challenge), Date, Subject, Call-ID, Retry-After and every unknown field.
     */
    private static final Set<String> LISTS = Set.of("via", "route", "record-route", "contact", "allow",
            "supported", "require", "proxy-require", "unsupported", "accept", "accept-encoding",
            "accept-language", "content-encoding", "content-language", "alert-info", "call-info", "error-info",
            "in-reply-to", "warning", "allow-events", "path", "service-route", "p-asserted-identity",
            "p-preferred-identity", "reason", "security-client", "security-server", "security-verify",
            "accept-contact", "reject-contact", "request-disposition");

    static {
        for (String name : new String[] {"Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow",
            "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
            "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Error-Info",
            "Expires", "From", "In-Reply-To", "Max-Forwards", "MIME-Version", "Min-Expires", "Organization",
            "Priority", "Proxy-Authenticate", "Proxy-Authorization", "Proxy-Require", "Record-Route", "Reply-To",
            "Require", "Retry-After", "Route", "Server", "Subject", "Supported", "Timestamp", "To", "Unsupported",
            "User-Agent", "Via", "Warning", "WWW-Authenticate", "Event", "Refer-To", "Referred-By",
            "Allow-Events", "Session-Expires", "Min-SE", "Accept-Contact", "Reject-Contact", "Request-Disposition",
            "Identity", "Identity-Info", "Path", "Service-Route", "P-Asserted-Identity", "P-Preferred-Identity",
            "Privacy", "Reason", "RAck", "RSeq", "Replaces", "Security-Client", "Security-Server",
            "Security-Verify", "Subscription-State"}) {
            CANONICAL.put(name.toLowerCase(Locale.ROOT), name);
        }
    }

    private HeaderNames() {
    }

    /**
     * The canonical spelling of a field name: compact forms expand, known names take their RFC spelling,
     * unknown names are returned as given. Throws {@link SipParseException} if {@code name} is not a token.
     */
    public static String canonical(String name) {
        if (!SipGrammar.isToken(name)) {
            throw new SipParseException("header name '" + SipGrammar.shown(name)
                    + "' is not a token (RFC 3261 §7.3.1)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        String compact = COMPACT.get(lower);
        if (compact != null) {
            return compact;
        }
        return CANONICAL.getOrDefault(lower, name);
    }

    /** The lookup key: canonical name in lower case. */
    public static String key(String name) {
        return canonical(name).toLowerCase(Locale.ROOT);
    }

    /** True when values of this field are a comma-separated list that may be split into entries. */
    public static boolean isList(String name) {
        return LISTS.contains(key(name));
    }
}
