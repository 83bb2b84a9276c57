package io.certguard.config;

/**
 * The function or command line is misconfigured (a variable missing or malformed). The message names the setting and
 * what a valid value looks like; fix the configuration (template parameter, env var or flag) and run again.
 */
public final class ConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
