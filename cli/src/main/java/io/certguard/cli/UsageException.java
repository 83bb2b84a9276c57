package io.certguard.cli;

/** The command line or its input is wrong (exit 2): unknown option, missing value or file, malformed SID or host. */
public final class UsageException extends CliException {
    private static final long serialVersionUID = 1L;

    private final boolean pointsToHelp;

    private UsageException(String message, boolean pointsToHelp, Throwable cause) {
        super(message, ExitCode.USAGE, cause);
        this.pointsToHelp = pointsToHelp;
    }

    /** Input that is wrong (a missing file, a malformed SID): the message says what to fix. */
    public UsageException(String message) {
        this(message, false, null);
    }

    public UsageException(String message, Throwable cause) {
        this(message, false, cause);
    }

    /** A command line that does not fit the command's synopsis: the error points to its help. */
    public static UsageException syntax(String message) {
        return new UsageException(message, true, null);
    }

    public boolean pointsToHelp() {
        return pointsToHelp;
    }
}
