package io.callvault.sip.transaction;

import io.callvault.sip.message.Method;
import io.callvault.sip.message.SipRequest;
import io.callvault.sip.message.SipResponse;
import io.callvault.sip.message.Via;
import java.util.Locale;
import java.util.Optional;

/**
 * Transaction matching keys. Branches and sent-by hosts compare case-insensitively (RFC 3261 §7.3.1);
 * methods case-sensitively (§7.1).
 */
sealed interface TransactionKey {

    /** §17.1.3: a response matches the client transaction with its top Via branch and CSeq method. */
    record Client(String branch, String method) implements TransactionKey {
        static Client of(SipRequest request) {
            return new Client(norm(request.topVia().branch().orElseThrow()), request.method().name());
        }

        /** Empty when the top Via has no branch: such a response matches nothing we sent. */
        static Optional<Client> of(SipResponse response) {
            return response.topVia().branch().map(b -> new Client(norm(b), response.cseq().method().name()));
        }
    }

    /**
     * §17.2.3: a request matches the server transaction with the same top Via branch, sent-by and method,
     * where ACK counts as INVITE. Requests without the RFC 3261 magic cookie (RFC 2543 clients) use a
     * simple form of the §17.2.3 backwards-compatible rule: Request-URI, From tag, Call-ID, CSeq number
     * and top Via (sent-by and any branch) must be equal, plus the method as above. The To tag is left
     * out so that the ACK (which carries our tag) matches its INVITE; a 2543 client that varies nothing
     * but the To tag between requests is not expected.
     */
    record Server(String id, String sentBy, String method) implements TransactionKey {
        static Server of(SipRequest request) {
            Method m = request.method();
            return of(request, Method.ACK.equals(m) ? Method.INVITE.name() : m.name());
        }

        /** The key of the INVITE a CANCEL targets (§9.2: same rule except the method). */
        static Server cancelTarget(SipRequest cancel) {
            return of(cancel, Method.INVITE.name());
        }

        private static Server of(SipRequest request, String method) {
            Via top = request.topVia();
            String sentBy = sentBy(top);
            if (top.hasRfc3261Branch()) {
                return new Server(norm(top.branch().orElseThrow()), sentBy, method);
            }
            String legacy = "rfc2543|" + request.requestUri() + "|" + request.from().tag().orElse("") + "|"
                    + request.callId().value() + "|" + request.cseq().number() + "|" + top.branch().orElse("");
            return new Server(legacy, sentBy, method);
        }

        /** host:port with the default port filled in (5061 for TLS, 5060 otherwise, §18.2.2). */
        private static String sentBy(Via via) {
            int defaultPort = "TLS".equalsIgnoreCase(via.transport()) ? 5061 : 5060;
            return norm(via.host()) + ":" + via.port().orElse(defaultPort);
        }

        boolean isRfc3261() {
            return !id.startsWith("rfc2543|");
        }
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
