package io.certguard.cli;

/** {@code java -jar certguard-cli.jar COMMAND …}, as {@code ./certguard} runs it. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // The Twilio client logs its retries through java.util.logging: one line each, not the two-line default.
        System.setProperty("java.util.logging.SimpleFormatter.format", "certguard: %4$s: %5$s%n");
        System.exit(Cli.run(args, System.out, System.err, System.getenv()));
    }
}
