package io.callvault.sip.transport;

import io.callvault.sip.message.SipMessage;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * The server transport's duty on every request received (RFC 3261 §18.2.1, RFC 3581 §4): add
 * {@code received} to the top Via when its sent-by host is not the packet's source address, and always
 * when the sender asked for {@code rport}; fill in {@code rport} with the source port. Responses built
 * from the request (they copy the Vias) then tell the client what we saw. Responses pass unchanged.
 */
final class ReceivedStamp {
    private ReceivedStamp() {
    }

    /** The message with its top Via stamped; the same instance when nothing needs to change. */
    static SipMessage stamp(SipMessage message, InetSocketAddress source) {
        if (!(message instanceof SipRequest request)) {
            return message;
        }
        Via top = request.topVia();
        InetAddress address = source.getAddress();
        Via stamped = top;
        if (top.hasRport() || !isSameAddress(top.host(), address)) {
            stamped = stamped.withReceived(literal(address));
        }
        if (top.hasRport()) {
            stamped = stamped.withRport(source.getPort());
        }
        if (stamped == top) {
            return request;
        }
        return request.withHeaders(request.headers().withoutFirst("Via").withFirst("Via", stamped.toString()));
    }

    /** True when the sent-by host is an IP literal equal to {@code address} (a name never is). */
    static boolean isSameAddress(String host, InetAddress address) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!literal.contains(":") && !literal.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
            return false;
        }
        try {
            return InetAddress.ofLiteral(literal).equals(address);
        } catch (IllegalArgumentException notALiteral) {
            return false;
        }
    }

    /** The address as Via received wants it: dotted quad or IPv6 without brackets or scope. */
    static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }
}
