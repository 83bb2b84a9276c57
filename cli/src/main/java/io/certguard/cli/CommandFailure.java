package io.certguard.cli;

/** A command could not do what was asked (a service or the file system failed), or stops with a definite "no". */
public final class CommandFailure extends CliException {
    private static final long serialVersionUID = 1L;

    public CommandFailure(String message, ExitCode exitCode, Throwable cause) {
        super(message, exitCode, cause);
        if (exitCode == ExitCode.USAGE || exitCode == ExitCode.OK) {
            throw new IllegalArgumentException("a failure exits with PROBLEM, INDETERMINATE or FAILURE, not " + exitCode);
        }
    }

    public static CommandFailure failed(String message, Throwable cause) {
        return new CommandFailure(message, ExitCode.FAILURE, cause);
    }
}
