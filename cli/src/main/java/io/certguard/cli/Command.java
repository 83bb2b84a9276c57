package io.certguard.cli;

/** A subcommand of {@code ./certguard}. */
public interface Command {

    CommandSpec spec();

    /**
     * Runs the command and writes its result.
     *
     * @throws CliException for input a person must fix or a failure to report in one line
     */
    ExitCode run(Invocation invocation);
}
