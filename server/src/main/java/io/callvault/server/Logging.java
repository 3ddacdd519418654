package io.callvault.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Sets callvault's log level from the configuration (log.level). */
public final class Logging {
    private Logging() {
    }

    public static void setLevel(String level) {
        if (LoggerFactory.getLogger("io.callvault") instanceof Logger l) {
            l.setLevel(Level.toLevel(level, Level.INFO));
        }
    }
}
