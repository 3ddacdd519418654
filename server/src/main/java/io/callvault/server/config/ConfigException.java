package io.callvault.server.config;

/** The configuration cannot be used; the message names the key, the value, its origin and what is allowed. */
public class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
