package io.callvault.sip.message;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One Via value (RFC 3261 §20.42, §18.2.1, RFC 3581): sent-protocol, sent-by and parameters, with LWS
 * allowed around '/', ':' and ';' as in RFC 4475 wsinv. {@code branch}, {@code received} and
 * {@code rport} are checked when present: branch is a token, received an IP address, rport empty or a
 * port. {@link #toString()} writes the compact canonical form.
 */
public record Via(String protocolName, String protocolVersion, String transport, String host,
        OptionalInt port, Params params) {

    /** The RFC 3261 branch prefix (§8.1.1.7). */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Via {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(params, "params");
        for (String t : new String[] {protocolName, protocolVersion, transport}) {
            if (!SipGrammar.isToken(t)) {
                throw new SipParseException("Via sent-protocol part '" + SipGrammar.shown(t) + "' is not a token");
            }
        }
        if (!Hosts.isValidHost(Objects.requireNonNull(host, "host"))) {
            throw new SipParseException("Via sent-by host '" + SipGrammar.shown(host)
                    + "' is not a host name or IP address");
        }
        if (port.isPresent() && (port.getAsInt() < 0 || port.getAsInt() > 65535)) {
            throw new SipParseException("Via sent-by port " + port.getAsInt() + " is outside 0..65535");
        }
        if (params.has("branch") && !params.value("branch").filter(SipGrammar::isToken).isPresent()) {
            throw new SipParseException("Via branch must be a token (RFC 3261 §20.42), got "
                    + SipGrammar.shown(params.toString()));
        }
        if (params.has("received") && !params.value("received").filter(Hosts::isIpAddress).isPresent()) {
            throw new SipParseException("Via received must be an IP address (RFC 3261 §20.42), got "
                    + SipGrammar.shown(params.toString()));
        }
        if (params.has("rport") && params.value("rport").isPresent()) {
            String v = params.value("rport").get();
            if (v.isEmpty() || v.length() > 5 || !v.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(v) > 65535) {
                throw new SipParseException("Via rport must be empty or a port (RFC 3581 §4), got '"
                        + SipGrammar.shown(v) + "'");
            }
        }
    }

    /** A new {@code SIP/2.0/<transport>} Via with a branch, as a UAC or B2BUA leg sends it. */
    public static Via of(String transport, String host, int port, String branch) {
        return new Via("SIP", "2.0", transport, host, OptionalInt.of(port), Params.EMPTY.with("branch", branch));
    }

    public static Via parse(String value) {
        Cursor in = new Cursor(value, "Via");
        in.skipLws();
        String name = in.token("protocol name");
        in.expectSeparator('/', "after the protocol name");
        String version = in.token("protocol version");
        in.expectSeparator('/', "after the protocol version");
        String transport = in.token("transport");
        if (!in.skipLws()) {
            throw in.fail("expected white space between sent-protocol and sent-by");
        }
        int start = in.pos();
        if (in.peek() == '[') {
            int close = value.indexOf(']', start);
            if (close < 0) {
                throw in.fail("IPv6 reference lacks ']'");
            }
            in.pos(close + 1);
        } else {
            while (!in.atEnd() && (SipGrammar.isAlphanum(in.peek()) || in.peek() == '.' || in.peek() == '-')) {
                in.next();
            }
        }
        String host = value.substring(start, in.pos());
        if (host.isEmpty()) {
            throw in.fail("expected the sent-by host");
        }
        OptionalInt port = OptionalInt.empty();
        if (in.separator(':')) {
            int digits = in.pos();
            while (!in.atEnd() && SipGrammar.isDigit(in.peek())) {
                in.next();
            }
            String p = value.substring(digits, in.pos());
            if (p.isEmpty() || p.length() > 5) {
                throw in.fail("expected a port of 1 to 5 digits");
            }
            port = OptionalInt.of(Integer.parseInt(p));
        }
        Params params = Params.parseHeaderParams(in);
        return new Via(name, version, transport, host, port, params);
    }

    public java.util.Optional<String> branch() {
        return params.value("branch");
    }

    /** True when the branch starts with the magic cookie and has something after it (RFC 4475 §3.2.1). */
    public boolean hasRfc3261Branch() {
        return branch().filter(b -> b.startsWith(MAGIC_COOKIE) && b.length() > MAGIC_COOKIE.length()).isPresent();
    }

    public java.util.Optional<String> received() {
        return params.value("received");
    }

    /** True when the sender asked for rport (RFC 3581 §3), with or without a value filled in. */
    public boolean hasRport() {
        return params.has("rport");
    }

    public OptionalInt rport() {
        return params.value("rport").map(v -> OptionalInt.of(Integer.parseInt(v))).orElse(OptionalInt.empty());
    }

    /** {@code host[:port]} as written in sent-by. */
    public String sentBy() {
        return port.isPresent() ? host + ":" + port.getAsInt() : host;
    }

    public Via withParams(Params newParams) {
        return new Via(protocolName, protocolVersion, transport, host, port, newParams);
    }

    public Via withBranch(String branch) {
        return withParams(params.with("branch", branch));
    }

    /** Adds received per RFC 3261 §18.2.1 (the server writes the packet's source address). */
    public Via withReceived(String address) {
        return withParams(params.with("received", address));
    }

    /** Fills in rport per RFC 3581 §4 (the packet's source port). */
    public Via withRport(int sourcePort) {
        return withParams(params.with("rport", Integer.toString(sourcePort)));
    }

    @Override
    public String toString() {
        return protocolName + "/" + protocolVersion + "/" + transport + " " + sentBy() + params;
    }
}
