package io.certguard.cli;

import java.util.Objects;

/**
 * A command cannot go on, for a reason a person can act on. The message is the one line printed on stderr: it says
 * what is wrong and, where it helps, what to do; it never carries a secret.
 */
public abstract sealed class CliException extends RuntimeException permits UsageException, CommandFailure {
    private static final long serialVersionUID = 1L;

    private final ExitCode exitCode;

    protected CliException(String message, ExitCode exitCode, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.exitCode = Objects.requireNonNull(exitCode, "exitCode");
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
