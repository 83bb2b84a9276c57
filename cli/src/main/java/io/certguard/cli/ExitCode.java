package io.certguard.cli;

/** How a command ended, as the process exit status. Each command's help says which of these it uses. */
public enum ExitCode {
    /** Done, and the answer is yes: uploadable, permitted, every domain checked. */
    OK(0),
    /** Done, and the answer is no: a bundle with ERROR findings, CAA denies, a domain could not be checked. */
    PROBLEM(1),
    /** The command line or its input is wrong: unknown option, missing file, malformed SID, no credentials. */
    USAGE(2),
    /** Done, but the answer cannot be known (a CAA lookup failed). */
    INDETERMINATE(3),
    /** Could not be done: Twilio, AWS, DNS or the file system failed. */
    FAILURE(4);

    private final int status;

    ExitCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
