package io.callvault.api.errors;

import io.javalin.http.Context;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts the connection of a response that failed after its status and part of its body went out (a
 * streamed export or audio file whose later bytes fail to decrypt). Closing the connection, rather than
 * ending the body normally, makes the client see an incomplete transfer instead of a short file that
 * looks complete.
 */
final class Abort {
    private static final Logger LOG = LoggerFactory.getLogger(Abort.class);

    private Abort() {
    }

    static void connection(Context ctx) {
        try {
            ServletRequest req = ctx.req();
            while (req instanceof ServletRequestWrapper w) {
                req = w.getRequest();
            }
            ServletContextRequest.getServletContextRequest(req).getConnectionMetaData().getConnection().close();
        } catch (RuntimeException e) {
            LOG.warn("Could not abort the connection of a failed streamed response to {}: {}", ctx.path(), e.toString());
        }
    }
}
