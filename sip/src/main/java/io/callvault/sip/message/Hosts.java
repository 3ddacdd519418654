package io.callvault.sip.message;

/**
 * host = hostname / IPv4address / IPv6reference (RFC 3261 §25.1, RFC 5954 for IPv6). Checks form only;
 * nothing here resolves names.
 */
final class Hosts {
    private Hosts() {
    }

    static boolean isValidHost(String host) {
        if (host.startsWith("[")) {
            return host.endsWith("]") && isIpv6(host.substring(1, host.length() - 1));
        }
        return isIpv4(host) || isHostname(host);
    }

    /** IPv4address, IPv6address or IPv6reference, as in Via received (RFC 3261 §20.42, RFC 5954 §4.5). */
    static boolean isIpAddress(String s) {
        if (s.startsWith("[") && s.endsWith("]")) {
            return isIpv6(s.substring(1, s.length() - 1));
        }
        return isIpv4(s) || isIpv6(s);
    }

    static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (!SipGrammar.isDigit(p.charAt(i))) {
                    return false;
                }
            }
            if (Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** hostname = *( domainlabel "." ) toplabel [ "." ]; toplabel starts with a letter. */
    static boolean isHostname(String s) {
        if (s.isEmpty() || s.length() > 255) {
            return false;
        }
        String body = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        String[] labels = body.split("\\.", -1);
        for (String label : labels) {
            if (label.isEmpty() || label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                return false;
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!SipGrammar.isAlphanum(c) && c != '-') {
                    return false;
                }
            }
        }
        return SipGrammar.isAlpha(labels[labels.length - 1].charAt(0));
    }

    /** RFC 4291 §2.2 text forms, including "::" compression and a trailing dotted IPv4 part. */
    static boolean isIpv6(String s) {
        if (s.isEmpty() || s.length() > 45) {
            return false;
        }
        int compress = s.indexOf("::");
        if (compress >= 0 && s.indexOf("::", compress + 1) >= 0) {
            return false;
        }
        String head = compress >= 0 ? s.substring(0, compress) : s;
        String tail = compress >= 0 ? s.substring(compress + 2) : "";
        int groups = 0;
        String[][] halves = {head.isEmpty() ? new String[0] : head.split(":", -1),
            tail.isEmpty() ? new String[0] : tail.split(":", -1)};
        for (int h = 0; h < 2; h++) {
            String[] parts = halves[h];
            for (int i = 0; i < parts.length; i++) {
                boolean last = i == parts.length - 1 && (h == 1 || compress < 0);
                if (last && parts[i].indexOf('.') >= 0) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (isHexGroup(parts[i])) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return compress >= 0 ? groups <= 7 : groups == 8;
    }

    private static boolean isHexGroup(String g) {
        if (g.isEmpty() || g.length() > 4) {
            return false;
        }
        for (int i = 0; i < g.length(); i++) {
            if (!SipGrammar.isHex(g.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
