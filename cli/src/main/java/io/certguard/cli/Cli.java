package io.certguard.cli;

import io.certguard.alarm.AlarmPublishException;
import io.certguard.cli.bundle.CheckBundleCommand;
import io.certguard.cli.bundle.UploadCommand;
import io.certguard.cli.caa.CaaCommand;
import io.certguard.cli.demo.DemoCommand;
import io.certguard.cli.domains.DomainsCommand;
import io.certguard.cli.scan.ScanCommand;
import io.certguard.cli.twilio.RequestManagedCommand;
import io.certguard.config.ConfigurationException;
import io.certguard.state.StateStoreException;
import io.certguard.twilio.TwilioAuthenticationException;
import io.certguard.twilio.TwilioException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The command line: picks the subcommand, parses its options, runs it, and turns every failure into one line on
 * stderr and an exit status ({@link ExitCode}); {@code --debug} adds the stack trace. Nothing here reads the process's
 * environment or streams directly, so tests run it in-process.
 */
public final class Cli {

    private static final List<String> GLOBAL_FLAGS = List.of("--json", "--debug");

    private final Map<String, Command> commands = new LinkedHashMap<>();
    private final Clock clock;

    public Cli(List<Command> commands, Clock clock) {
        for (Command command : commands) {
            if (this.commands.putIfAbsent(command.spec().name(), command) != null) {
                throw new IllegalArgumentException("two commands named " + command.spec().name());
            }
        }
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Every command, wired for real use: Twilio, DNS, AWS and files as the arguments and environment say. */
    public static Cli standard(Clock clock) {
        return new Cli(List.of(new DemoCommand(), new CheckBundleCommand(), new UploadCommand(), new CaaCommand(), new ScanCommand(),
                new RequestManagedCommand(), DomainsCommand.onDynamoDb()), clock);
    }

    /** Runs {@code certguard ARGS} and returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        return standard(Clock.systemUTC()).execute(args, out, err, env);
    }

    public int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> env) {
        List<String> leading = new ArrayList<>();
        int i = 0;
        while (i < args.length && GLOBAL_FLAGS.contains(args[i])) {
            leading.add(args[i++]);
        }
        if (i == args.length) {
            err.println("certguard: no command given. The commands:");
            err.print(overview());
            return ExitCode.USAGE.status();
        }
        String word = args[i];
        List<String> after = List.of(args).subList(i + 1, args.length);
        if (word.equals("help") && !after.isEmpty()) {
            return execute(new String[] {after.getFirst(), "--help"}, out, err, env);
        }
        if (word.equals("--help") || word.equals("-h") || word.equals("help")) {
            out.print(overview());
            return ExitCode.OK.status();
        }
        Command command = commands.get(word);
        if (command == null) {
            err.println("certguard: unknown command " + Arguments.shown(word) + "; the commands are "
                    + String.join(", ", commands.keySet()) + " (./certguard --help)");
            return ExitCode.USAGE.status();
        }
        List<String> rest = new ArrayList<>(leading); // before the command's own, so "--" still ends the options
        rest.addAll(after);
        return execute(command, rest, out, err, env);
    }

    private int execute(Command command, List<String> args, PrintStream out, PrintStream err, Map<String, String> env) {
        String name = command.spec().name();
        boolean debug = args.contains("--debug");
        try {
            Arguments parsed = Arguments.parse(command.spec(), args);
            if (parsed.flag(Option.HELP.name())) {
                out.print(command.spec().help());
                return ExitCode.OK.status();
            }
            Output output = new Output(out, err, parsed.flag(Option.JSON.name()));
            return command.run(new Invocation(parsed, output, env, clock)).status();
        } catch (Exception e) {
            Failure failure = describe(e);
            err.println("certguard " + name + ": " + oneLine(failure.message())
                    + (e instanceof UsageException usage && usage.pointsToHelp() ? " (./certguard " + name + " --help)" : ""));
            if (debug) {
                e.printStackTrace(err);
            }
            err.flush();
            return failure.exitCode().status();
        }
    }

    /** What to say about an exception, and how to exit. */
    record Failure(String message, ExitCode exitCode) {
    }

    static Failure describe(Exception e) {
        return switch (e) {
            case CliException cli -> new Failure(cli.getMessage(), cli.exitCode());
            case ConfigurationException config -> new Failure(config.getMessage(), ExitCode.USAGE);
            case TwilioAuthenticationException auth -> new Failure("Twilio refused the credentials: " + auth.getMessage(),
                    ExitCode.FAILURE);
            case TwilioException twilio -> new Failure("Twilio: " + twilio.getMessage(), ExitCode.FAILURE);
            case StateStoreException state -> new Failure(state.getMessage(), ExitCode.FAILURE);
            case AlarmPublishException publish -> new Failure(publish.getMessage(), ExitCode.FAILURE);
            case SdkException aws -> new Failure("AWS: " + aws(aws), ExitCode.FAILURE);
            case UncheckedIOException io -> new Failure(io.getMessage(), ExitCode.FAILURE);
            default -> new Failure("internal error: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " (--debug shows where)", ExitCode.FAILURE);
        };
    }

    /** The SDK's message, except where it lists its provider chains: then what to set. */
    private static String aws(SdkException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("Unable to load region")) {
            return "no AWS region: set AWS_REGION, or AWS_PROFILE naming a profile with a region";
        }
        if (message.startsWith("Unable to load credentials")) {
            return "no AWS credentials: set AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY";
        }
        return message;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    /** The overview {@code ./certguard --help} prints. */
    public String overview() {
        StringBuilder text = new StringBuilder();
        text.append("certguard keeps Twilio Link Shortening certificates from expiring.\n\n");
        text.append("Usage: ./certguard COMMAND [options]      ./certguard COMMAND --help for one command\n\nCommands:\n");
        int width = commands.keySet().stream().mapToInt(String::length).max().orElse(0);
        commands.values().forEach(c -> text.append("  ").append(c.spec().name())
                .append(" ".repeat(width - c.spec().name().length())).append("  ").append(c.spec().summary()).append('\n'));
        text.append("""

                Every command takes --json (machine-readable result on stdout), --debug (stack traces) and --help.
                Exit status: 0 ok, 1 a problem found, 2 usage error, 3 indeterminate, 4 could not complete.
                """);
        return text.toString();
    }
}
